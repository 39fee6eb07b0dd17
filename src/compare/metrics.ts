/**
 * The figures a finance analyst compares between scenarios (issue 4
 * "Compare"; PolicyEngine's breakdown by programme, ../shared/ANCHORS.md):
 * cost, per stream and per funder, per child and per child-hour, children
 * served and waiting, budget use, occupancy, and each group's cost coverage.
 * Computed from a run's ledger in whole cents.
 */
import { monthInterval, type YearMonth } from "../domain/calendar"
import type { Funder } from "../domain/policy/types"
import { Dec, ZERO } from "../domain/money"
import { childTimeline } from "../domain/timeline/periods"
import type { RunResult } from "../scenario/run"

export interface GroupCoverage {
  readonly groupId: string
  readonly providerId: string
  readonly locationId: string
  readonly design: string
  /** Cost of the care given in the group over the period (children's cost). */
  readonly costCents: bigint
  /** What the provider carries itself (the provider stream). */
  readonly providerCents: bigint
  /** Kindplek subsidy for empty places and unabsorbed surplus: income not tied to a child. */
  readonly groupIncomeCents: bigint
  /** (cost − provider + group income) / cost */
  readonly coverage: Dec
  readonly occupancy: Dec
  readonly children: number
}

export interface ScenarioMetrics {
  readonly costCents: bigint
  readonly hours: Dec
  readonly streams: ReadonlyMap<string, bigint>
  readonly funders: ReadonlyMap<Funder, bigint>
  /** Kindplek money paid for empty places and surplus, by funder (outside children's cost). */
  readonly groupLinesCents: bigint
  readonly childrenServed: number
  readonly childrenWaitingAtEnd: number
  readonly childrenEverWaiting: number
  readonly costPerChild: Dec
  readonly costPerChildHour: Dec
  readonly occupancy: Dec
  readonly groups: ReadonlyArray<GroupCoverage>
  readonly monthly: ReadonlyArray<{ readonly month: YearMonth; readonly funders: ReadonlyMap<Funder, bigint>; readonly costCents: bigint }>
  readonly budgets: RunResult["ledger"]["budgets"]
}

const add = <K>(m: Map<K, bigint>, k: K, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v)

export const metricsOf = (r: RunResult): ScenarioMetrics => {
  const { ledger, scenario } = r
  const funderOf = new Map(scenario.policy.streams.map((s) => [s.name, s.funder]))
  const kindplekStream = scenario.policy.layers.plus.payers.find((p) => p.kind === "kindplek")?.stream ?? "kindplek"
  const streams = new Map<string, bigint>()
  const funders = new Map<Funder, bigint>()
  const monthly = new Map<YearMonth, { funders: Map<Funder, bigint>; costCents: bigint }>(ledger.months.map((m) => [m, { funders: new Map(), costCents: 0n }]))
  const served = new Set<string>()
  let costCents = 0n
  let hours = ZERO
  type G = { cost: bigint; provider: bigint; children: Set<string> }
  const perGroup = new Map<string, G>()
  for (const c of ledger.children) {
    served.add(c.childId)
    costCents += c.costCents
    hours = hours.plus(c.hours)
    const month = monthly.get(c.month)!
    month.costCents += c.costCents
    for (const [s, v] of c.streamCents) {
      add(streams, s, v)
      add(funders, funderOf.get(s) ?? "overig", v)
      add(month.funders, funderOf.get(s) ?? "overig", v)
    }
    // Attribute the child-month to its groups by hours.
    const groups = [...c.groupHours.entries()]
    for (const [g, h] of groups) {
      const share = c.hours.isZero() ? new Dec(1).dividedBy(groups.length) : h.dividedBy(c.hours)
      const gm = perGroup.get(g) ?? { cost: 0n, provider: 0n, children: new Set() }
      gm.cost += BigInt(new Dec(c.costCents.toString()).times(share).toFixed(0))
      gm.provider += BigInt(new Dec((c.streamCents.get("provider") ?? 0n).toString()).times(share).toFixed(0))
      gm.children.add(c.childId)
      perGroup.set(g, gm)
    }
  }
  let groupLinesCents = 0n
  const groupIncome = new Map<string, bigint>()
  const occ = new Map<string, { occupied: Dec; capacity: Dec }>()
  let occupied = ZERO
  let capacity = ZERO
  for (const g of ledger.groups) {
    const extra = g.vacancyCents + g.surplusCents
    groupLinesCents += extra
    add(groupIncome, g.groupId, extra)
    add(funders, funderOf.get(kindplekStream) ?? "gemeente", extra)
    add(monthly.get(g.month)?.funders ?? new Map(), funderOf.get(kindplekStream) ?? "gemeente", extra)
    const o = occ.get(g.groupId) ?? { occupied: ZERO, capacity: ZERO }
    o.occupied = o.occupied.plus(g.occupancy.occupiedPlaceDays)
    o.capacity = o.capacity.plus(g.occupancy.capacityPlaceDays)
    occ.set(g.groupId, o)
    occupied = occupied.plus(g.occupancy.occupiedPlaceDays)
    capacity = capacity.plus(g.occupancy.capacityPlaceDays)
  }
  const info = new Map(ledger.groups.map((g) => [g.groupId, g]))
  const groups: Array<GroupCoverage> = [...new Set([...perGroup.keys(), ...info.keys()])].sort().map((id) => {
    const gm = perGroup.get(id) ?? { cost: 0n, provider: 0n, children: new Set<string>() }
    const g = info.get(id)
    const income = groupIncome.get(id) ?? 0n
    const o = occ.get(id)
    return {
      groupId: id,
      providerId: g?.providerId ?? "?",
      locationId: g?.locationId ?? "?",
      design: g?.design ?? "?",
      costCents: gm.cost,
      providerCents: gm.provider,
      groupIncomeCents: income,
      coverage: gm.cost === 0n ? ZERO : new Dec((gm.cost - gm.provider + income).toString()).dividedBy(gm.cost.toString()),
      occupancy: o && !o.capacity.isZero() ? o.occupied.dividedBy(o.capacity) : ZERO,
      children: gm.children.size
    }
  })
  // Children waiting for a plus place: at the end of the period, and at any time in it.
  const lastDay = monthInterval(ledger.months[ledger.months.length - 1]!).to
  const firstDay = monthInterval(ledger.months[0]!).from
  let waitingAtEnd = 0
  let everWaiting = 0
  for (const child of r.world.children.values()) {
    const w = childTimeline(child).waitingPlusPlace
    if (w.some((p) => p.from <= lastDay && p.to >= lastDay)) waitingAtEnd++
    if (w.some((p) => p.from <= lastDay && p.to >= firstDay)) everWaiting++
  }
  const cost = new Dec(costCents.toString()).dividedBy(100)
  return {
    costCents,
    hours,
    streams,
    funders,
    groupLinesCents,
    childrenServed: served.size,
    childrenWaitingAtEnd: waitingAtEnd,
    childrenEverWaiting: everWaiting,
    costPerChild: served.size === 0 ? ZERO : cost.dividedBy(served.size),
    costPerChildHour: hours.isZero() ? ZERO : cost.dividedBy(hours),
    occupancy: capacity.isZero() ? ZERO : occupied.dividedBy(capacity),
    groups,
    monthly: [...monthly.entries()].map(([month, v]) => ({ month, funders: v.funders, costCents: v.costCents })),
    budgets: ledger.budgets
  }
}

