/**
 * `geldstroom run --totals`: a run's document without its child-months, made
 * from the scenario's projection (kept as totals in the embedded store, built
 * once and then caught up) instead of a full run that holds every
 * child-month, so a national population runs in bounded memory
 * (docs/benchmarks.md). Every other part is the full run's, figure for figure
 * (test/cli/runTotals.test.ts holds them equal): totals, groups with their
 * month lines, occupancy per location, budget lines, violations in the full
 * run's order, assumptions. The determinism check (invariant 8, a second
 * replay in reverse) is the full run's alone.
 */
import { checkBudget, violationList } from "../domain/invariants/check"
import type { GroupMonth, Violation } from "../domain/ledger/types"
import { RULES_VERSION } from "../domain/rules/version"
import { budgetDoc, groupDoc, money, OccupancyByLocation, type RunDocument, type RunTotalsDocument, scenarioDoc, streamsOf } from "../output/runDocument"
import type { LoadedScenario } from "../scenario/load"
import { fingerprintOf } from "../scenario/run"
import { occupancyOf } from "./ledgerRun"
import { budgetsOf } from "./metrics"
import type { Projection } from "./projection"

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The run's violations in the order a full run lists them (src/domain/invariants/check.ts
 * `checkInvariants`): children by id, each child's as its months were checked; then every group's
 * month lines by group and month; then the groups' years; then the budget lines.
 */
export const violationsInRunOrder = (p: Pick<Projection, "run">, budgets: ReadonlyArray<Violation>): ReadonlyArray<Violation> => {
  const { state, setup } = p.run
  const children = [...state.childViolations.keys()].sort(byText).flatMap((id) => state.childViolations.get(id)!)
  const groups = [...state.groupViolations.keys()].sort(byText).map((id) => state.groupViolations.get(id)!)
  const monthOf = (v: Violation) => setup.monthIndex.get(v.month!)!
  const months = groups.flatMap((vs) => vs.filter((v) => v.month !== undefined).sort((a, b) => monthOf(a) - monthOf(b)))
  const years = groups.flatMap((vs) => vs.filter((v) => v.month === undefined))
  return [...children, ...months, ...years, ...budgets]
}

export const runTotalsDocument = (scenario: LoadedScenario, p: Projection): RunTotalsDocument => {
  const { run } = p
  const { state, setup } = run
  const order = setup.rounding.order
  const streams = new Map<string, bigint>()
  for (const [s, t] of state.streams) streams.set(s, t.cents)

  // Every group's month lines as the totals make them, a group at a time (in id order, as a full run's):
  // once for the totals and occupancy, again for each reading of the groups.
  const infos = run.groupInfos()
  const groupIds = [...infos.keys()].sort(byText)
  const tally = occupancyOf(state)
  const linesOf = (id: string): ReadonlyArray<GroupMonth> => {
    const lines: Array<GroupMonth> = []
    for (let i = 0; i < setup.months.length; i++) {
      const line = run.groupMonthLine(infos.get(id), id, i, tally)
      if (line !== undefined) lines.push(line)
    }
    return lines
  }
  const occupancy = new OccupancyByLocation()
  let vacancy = 0n
  let surplus = 0n
  for (const id of groupIds)
    for (const line of linesOf(id)) {
      occupancy.add(line)
      vacancy += line.vacancyCents
      surplus += line.surplusCents
    }
  const groups: Iterable<RunDocument["groups"][number]> = {
    *[Symbol.iterator]() {
      for (const id of groupIds) {
        const lines = linesOf(id)
        if (lines.length > 0) yield groupDoc(lines)
      }
    }
  }

  const budgets = budgetsOf(run)
  const { violations: budgetViolations, push } = violationList()
  for (const b of budgets) checkBudget(b, push)
  return {
    scenario: scenarioDoc(scenario),
    fingerprint: fingerprintOf(scenario, run.digest),
    rulesVersion: RULES_VERSION,
    months: setup.months,
    totals: {
      cost: money(state.costCents),
      streams: streamsOf(order, streams),
      vacancy: money(vacancy),
      surplus: money(surplus),
      children: state.served,
      hours: state.hours.toFixed(2)
    },
    groups,
    occupancy: occupancy.doc(setup.policy),
    budgets: budgets.map(budgetDoc),
    violations: violationsInRunOrder(p, budgetViolations).map((v) => ({ ...v, month: v.month ?? null })),
    assumptions: run.assumptions(),
    checks: { events: run.events, invariants: [1, 2, 3, 4, 5, 6, 7], determinismCheckedAtRunTime: false }
  }
}
