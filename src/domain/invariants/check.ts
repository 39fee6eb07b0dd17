/**
 * The eight invariants of DOMAIN.md ("what no double funding means here"),
 * checked on a ledger against the facts it was computed from. The checks read
 * the child timelines and parameters themselves rather than trusting the rule
 * code, so a rule that pays outside its grounds is caught here.
 * Invariant 8 (determinism) is checked by the run (a reversed replay must give the same ledger,
 * src/scenario/run.ts) and by the property tests in test/properties/.
 */
import { monthInterval } from "../calendar"
import type { BudgetUse, ChildMonth, GroupMonth, Ledger, PaidSegment, Violation } from "../ledger/types"
import { dayRange } from "../ledger/trace"
import { compare, Dec, fromZero, sum, ZERO } from "../money"
import { decimalOn } from "../parameters/lookup"
import { KOT_HOURS_PATH, maximumUurprijsPath } from "../parameters/paths"
import type { ParameterSet } from "../parameters/types"
import type { Policy } from "../policy/types"
import { type GroupInfo, groupInfos } from "../rules/groups"
import { Kept, KeptPairs, KeptPerOwner, KeptTree } from "../keptTable"
import { plus } from "../rules/kept"
import { type ChildTimeline, childTimeline } from "../timeline/periods"
import type { World } from "../timeline/world"

export const INVARIANT_NAMES: Record<number, string> = {
  1: "conservation",
  2: "one regular payer per hour",
  3: "Jeugdwet money never pays regular care",
  4: "overbrugging only while waiting; bouwsteen never with a jeugdhulp indication",
  5: "caps",
  6: "validity in time",
  7: "no negative amounts",
  8: "determinism"
}

const TOLERANCE = new Dec("1e-20")

/** Where a check reports a violation. */
export type Push = (invariant: number, subject: string, month: string | undefined, detail: string) => void

/** A list of violations and the `Push` that adds to it. */
export const violationList = (): { readonly violations: Array<Violation>; readonly push: Push } => {
  const violations: Array<Violation> = []
  return {
    violations,
    push: (invariant, subject, month, detail) => violations.push({ invariant, name: INVARIANT_NAMES[invariant]!, subject, month, detail })
  }
}

// Loops rather than `some` with a closure: they run for every paid segment of every child-month.
const covers = (periods: ReadonlyArray<{ from: number; to: number }>, from: number, to: number): boolean => {
  for (const p of periods) if (p.from <= from && to <= p.to) return true
  return false
}

const overlapsAny = (periods: ReadonlyArray<{ from: number; to: number }>, from: number, to: number): boolean => {
  for (const p of periods) if (p.from <= to && from <= p.to) return true
  return false
}

/** The policy's Jeugdwet streams (kept per policy). */
const jeugdwetByPolicy = new WeakMap<Policy, ReadonlySet<string>>()
const jeugdwetStreams = (policy: Policy): ReadonlySet<string> => {
  let s = jeugdwetByPolicy.get(policy)
  if (s === undefined) jeugdwetByPolicy.set(policy, (s = new Set(policy.streams.filter((x) => x.jeugdwet).map((x) => x.name))))
  return s
}

const INDICATION = "indication:"

/** Whether what grounds a payment (its entitlement, indications of its kind, waiting spell or own period) covers the days. */
const groundsCover = (t: ChildTimeline, g: NonNullable<PaidSegment["groundedBy"]>, from: number, to: number): boolean => {
  if (g.kind === "kot-entitlement") return covers(t.kot, from, to)
  if (g.kind === "jeugdhulp-waiting") return covers(t.waitingJeugdhulp, from, to)
  if (g.kind.startsWith(INDICATION)) {
    // An indication of the kind after the prefix (`indication:${i.kind}` is g.kind), without cutting the text.
    for (const i of t.indications)
      if (g.kind.length === INDICATION.length + i.kind.length && g.kind.endsWith(i.kind) && i.from <= from && to <= i.to) return true
    return false
  }
  return g.from <= from && to <= g.to
}

/** The SMI hours an indication allows in a segment (the same few recur). */
const smiLimits = new KeptTree<Dec>()

const NONE: ReadonlyArray<PaidSegment> = []

