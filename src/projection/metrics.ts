/**
 * The comparison's figures (src/compare/metrics.ts `ScenarioMetrics`) from a
 * ledger kept as totals, figure for figure as `metricsOf` makes them from a
 * full ledger: cost, streams and funders in cents, per month, per group
 * (cost attributed by hours, what the provider carries, kindplek money for
 * empty places and surplus, occupancy), children served and waiting, budget
 * use (seed 004 §XI).
 */
import { type GroupCoverage, groupCoverage, ratiosOf, type ScenarioMetrics } from "../compare/metrics"
import { type YearMonth, yearOf } from "../domain/calendar"
import type { BudgetUse } from "../domain/ledger/types"
import { ZERO } from "../domain/money"
import { fundersOf } from "../domain/policy/funders"
import type { Funder } from "../domain/policy/types"
import { latestRecorded } from "../domain/timeline/facts"
import type { LedgerRun } from "./ledgerRun"
import { budgetUseOf } from "../domain/rules/compute"

const add = <K>(m: Map<K, bigint>, k: K, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v)

/** Budget lines of the period's years, against their streams' cents and the kindplek group lines (seed 004 §XI). */
export const budgetsOf = (run: LedgerRun): ReadonlyArray<BudgetUse> => {
  const { setup, state } = run
  const years = new Set(setup.months.map(yearOf))
  const out: Array<BudgetUse> = []
  for (const id of [...run.budgetLines.keys()].sort()) {
    const line = latestRecorded(run.budgetLines.get(id)!.set)
    if (line === undefined || !years.has(line.data.year)) continue
    const streams = new Set(line.data.streams)
    let cents = 0n
    setup.months.forEach((month, i) => {
      if (yearOf(month) !== line.data.year) return
      for (const [s, t] of state.monthly[i]!.streams) if (streams.has(s)) cents += t.cents
    })
    if ([...streams].some((s) => setup.kindplekStreams.has(s)))
      for (const g of state.groups.values())
        g.lines.forEach((l, i) => {
          if (l !== undefined && yearOf(setup.months[i]!) === line.data.year) cents += l.vacancyCents + l.surplusCents
        })
    out.push(budgetUseOf(id, line.data, cents))
  }
  return out
}

export const metricsOfRun = (run: LedgerRun): ScenarioMetrics => {
  const { setup, state } = run
  const { of: funderOf, groupLines: kindplekFunder } = fundersOf(setup.policy)
  const streams = new Map<string, bigint>()
  const funders = new Map<Funder, bigint>()
  const order = [...setup.rounding.order, ...[...state.streams.keys()].filter((s) => !setup.rounding.order.includes(s)).sort()]
  for (const s of order) {
    const t = state.streams.get(s)
    if (t === undefined) continue
    add(streams, s, t.cents)
    add(funders, funderOf(s), t.cents)
  }
  const monthly = setup.months.map((month, i) => {
    const m = state.monthly[i]!
    const f = new Map<Funder, bigint>()
    for (const s of order) {
      const t = m.streams.get(s)
      if (t !== undefined) add(f, funderOf(s), t.cents)
    }
    return { month: month as YearMonth, funders: f, costCents: m.costCents }
  })
  let groupLinesCents = 0n
  let occupied = ZERO
  let capacity = ZERO
  const infos = run.groupInfos()
  const groups: Array<GroupCoverage> = []
  for (const id of [...state.groups.keys()].sort()) {
    const g = state.groups.get(id)!
    let income = 0n
    let occ = ZERO
    let cap = ZERO
    let hasLine = false
    g.lines.forEach((l, i) => {
      if (l === undefined) return
      hasLine = true
      const extra = l.vacancyCents + l.surplusCents
      income += extra
      add(funders, kindplekFunder, extra)
      add(monthly[i]!.funders, kindplekFunder, extra)
      occ = occ.plus(l.occupied)
      cap = cap.plus(l.capacity)
    })
    groupLinesCents += income
    occupied = occupied.plus(occ)
    capacity = capacity.plus(cap)
    if (g.children.size === 0 && !hasLine) continue
    // A group without a line in the period is named "?", as a full run names it (whose names come from the lines).
    groups.push(
      groupCoverage(id, hasLine ? infos.get(id) : undefined, {
        costCents: g.costCents,
        providerCents: g.providerCents,
        groupIncomeCents: income,
        occupied: occ,
        capacity: cap,
        children: g.children.size
      })
    )
  }
  return {
    costCents: state.costCents,
    hours: state.hours,
    streams,
    funders,
    groupLinesCents,
    childrenServed: state.served,
    childrenWaitingAtEnd: state.waitingAtEnd,
    childrenEverWaiting: state.everWaiting,
    ...ratiosOf(state.costCents, state.served, state.hours, occupied, capacity),
    groups,
    monthly,
    budgets: budgetsOf(run)
  }
}
