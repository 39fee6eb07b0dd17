/**
 * What one child adds to a ledger's totals: its child-months in cents, its
 * place-days and kindplek shares per group-month, its waiting spells and the
 * invariants checked on its months. The child's months are made exactly as
 * `computeLedger` makes them (measureChildMonth, childMonthOf), then reduced
 * to these few numbers and dropped, so a run holds one child at a time.
 *
 * The same child with the same events, groups and allocations always gives
 * the same contribution: a projection takes a child's old contribution out
 * and puts its new one in when the child's events change.
 */
import { type GroupCost, groupCosts } from "../compare/metrics"
import { checkChildMonth, violationList } from "../domain/invariants/check"
import type { Violation } from "../domain/ledger/types"
import { type Dec, exactPlus, ZERO } from "../domain/money"
import { childMonthOf } from "../domain/rules/childMonth"
import type { RuleContext } from "../domain/rules/context"
import type { AllocationLookup } from "../domain/rules/kindplek"
import { measureChildMonth, policyCuts } from "../domain/rules/measure"
import { childTimeline } from "../domain/timeline/periods"
import type { ChildState } from "../domain/timeline/state"
import type { RunSetup } from "./setup"

/** A child's share of one group in one month. */
export interface GroupMonthPart {
  readonly groupId: string
  readonly monthIndex: number
  /** Occupied place-days (seed 004 §X). */
  readonly placeDays: Dec
  /** Opening days the child was placed: for the average headcount. */
  readonly openingDays: number
  /** Kindplek allocated to the child (its claim), and what its plus layer took of it. */
  readonly claimed: Dec
  readonly paid: Dec
}

export interface MonthPart {
  readonly monthIndex: number
  readonly costCents: bigint
  readonly hours: Dec
  /** The child-month's own cents per stream (its ChildMonth's, shared: never changed). */
  readonly streamCents: ReadonlyMap<string, bigint>
  /** The month's cost attributed to its groups by hours, as the comparison attributes it (src/compare/metrics.ts `groupCosts`). */
  readonly groups: ReadonlyArray<GroupCost>
}

export interface ChildContribution {
  readonly childId: string
  readonly months: ReadonlyArray<MonthPart>
  readonly groupMonths: ReadonlyArray<GroupMonthPart>
  /** On the plus-place waiting list on the period's last day; at any time in the period. */
  readonly waitingAtEnd: boolean
  readonly everWaiting: boolean
  /** Groups whose cost price had to fall back to the invoiced price (an assumption to report). */
  readonly fallbackGroups: ReadonlyArray<string>
  readonly violations: ReadonlyArray<Violation>
}

/** Each group-month a contribution adds to (its kindplek parts and its months' groups; a group-month may come twice). */
export const forEachGroupMonth = (c: ChildContribution, f: (groupId: string, monthIndex: number) => void): void => {
  for (const p of c.groupMonths) f(p.groupId, p.monthIndex)
  for (const m of c.months) for (const g of m.groups) f(g.groupId, m.monthIndex)
}

type GroupMonthSum = { -readonly [K in keyof GroupMonthPart]: GroupMonthPart[K] }

/**
 * A group's part of month `monthIndex`, found among the month's parts (those from `first` on: a
 * child-month has one or a few groups) or added to them.
 */
const groupMonthIn = (parts: Array<GroupMonthSum>, first: number, groupId: string, monthIndex: number): GroupMonthSum => {
  for (let j = first; j < parts.length; j++) if (parts[j]!.groupId === groupId) return parts[j]!
  const p: GroupMonthSum = { groupId, monthIndex, placeDays: ZERO, openingDays: 0, claimed: ZERO, paid: ZERO }
  parts.push(p)
  return p
}

/**
 * A child's contribution. `check: false` leaves the invariants out: for a contribution only worked
 * out to be taken out again (its violations were recorded when it was put in). `only`: just these
 * months (by index), for a child whose other months are as they were (./monthView.ts).
 */
export const childContribution = (
  setup: RunSetup,
  ctx: RuleContext,
  state: ChildState,
  allocations: AllocationLookup,
  check = true,
  only?: ReadonlySet<number>
): ChildContribution => {
  const timeline = childTimeline(state)
  const waiting = timeline.waitingPlusPlace
  const waitingAtEnd = waiting.some((p) => p.from <= setup.lastDay && p.to >= setup.lastDay)
  const everWaiting = waiting.some((p) => p.from <= setup.lastDay && p.to >= setup.firstDay)
  if (timeline.placements.length === 0)
    return { childId: state.childId, months: [], groupMonths: [], waitingAtEnd, everWaiting, fallbackGroups: [], violations: [] }
  const months: Array<MonthPart> = []
  // The group-months in the order first met: month by month, and in a month by group.
  const groupMonths: Array<GroupMonthSum> = []
  const fallbackGroups = new Set<string>()
  const { violations, push } = violationList()
  // The policy's cuts of the child's timeline: the same for every month (worked out once).
  const cuts = policyCuts(ctx, timeline)
  for (let i = 0; i < setup.months.length; i++) {
    if (only !== undefined && !only.has(i)) continue
    const m = measureChildMonth(ctx, timeline, setup.months[i]!, cuts)
    if (m.segments.length === 0) continue
    const first = groupMonths.length
    for (const s of m.segments)
      for (const p of s.pieces) {
        const gm = groupMonthIn(groupMonths, first, p.piece.data.groupId, i)
        gm.placeDays = exactPlus(gm.placeDays, p.placeDays)
        gm.openingDays += p.openingDays
        if (p.costPriceFallback) fallbackGroups.add(p.piece.data.groupId)
      }
    const r = childMonthOf(ctx, m, allocations, setup.rounding)
    r.kindplekClaimedByGroup.forEach((v, g) => {
      groupMonthIn(groupMonths, first, g, i).claimed = v
    })
    r.kindplekByGroup.forEach((v, g) => {
      groupMonthIn(groupMonths, first, g, i).paid = v
    })
    const c = r.childMonth
    if (check) checkChildMonth(c, timeline, setup.params, setup.policy, push)
    months.push({ monthIndex: i, costCents: c.costCents, hours: c.hours, streamCents: c.streamCents, groups: groupCosts(c) })
  }
  return {
    childId: state.childId,
    months,
    groupMonths,
    waitingAtEnd,
    everWaiting,
    fallbackGroups: [...fallbackGroups],
    violations
  }
}