/** Segments gathered so far, then a line's: the line's own list when nothing was gathered yet. */
const gathered = (so: ReadonlyArray<PaidSegment>, more: ReadonlyArray<PaidSegment>): ReadonlyArray<PaidSegment> =>
  so === NONE ? more : [...so, ...more]

/**
 * The parameters the caps check reads, per parameter set (the owner: never changed once built; kept
 * for at most two sets, ../keptTable.ts `KeptPerOwner`): the KOT hours cap of a month with the check's
 * tolerance added, by month (`kotHoursOf` reads the set and the month's first day, so the month and the
 * owner cover it), and the maximum uurprijs, by (care type, day) (`maxUurprijsOf` reads the set, the
 * care type's path and the day). Null where the set has no value (the check then has nothing to hold
 * the amount against, as before). Bounded: a few hundred months, a few thousand (care type, day).
 */
interface KeptLimits {
  readonly kotHours: Kept<string, { readonly value: Dec; readonly withTolerance: Dec } | null>
  readonly kotHoursOf: (month: string) => { readonly value: Dec; readonly withTolerance: Dec } | null
  readonly maxUurprijs: KeptPairs<string, number, Dec | null>
  readonly maxUurprijsOf: (careType: string, day: number) => Dec | null
}

const keptLimits = new KeptPerOwner<ParameterSet, KeptLimits>((params) => ({
  kotHours: new Kept(1_024),
  kotHoursOf: (month) => {
    const cap = decimalOn(params, KOT_HOURS_PATH, monthInterval(month).from)
    return cap._tag === "Success" ? { value: cap.success.value, withTolerance: plus(cap.success.value, TOLERANCE) } : null
  },
  maxUurprijs: new KeptPairs(4_096),
  maxUurprijsOf: (careType, day) => {
    const maxU = decimalOn(params, maximumUurprijsPath(careType), day)
    return maxU._tag === "Success" ? maxU.success.value : null
  }
}))

/** 5. A KOT segment's rate at most the maximum uurprijs of the care type it paid for. */
const kotRateCheck = (kept: KeptLimits, c: ChildMonth, s: PaidSegment, careType: string, push: Push): void => {
  const maxU = kept.maxUurprijs.get(careType, s.from, kept.maxUurprijsOf)
  if (maxU !== null && s.rate !== undefined && compare(s.rate, maxU) > 0)
    push(5, subjectOf(c), c.month, `KOT rate ${s.rate.toFixed(2)} above the maximum uurprijs ${maxU}`)
}

/** Who a child-month's violation is about (made only for a violation: the checks pass almost always). */
const subjectOf = (c: ChildMonth): string => `child ${c.childId}`

