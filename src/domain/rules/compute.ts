/**
 * The whole computation: a replayed world, parameters, a policy and a period
 * in; the ledger out. Pure and deterministic: children and groups are taken
 * in id order, whatever order their events came in.
 */
import { Data, Result } from "effect"
import { type YearMonth, yearOf } from "../calendar"
import type { Assumption, BudgetUse, ChildMonth, GroupMonth, Ledger } from "../ledger/types"
import { Dec, exactPlus, ZERO } from "../money"
import type { MissingParameter, ParameterSet } from "../parameters/types"
import { type Policy, streamOrder } from "../policy/types"
import { latestRecorded } from "../timeline/facts"
import { childTimeline } from "../timeline/periods"
import type { World } from "../timeline/world"
import { policyAssumptions } from "../policy/assumptions"
import { hasGroupMonth } from "./allocations"
import { childMonthOf, type Rounding } from "./childMonth"
import { MissingCollector, type RuleContext } from "./context"
import { groupInfos } from "./groups"
import { allocateGroupMonth, type GroupAllocation, groupMonthKey, OccupancyTally, vacancyOf } from "./kindplek"
import { type ChildMonthMeasure, measureChildMonth } from "./measure"
import { groupMonthLine } from "./groupMonth"

/** Parameters the rules needed and nobody confirmed; the run stops and names them all. */
export class MissingParameters extends Data.TaggedError("MissingParameters")<{
  readonly missing: ReadonlyArray<MissingParameter>
}> {
  override get message(): string {
    return `the run needs ${this.missing.length} value(s) that are not confirmed:\n${this.missing.map((m) => `  - ${m.message}`).join("\n")}`
  }
}

export interface ComputeInput {
  readonly world: World
  readonly params: ParameterSet
  readonly policy: Policy
  readonly months: ReadonlyArray<YearMonth>
}

const sortedKeys = <V>(m: ReadonlyMap<string, V>) => [...m.keys()].sort()

/** The policy's stream order, and its residual payers (they absorb the rounding difference). */
export const roundingOf = (policy: Policy): Rounding => ({
  order: streamOrder(policy),
  residuals: new Set([policy.layers.regular.residual, policy.layers.plus.residual, policy.layers.jeugdhulp.residual])
})

/** Where a computation is: for progress, and so an interactive caller can yield between steps. */
export interface ComputeStep {
  readonly phase: "measuring" | "apportioning"
  readonly done: number
  readonly total: number
}

/** Children (or child-months) between two steps a caller may yield at. */
const STEP = 50

/**
 * The computation as a generator of steps: it yields its progress every few dozen children and
 * returns the ledger. Still pure: a caller that only wants the result runs it to the end
 * (`computeLedger`); the terminal UI yields to its event loop at each step so it stays responsive.
 */
export function* computeLedgerSteps(input: ComputeInput): Generator<ComputeStep, Result.Result<Ledger, MissingParameters>> {
  const { world, params, policy, months } = input
  const groups = groupInfos(world.groups)
  const ctx: RuleContext = { params, policy, groups, missing: new MissingCollector() }

  // 1. Measure every child-month and tally occupied place-days per group-month.
  const tally = new OccupancyTally()
  const measures: Array<ChildMonthMeasure> = []
  const fallbackGroups = new Set<string>()
  const childIds = sortedKeys(world.children)
  for (const [i, childId] of childIds.entries()) {
    if (i % STEP === 0) yield { phase: "measuring", done: i, total: childIds.length }
    const timeline = childTimeline(world.children.get(childId)!)
    if (timeline.placements.length === 0) continue
    for (const month of months) {
      const m = measureChildMonth(ctx, timeline, month)
      if (m.segments.length === 0) continue
      tally.add(m)
      measures.push(m)
      for (const s of m.segments)
        for (const p of s.pieces) if (p.costPriceFallback) fallbackGroups.add(p.piece.data.groupId)
    }
  }

  // 2. Each open group's kindplek subsidy and occupancy per month.
  const allocations = new Map<string, GroupAllocation>()
  const subsidised = policy.layers.plus.payers.some((p) => p.kind === "kindplek")
  for (const groupId of sortedKeys(groups)) {
    const g = groups.get(groupId)!
    for (const month of months)
      if (hasGroupMonth(g, month, subsidised)) allocations.set(groupMonthKey(groupId, month), allocateGroupMonth(g, month, tally, subsidised))
  }

  // 3. Apportion every child-month; round to cents. Group-month totals are exact sums (any order).
  const rounding = roundingOf(policy)
  const paidByGroup = new Map<string, Dec>()
  const claimedByGroup = new Map<string, Dec>()
  const children: Array<ChildMonth> = []
  for (const [i, m] of measures.entries()) {
    if (i % (STEP * 12) === 0) yield { phase: "apportioning", done: i, total: measures.length }
    const { childMonth, kindplekByGroup, kindplekClaimedByGroup } = childMonthOf(ctx, m, allocations, rounding)
    for (const [g, v] of kindplekByGroup) {
      const key = groupMonthKey(g, m.month)
      paidByGroup.set(key, exactPlus(paidByGroup.get(key) ?? ZERO, v))
    }
    for (const [g, v] of kindplekClaimedByGroup) {
      const key = groupMonthKey(g, m.month)
      claimedByGroup.set(key, exactPlus(claimedByGroup.get(key) ?? ZERO, v))
    }
    children.push(childMonth)
  }

  // 4. Group-level lines: vacancy and surplus, occupancy and its flags.
  const groupMonths: Array<GroupMonth> = []
  for (const [key, a] of allocations) {
    groupMonths.push(groupMonthLine(policy, a, vacancyOf(a), claimedByGroup.get(key) ?? ZERO, paidByGroup.get(key) ?? ZERO))
  }

  if (ctx.missing.all.length > 0) return Result.fail(new MissingParameters({ missing: ctx.missing.all }))

  return Result.succeed({
    months,
    streamOrder: rounding.order,
    children,
    groups: groupMonths,
    budgets: budgetUse(world, policy, months, children, groupMonths),
    assumptions: collectAssumptions(params, policy, fallbackGroups)
  })
}

