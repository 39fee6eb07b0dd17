/**
 * The output contract of `geldstroom run <scenario> --json` (docs/output-contracts.md).
 * Money is a string with two decimals; every child-month's streams sum to its cost.
 */
import { centsToString, type Dec, ZERO } from "../domain/money"
import { occupancyFlags } from "../domain/rules/groupMonth"
import { RULES_VERSION } from "../domain/rules/version"
import type { BudgetUse, ChildMonth, GroupMonth } from "../domain/ledger/types"
import type { Policy } from "../domain/policy/types"
import type { LoadedScenario } from "../scenario/load"
import type { RunResult } from "../scenario/run"

export interface RunDocument {
  readonly scenario: { readonly name: string; readonly file: string; readonly policy: string; readonly period: { from: string; to: string }; readonly asOf: string | null }
  readonly fingerprint: string
  readonly rulesVersion: string
  readonly months: ReadonlyArray<string>
  readonly totals: {
    readonly cost: string
    readonly streams: Record<string, string>
    readonly vacancy: string
    readonly surplus: string
    readonly children: number
    readonly hours: string
  }
  readonly children: ReadonlyArray<{
    readonly id: string
    readonly months: ReadonlyArray<{ readonly month: string; readonly hours: string; readonly cost: string; readonly streams: Record<string, string>; readonly groups: ReadonlyArray<string> }>
  }>
  readonly groups: ReadonlyArray<{
    readonly id: string
    readonly provider: string
    readonly location: string
    readonly design: string
    readonly months: ReadonlyArray<{
      readonly month: string
      readonly occupancy: { readonly places: number; readonly basis: string; readonly rate: string; readonly occupiedPlaceDays: string; readonly capacityPlaceDays: string; readonly averageChildren: string }
      readonly subsidy: string
      readonly vacancy: string
      readonly surplus: string
      readonly flags: ReadonlyArray<string>
    }>
    readonly occupancy: { readonly rate: string; readonly occupiedPlaceDays: string; readonly capacityPlaceDays: string }
    readonly vacancy: string
  }>
  /** Occupancy of the kindplekken (or capacity) over the period per location and in total (seed 004 §X, §XI). */
  readonly occupancy: {
    readonly total: OccupancyFigures
    readonly locations: ReadonlyArray<OccupancyFigures & { readonly id: string; readonly groups: number; readonly flags: ReadonlyArray<string> }>
  }
  readonly budgets: ReadonlyArray<{ readonly id: string; readonly label: string; readonly year: number; readonly streams: ReadonlyArray<string>; readonly budget: string; readonly used: string; readonly headroom: string; readonly overrun: boolean }>
  readonly violations: ReadonlyArray<{ readonly invariant: number; readonly name: string; readonly subject: string; readonly month: string | null; readonly detail: string }>
  readonly assumptions: ReadonlyArray<{ readonly path: string; readonly value: string; readonly source: string; readonly reason: string }>
  readonly checks: { readonly events: number; readonly invariants: ReadonlyArray<number>; readonly determinismCheckedAtRunTime: boolean }
}

/**
 * A run's document without `children`: what `run --totals` prints (src/projection/runTotals.ts,
 * docs/output-contracts.md#run). Its groups may be made when they are read, a group at a time, so
 * the document of a national run is never whole in memory: write it with `writeJson` (./jsonChunks.ts).
 * A full `RunDocument` is one too.
 */
export type RunTotalsDocument = Omit<RunDocument, "children" | "groups"> & { readonly groups: Iterable<RunDocument["groups"][number]> }

export interface OccupancyFigures {
  readonly rate: string
  readonly occupiedPlaceDays: string
  readonly capacityPlaceDays: string
  /** Average children placed per group per opening day. */
  readonly averageChildrenPerGroup: string
}

export const money = (cents: bigint) => centsToString(cents)

/** Occupancy summed exactly over group-months, fed one at a time: place-days and headcount (children × opening days). */
export class OccupancySum {
  private occupied = ZERO
  private capacity = ZERO
  private childDays = ZERO
  private openingDays = 0
  /** The groups summed, and whether any of their months counted awarded places (a kindplek policy's flags apply). */
  readonly groups = new Set<string>()
  awarded = false

  add(g: GroupMonth): this {
    this.occupied = this.occupied.plus(g.occupancy.occupiedPlaceDays)
    this.capacity = this.capacity.plus(g.occupancy.capacityPlaceDays)
    this.childDays = this.childDays.plus(g.occupancy.averageChildren.times(g.occupancy.openingDays))
    this.openingDays += g.occupancy.openingDays
    this.groups.add(g.groupId)
    if (g.occupancy.basis === "awarded-places") this.awarded = true
    return this
  }

  get rate(): Dec {
    return this.capacity.isZero() ? ZERO : this.occupied.dividedBy(this.capacity)
  }

  get averageChildren(): Dec {
    return this.openingDays === 0 ? ZERO : this.childDays.dividedBy(this.openingDays)
  }

  figures(): OccupancyFigures {
    return {
      rate: this.rate.toFixed(4),
      occupiedPlaceDays: this.occupied.toFixed(2),
      capacityPlaceDays: this.capacity.toFixed(2),
      averageChildrenPerGroup: this.averageChildren.toFixed(2)
    }
  }
}

/**
 * Occupancy per location and in total, fed one group-month at a time; a location is flagged like a
 * group, by the same rule (`occupancyFlags`, seed 004 §III, §X).
 */
export class OccupancyByLocation {
  private readonly total = new OccupancySum()
  private readonly locations = new Map<string, OccupancySum>()

  add(g: GroupMonth): void {
    this.total.add(g)
    let l = this.locations.get(g.locationId)
    if (l === undefined) this.locations.set(g.locationId, (l = new OccupancySum()))
    l.add(g)
  }