/** Invariants 1-7 on one child-month, against the child's own timeline. */
export const checkChildMonth = (c: ChildMonth, t: ChildTimeline, params: ParameterSet, policy: Policy, push: Push): void => {
  const jeugdwet = jeugdwetStreams(policy)
  // One pass over the lines: their sum (from zero, as `sum` adds) and the segments of the rules the
  // checks below look at.
  let total: Dec | undefined
  // Each rule's segments: the first line's own list (never changed), a new list once a second line adds to it.
  let kot = NONE
  let smi = NONE
  let over = NONE
  let bouw = NONE
  let kotLines = false
  for (const l of c.lines) {
    // 0 + the first amount is the amount itself (`fromZero`); the running sums are the child's own
    // (its KOT share, its residuals), so they are added, not looked up in the kept sums
    // (../rules/kept.ts: a table of sums that seldom recur costs more than the additions).
    total = total === undefined ? fromZero(l.amount) : total.plus(l.amount)
    const rule = l.trace.rule
    if (rule === "kot") {
      kot = gathered(kot, l.segments)
      kotLines = true
    } else if (rule === "smi") smi = gathered(smi, l.segments)
    else if (rule === "overbrugging") over = gathered(over, l.segments)
    else if (rule === "bouwsteen") bouw = gathered(bouw, l.segments)
  }
  // 1. Conservation: exact, and to the cent.
  total ??= ZERO
  if (compare(total, c.cost) !== 0 && total.minus(c.cost).abs().greaterThan(TOLERANCE))
    push(1, subjectOf(c), c.month, `lines sum to ${total.toFixed(6)}, cost is ${c.cost.toFixed(6)}`)
  let cents = 0n
  for (const v of c.streamCents.values()) cents += v
  if (cents !== c.costCents) push(1, subjectOf(c), c.month, `stream cents sum to ${cents}, cost is ${c.costCents} cents`)
  // 7. No negative amounts.
  for (const l of c.lines) if (l.amount.isNegative()) push(7, subjectOf(c), c.month, `${l.stream} ${l.amount.toFixed(2)} is negative`)
  // (forEach: no entry pair made per stream, as iterating the map's entries makes.)
  c.streamCents.forEach((v, s) => {
    if (v < 0n) push(7, subjectOf(c), c.month, `${s} ${v} cents is negative`)
  })
  // 2. KOT and SMI never for the same days (hence hours) of one child.
  for (const s of smi) if (overlapsAny(kot, s.from, s.to)) push(2, subjectOf(c), c.month, `KOT and SMI both pay ${dayRange(s.from, s.to)}`)
  for (const s of smi) if (overlapsAny(t.kot, s.from, s.to)) push(2, subjectOf(c), c.month, `SMI pays ${dayRange(s.from, s.to)} while a KOT entitlement runs`)
  // 3. Jeugdwet streams only on the plus or jeugdhulp layer.
  for (const l of c.lines) if (jeugdwet.has(l.stream) && l.layer === "regular") push(3, subjectOf(c), c.month, `${l.stream} pays the regular layer`)
  // 4. Overbrugging only with a jeugdhulp indication while waiting; bouwsteen never with one; never both.
  if (over.length > 0 || bouw.length > 0) {
    const jeugdhulpInd = t.indications.filter((i) => i.kind === "jeugdhulp")
    for (const s of over) {
      if (!covers(jeugdhulpInd, s.from, s.to)) push(4, subjectOf(c), c.month, `overbrugging pays ${dayRange(s.from, s.to)} without a jeugdhulp indication`)
      if (!covers(t.waitingJeugdhulp, s.from, s.to)) push(4, subjectOf(c), c.month, `overbrugging pays ${dayRange(s.from, s.to)} while not on the jeugdhulp waiting list`)
    }
    for (const s of bouw) {
      if (overlapsAny(jeugdhulpInd, s.from, s.to)) push(4, subjectOf(c), c.month, `bouwsteen pays ${dayRange(s.from, s.to)} for a child with a jeugdhulp indication`)
      if (overlapsAny(over, s.from, s.to)) push(4, subjectOf(c), c.month, `bouwsteen and overbrugging both pay ${dayRange(s.from, s.to)}`)
    }
  }
  // 5. Caps: KOT hours and rate; SMI hours within the indication.
  const monthStart = monthInterval(c.month).from
  const kept = keptLimits.of(params)
  if (kot.length > 0) {
    const cap = kept.kotHours.get(c.month, kept.kotHoursOf)
    let kotHours: Dec | undefined
    for (const s of kot) kotHours = kotHours === undefined ? fromZero(s.hours ?? ZERO) : plus(kotHours, s.hours ?? ZERO)
    if (kotHours !== undefined && cap !== null && compare(kotHours, cap.withTolerance) > 0)
      push(5, subjectOf(c), c.month, `KOT pays ${kotHours.toFixed(2)} hours, above ${cap.value}`)
  }
  if (kotLines)
    for (const l of c.lines) {
      if (l.trace.rule !== "kot") continue
      for (const s of l.segments) {
        // The maximum of the care type this segment paid for (a child may have two placements at once).
        if (s.careType !== undefined) kotRateCheck(kept, c, s, s.careType, push)
        else for (const p of t.pieces) if (p.from <= s.from && s.to <= p.to) kotRateCheck(kept, c, s, p.data.careType, push)
      }
    }
  for (const s of smi) {
    // The indication the payment names, else any SMI indication covering the days.
    const ind =
      t.indications.find((i) => i.indicationId === s.groundedBy?.id) ??
      t.indications.find((i) => (i.kind === "smi" || i.kind === "smi-plus") && i.from <= s.from && s.to <= i.to)
    if (ind?.data.maxHoursPerWeek !== undefined && s.hours !== undefined) {
      const days = s.to - s.from + 1
      const weekly = ind.data.maxHoursPerWeek
      const limit = smiLimits.get([c.month, policy.contractWeeksPerYear.value, weekly, days], () =>
        new Dec(weekly).times(policy.contractWeeksPerYear.value).times(days).dividedBy(12 * (monthInterval(c.month).to - monthStart + 1))
      )
      if (compare(s.hours, plus(limit, TOLERANCE)) > 0) push(5, subjectOf(c), c.month, `SMI pays ${s.hours.toFixed(2)} h in ${dayRange(s.from, s.to)}, above the indication's ${limit.toFixed(2)} h`)
    }
  }
  // 6. Validity in time: every paid day inside a placement and inside what grounds the payment.
  const placements = t.pieces
  for (const l of c.lines)
    for (const s of l.segments) {
      if (!covers(placements, s.from, s.to)) push(6, subjectOf(c), c.month, `${l.stream} pays ${dayRange(s.from, s.to)} outside any placement`)
      const g = s.groundedBy
      if (g === undefined) continue
      if (!groundsCover(t, g, s.from, s.to)) push(6, subjectOf(c), c.month, `${l.stream} pays ${dayRange(s.from, s.to)} outside its ${g.kind} period`)
    }
}

