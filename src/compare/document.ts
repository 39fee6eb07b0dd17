/**
 * The comparison document: scenarios side by side with deltas against a
 * chosen baseline (`geldstroom compare --json`, docs/output-contracts.md).
 * Money is a string with two decimals.
 */
import { FUNDERS } from "../domain/policy/types"
import { centsToString, type Dec } from "../domain/money"
import type { LoadedScenario } from "../scenario/load"
import type { RunResult } from "../scenario/run"
import { type Difference, differences } from "./differences"
import { metricsOf, type ScenarioMetrics } from "./metrics"


/** One scenario's figures as the document carries them: its `ScenarioMetrics` (./metrics.ts) as text, money with two decimals. */
export interface ScenarioColumn {
  readonly id: string
  readonly name: string
  readonly file: string
  readonly policy: string
  readonly fingerprint: string
  readonly period: { readonly from: string; readonly to: string }
  readonly cost: string
  readonly payments: string
  readonly hours: string
  readonly streams: Record<string, string>
  readonly funders: Record<string, string>
  readonly costPerChild: string
  readonly costPerChildHour: string
  readonly childrenServed: number
  readonly childrenWaiting: number
  readonly childrenEverWaiting: number
  readonly occupancy: string
  readonly budgets: ReadonlyArray<{ id: string; label: string; year: number; budget: string; used: string; headroom: string; usedShare: string; overrun: boolean }>
  readonly groups: ReadonlyArray<{ id: string; provider: string; location: string; design: string; cost: string; provider_carries: string; coverage: string; occupancy: string; children: number }>
  readonly monthly: ReadonlyArray<{ month: string; cost: string; funders: Record<string, string> }>
  readonly violations: number
  readonly assumptions: number
}

export interface CompareDocument {
  readonly baseline: string
  readonly scenarios: ReadonlyArray<ScenarioColumn>
  /** Each scenario minus the baseline, in the column's own units. */
  readonly deltas: ReadonlyArray<
    Pick<ScenarioColumn, "id" | "cost" | "payments" | "streams" | "funders" | "costPerChild" | "costPerChildHour" | "childrenServed" | "childrenWaiting" | "occupancy">
  >
  readonly differences: ReadonlyArray<{ readonly id: string; readonly items: ReadonlyArray<Difference> }>
  readonly warnings: ReadonlyArray<string>
}

const m2 = (d: Dec) => d.toFixed(2)
const map = <K extends string>(m: ReadonlyMap<K, bigint>, keys?: ReadonlyArray<K>) =>
  Object.fromEntries((keys ?? [...m.keys()]).filter((k) => m.has(k)).map((k) => [k, centsToString(m.get(k)!)]))

/**
 * What a column needs of a run besides its metrics: a full run (`RunResult`) has it, and so has a
 * ledger kept as totals (src/projection).
 */
export interface ComparedRun {
  readonly scenario: LoadedScenario
  readonly fingerprint: string
  readonly streamOrder: ReadonlyArray<string>
  readonly violations: number
  readonly assumptions: number
  /** Tells whether two runs replay the same children: equal when they do. */
  readonly children: string
}

const comparedRun = (r: RunResult): ComparedRun => ({
  scenario: r.scenario,
  fingerprint: r.fingerprint,
  streamOrder: r.ledger.streamOrder,
  violations: r.violations.length,
  assumptions: r.ledger.assumptions.length,
  children: [...r.world.children.keys()].sort().join(",")
})