  doc(policy: Policy): RunDocument["occupancy"] {
    return {
      total: this.total.figures(),
      locations: [...this.locations.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, o]) => ({ id, groups: o.groups.size, ...o.figures(), flags: o.awarded ? occupancyFlags(policy.kindplek, o.rate, o.averageChildren) : [] }))
    }
  }
}

export const streamsOf = (order: ReadonlyArray<string>, m: ReadonlyMap<string, bigint>): Record<string, string> =>
  Object.fromEntries(order.filter((s) => m.has(s)).map((s) => [s, money(m.get(s)!)]))

export const totalsOf = (order: ReadonlyArray<string>, children: ReadonlyArray<ChildMonth>) => {
  const streams = new Map<string, bigint>()
  let cost = 0n
  for (const c of children) {
    cost += c.costCents
    for (const [s, v] of c.streamCents) streams.set(s, (streams.get(s) ?? 0n) + v)
  }
  return { cost, streams: new Map(order.filter((s) => streams.has(s)).map((s) => [s, streams.get(s)!])) }
}

/** The group-level kindplek lines summed: subsidy for empty places, and subsidy no child's plus layer absorbed (seed 004 §X). */
export const groupLineTotalsOf = (groups: ReadonlyArray<GroupMonth>): { readonly vacancy: bigint; readonly surplus: bigint } => {
  let vacancy = 0n
  let surplus = 0n
  for (const g of groups) {
    vacancy += g.vacancyCents
    surplus += g.surplusCents
  }
  return { vacancy, surplus }
}

/** Items by a key, in the order they come. */
const groupBy = <T>(items: ReadonlyArray<T>, key: (item: T) => string): Map<string, Array<T>> => {
  const out = new Map<string, Array<T>>()
  for (const item of items) {
    const list = out.get(key(item))
    if (list === undefined) out.set(key(item), [item])
    else list.push(item)
  }
  return out
}

/** A group's part of the document: its month lines and its occupancy over the period. */
export const groupDoc = (months: ReadonlyArray<GroupMonth>): RunDocument["groups"][number] => {
  const first = months[0]!
  const sum = new OccupancySum()
  for (const g of months) sum.add(g)
  const { rate, occupiedPlaceDays, capacityPlaceDays } = sum.figures()
  return {
    id: first.groupId,
    provider: first.providerId,
    location: first.locationId,
    design: first.design,
    months: months.map((g) => ({
      month: g.month,
      occupancy: {
        places: g.occupancy.places,
        basis: g.occupancy.basis,
        rate: g.occupancy.rate.toFixed(4),
        occupiedPlaceDays: g.occupancy.occupiedPlaceDays.toFixed(2),
        capacityPlaceDays: g.occupancy.capacityPlaceDays.toFixed(2),
        averageChildren: g.occupancy.averageChildren.toFixed(2)
      },
      subsidy: g.subsidy.toFixed(2),
      vacancy: money(g.vacancyCents),
      surplus: money(g.surplusCents),
      flags: g.flags
    })),
    occupancy: { rate, occupiedPlaceDays, capacityPlaceDays },
    vacancy: money(groupLineTotalsOf(months).vacancy)
  }
}

/** A budget line against what its streams used (seed 004 §XI). */
export const budgetDoc = (b: BudgetUse): RunDocument["budgets"][number] => ({
  id: b.budgetLineId,
  label: b.label,
  year: b.year,
  streams: b.streams,
  budget: b.budget.toFixed(2),
  used: money(b.usedCents),
  headroom: b.headroom.toFixed(2),
  overrun: b.overrun
})

/** Which scenario the document is of. */
export const scenarioDoc = (scenario: LoadedScenario): RunDocument["scenario"] => ({
  name: scenario.spec.name,
  file: scenario.file,
  policy: scenario.policy.id,
  period: scenario.spec.period,
  asOf: scenario.spec.asOf ?? null
})

export const runDocument = (r: RunResult): RunDocument => {
  const { ledger, scenario } = r
  const totals = totalsOf(ledger.streamOrder, ledger.children)
  const groupLines = groupLineTotalsOf(ledger.groups)
  const byChild = groupBy(ledger.children, (c) => c.childId)
  const byGroup = groupBy(ledger.groups, (g) => g.groupId)
  let hours = ZERO
  for (const c of ledger.children) hours = hours.plus(c.hours)
  const occupancy = new OccupancyByLocation()
  for (const g of ledger.groups) occupancy.add(g)
  return {
    scenario: scenarioDoc(scenario),
    fingerprint: r.fingerprint,
    rulesVersion: RULES_VERSION,
    months: ledger.months,
    totals: {
      cost: money(totals.cost),
      streams: streamsOf(ledger.streamOrder, totals.streams),
      vacancy: money(groupLines.vacancy),
      surplus: money(groupLines.surplus),
      children: byChild.size,
      hours: hours.toFixed(2)
    },
    children: [...byChild.entries()].map(([id, months]) => ({
      id,
      months: months.map((c) => ({ month: c.month, hours: c.hours.toFixed(2), cost: money(c.costCents), streams: streamsOf(ledger.streamOrder, c.streamCents), groups: c.groups }))
    })),
    groups: [...byGroup.values()].map(groupDoc),
    occupancy: occupancy.doc(scenario.policy),
    budgets: ledger.budgets.map(budgetDoc),
    violations: r.violations.map((v) => ({ ...v, month: v.month ?? null })),
    assumptions: ledger.assumptions,
    checks: { events: r.eventCount, invariants: r.determinismChecked ? [1, 2, 3, 4, 5, 6, 7, 8] : [1, 2, 3, 4, 5, 6, 7], determinismCheckedAtRunTime: r.determinismChecked }
  }
}