export interface InvariantInput {
  readonly world: World
  readonly params: ParameterSet
  readonly policy: Policy
}

/** 7. A group line is never negative; 1. its subsidy splits exactly into children, vacancy and surplus. */
export const checkGroupMonth = (g: GroupMonth, push: Push): void => {
  if (g.vacancy.isNegative() || g.surplus.isNegative()) push(7, `group ${g.groupId}`, g.month, "negative vacancy or surplus")
  const paidToChildren = g.allocated.minus(g.surplus)
  if (paidToChildren.plus(g.surplus).plus(g.vacancy).minus(g.subsidy).abs().greaterThan(TOLERANCE))
    push(1, `group ${g.groupId}`, g.month, "subsidy does not split exactly into children, vacancy and surplus")
}

/** 5. A group's kindplek subsidy in a year is at most its awarded places × price. */
export const checkGroupYear = (groupId: string, year: number, subsidy: Dec, info: GroupInfo | undefined, push: Push): void => {
  const awarded = sum((info?.awards ?? []).filter((a) => a.year === year).map((a) => a.pricePerPlace.times(a.places)))
  if (subsidy.greaterThan(awarded.plus(TOLERANCE))) push(5, `group ${groupId}`, undefined, `kindplek subsidy ${subsidy.toFixed(2)} in ${year} above awarded ${awarded.toFixed(2)}`)
}

/** 5. Every budget line over its budget is flagged as an overrun. */
export const checkBudget = (b: BudgetUse, push: Push): void => {
  if (b.used.greaterThan(b.budget) !== b.overrun) push(5, `budget line ${b.budgetLineId}`, undefined, "overrun not reported")
}

export const checkInvariants = (input: InvariantInput, ledger: Ledger): ReadonlyArray<Violation> => {
  const { violations, push } = violationList()
  const timelines = new Map<string, ChildTimeline>()
  for (const c of ledger.children) {
    let t = timelines.get(c.childId)
    if (t === undefined) {
      const state = input.world.children.get(c.childId)
      if (state === undefined) {
        push(6, `child ${c.childId}`, c.month, "has ledger lines but no events")
        continue
      }
      t = childTimeline(state)
      timelines.set(c.childId, t)
    }
    checkChildMonth(c, t, input.params, input.policy, push)
  }
  // 5. Kindplek subsidy per group and year at most awarded places × price; 7. group lines not negative.
  const groups = groupInfos(input.world.groups)
  const perGroupYear = new Map<string, Dec>()
  for (const g of ledger.groups) {
    checkGroupMonth(g, push)
    const key = `${g.groupId}|${g.month.slice(0, 4)}`
    perGroupYear.set(key, (perGroupYear.get(key) ?? ZERO).plus(g.subsidy))
  }
  for (const [key, total] of perGroupYear) {
    const [groupId, year] = key.split("|") as [string, string]
    checkGroupYear(groupId, Number(year), total, groups.get(groupId), push)
  }
  for (const b of ledger.budgets) checkBudget(b, push)
  return violations
}