/** The whole computation at once. */
export const computeLedger = (input: ComputeInput): Result.Result<Ledger, MissingParameters> => {
  const steps = computeLedgerSteps(input)
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/** Each budget line of a year in the period: the amounts of its streams against the budget (seed 004 §XI). */
const budgetUse = (
  world: World,
  policy: Policy,
  months: ReadonlyArray<YearMonth>,
  children: ReadonlyArray<ChildMonth>,
  groups: ReadonlyArray<GroupMonth>
): ReadonlyArray<BudgetUse> => {
  const years = new Set(months.map(yearOf))
  const kindplekStreams = new Set(
    policy.layers.plus.payers.filter((p) => p.kind === "kindplek").map((p) => p.stream)
  )
  const out: Array<BudgetUse> = []
  for (const id of sortedKeys(world.budgetLines)) {
    const line = latestRecorded(world.budgetLines.get(id)!.set)
    if (line === undefined || !years.has(line.data.year)) continue
    const streams = new Set(line.data.streams)
    let cents = 0n
    for (const c of children) {
      if (yearOf(c.month) !== line.data.year) continue
      for (const [s, v] of c.streamCents) if (streams.has(s)) cents += v
    }
    if ([...streams].some((s) => kindplekStreams.has(s))) {
      for (const g of groups) if (yearOf(g.month) === line.data.year) cents += g.vacancyCents + g.surplusCents
    }
    out.push(budgetUseOf(id, line.data, cents))
  }
  return out
}

/** A budget line set against what its streams used, in cents; an overrun is flagged, never hidden (invariant 5). */
export const budgetUseOf = (
  budgetLineId: string,
  line: { readonly label: string; readonly year: number; readonly streams: ReadonlyArray<string>; readonly amount: string },
  usedCents: bigint
): BudgetUse => {
  const used = new Dec(usedCents.toString()).dividedBy(100)
  const budget = new Dec(line.amount)
  return { budgetLineId, label: line.label, year: line.year, streams: line.streams, budget, used, usedCents, headroom: budget.minus(used), overrun: used.greaterThan(budget) }
}

export const collectAssumptions = (params: ParameterSet, policy: Policy, fallbackGroups: ReadonlySet<string>): ReadonlyArray<Assumption> => {
  const out: Array<Assumption> = []
  for (const p of params.parameters.values())
    for (const v of p.values)
      if (v.assumption)
        out.push({
          path: p.path,
          value: typeof v.value === "object" ? JSON.stringify(v.value) : String(v.value),
          source: v.source,
          reason: `supplied by the scenario for ${v.validFrom}..${v.validUntil}: not a confirmed public figure`
        })
  out.push(...policyAssumptions(policy))
  for (const g of [...fallbackGroups].sort())
    out.push({
      path: `group ${g}.costPricePerHour`,
      value: "the placement's hourly price",
      source: "geldstroom default",
      reason: "no cost price for this group in its events or the policy: its cost is taken as the invoiced price, so it has no plus layer"
    })
  return out
}