const columnOf = (id: string, r: ComparedRun, m: ScenarioMetrics): ScenarioColumn => ({
  id,
  name: r.scenario.spec.name,
  file: r.scenario.file,
  policy: r.scenario.policy.id,
  fingerprint: r.fingerprint,
  period: r.scenario.spec.period,
  cost: centsToString(m.costCents),
  payments: centsToString(m.costCents + m.groupLinesCents),
  hours: m.hours.toFixed(2),
  streams: map(m.streams, r.streamOrder),
  funders: map(m.funders, FUNDERS),
  costPerChild: m2(m.costPerChild),
  costPerChildHour: m2(m.costPerChildHour),
  childrenServed: m.childrenServed,
  childrenWaiting: m.childrenWaitingAtEnd,
  childrenEverWaiting: m.childrenEverWaiting,
  occupancy: m.occupancy.toFixed(4),
  budgets: m.budgets.map((b) => ({
    id: b.budgetLineId,
    label: b.label,
    year: b.year,
    budget: m2(b.budget),
    used: centsToString(b.usedCents),
    headroom: m2(b.headroom),
    usedShare: b.budget.isZero() ? "0.0000" : b.used.dividedBy(b.budget).toFixed(4),
    overrun: b.overrun
  })),
  groups: m.groups.map((g) => ({
    id: g.groupId,
    provider: g.providerId,
    location: g.locationId,
    design: g.design,
    cost: centsToString(g.costCents),
    provider_carries: centsToString(g.providerCents),
    coverage: g.coverage.toFixed(4),
    occupancy: g.occupancy.toFixed(4),
    children: g.children
  })),
  monthly: m.monthly.map((x) => ({ month: x.month, cost: centsToString(x.costCents), funders: map(x.funders, FUNDERS) })),
  violations: r.violations,
  assumptions: r.assumptions
})

const diffMap = (a: ReadonlyMap<string, bigint>, b: ReadonlyMap<string, bigint>) => {
  const keys = [...new Set([...a.keys(), ...b.keys()])]
  return Object.fromEntries(keys.map((k) => [k, centsToString((b.get(k) ?? 0n) - (a.get(k) ?? 0n))]))
}

/** Compare runs; `baseline` is the index of the run the others are measured against. */
export const compareRuns = (runs: ReadonlyArray<{ id: string; result: RunResult }>, baseline = 0): CompareDocument =>
  compareMetrics(
    runs.map((r) => ({ id: r.id, run: comparedRun(r.result), metrics: metricsOf(r.result) })),
    baseline
  )

/** Compare runs given their metrics (however they were computed); `baseline` as in `compareRuns`. */
export const compareMetrics = (
  runs: ReadonlyArray<{ readonly id: string; readonly run: ComparedRun; readonly metrics: ScenarioMetrics }>,
  baseline = 0
): CompareDocument => {
  const metrics = runs.map((r) => r.metrics)
  const base = metrics[baseline]!
  const baseRun = runs[baseline]!
  const warnings: Array<string> = []
  const periods = new Set(runs.map((r) => `${r.run.scenario.spec.period.from}..${r.run.scenario.spec.period.to}`))
  if (periods.size > 1) warnings.push(`the scenarios cover different periods (${[...periods].join(", ")}): totals are not like for like`)
  if (new Set(runs.map((r) => r.run.children)).size > 1) warnings.push("the scenarios do not replay the same children: differences include the population, not only the policy or design")
  return {
    baseline: baseRun.id,
    scenarios: runs.map((r, i) => columnOf(r.id, r.run, metrics[i]!)),
    deltas: runs.map((r, i) => {
      const m = metrics[i]!
      return {
        id: r.id,
        cost: centsToString(m.costCents - base.costCents),
        payments: centsToString(m.costCents + m.groupLinesCents - base.costCents - base.groupLinesCents),
        streams: diffMap(base.streams, m.streams),
        funders: diffMap(base.funders, m.funders),
        costPerChild: m2(m.costPerChild.minus(base.costPerChild)),
        costPerChildHour: m2(m.costPerChildHour.minus(base.costPerChildHour)),
        childrenServed: m.childrenServed - base.childrenServed,
        childrenWaiting: m.childrenWaitingAtEnd - base.childrenWaitingAtEnd,
        occupancy: m.occupancy.minus(base.occupancy).toFixed(4)
      }
    }),
    differences: runs.map((r) => ({ id: r.id, items: r === baseRun ? [] : differences(baseRun.run.scenario, r.run.scenario) })),
    warnings
  }
}
