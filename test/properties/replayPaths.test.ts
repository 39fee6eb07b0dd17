/**
 * The cheaper per-child paths of the replay (issue 7, target (b); docs/benchmarks.md) give exactly what
 * the code they replaced gave: each is checked here against that code, copied below as the reference,
 * on generated inputs with ties, band edges and equal values in distinct objects, asked more than once
 * (so answers come from the kept tables too).
 *
 * - `exactPlus` / `exactMinus` take the 60-digit operation where every digit of the result fits in 60
 *   (src/domain/money.ts), and `fromZero` is 0 + x without a copy;
 * - `splitToCents` without its intermediate arrays;
 * - the check of a child-month (src/domain/invariants/check.ts): sums from zero by `fromZero` and kept
 *   `plus`, `compare` for `greaterThan`, loops for closures, on valid and corrupted child-months;
 * - `maximumUurprijsPath` kept per care type (src/domain/parameters/paths.ts), the kindplek award year
 *   kept per month (src/domain/rules/kindplek.ts), `groupCosts` of one group (src/compare/metrics.ts);
 * - `segmentsOf`: one segment without a set of cuts when nothing cuts the month, periods not copied when
 *   all overlap it; the policy's cuts without intermediate arrays (src/domain/rules/measure.ts);
 * - a whole child's contribution (src/projection/contribution.ts: group-months without key texts, the
 *   child-month's own stream cents; src/domain/rules/childMonth.ts: stream sums kept and without a map,
 *   group hours from zero) against the old contribution, child-month and check.
 */
import Decimal from "decimal.js"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type DayInterval, monthInterval, type YearMonth, yearOf } from "../../src/domain/calendar"
import { checkChildMonth, INVARIANT_NAMES, type Push } from "../../src/domain/invariants/check"
import { dayRange } from "../../src/domain/ledger/trace"
import type { ChildMonth, LedgerLine, PaidSegment, Violation } from "../../src/domain/ledger/types"
import { compare, Dec, exactMinus, exactPlus, fromZero, largestRemainder, splitToCents, sum, toCents, ZERO } from "../../src/domain/money"
import { decimalOn } from "../../src/domain/parameters/lookup"
import { KOT_HOURS_PATH, maximumUurprijsPath, parameterCareType } from "../../src/domain/parameters/paths"
import type { ParameterSet } from "../../src/domain/parameters/types"
import type { Layer, Policy } from "../../src/domain/policy/types"
import { apportion } from "../../src/domain/rules/apportion"
import { type ChildMonthResult, type Rounding, streamParts } from "../../src/domain/rules/childMonth"
import type { RuleContext } from "../../src/domain/rules/context"
import { plus } from "../../src/domain/rules/kept"
import { type AllocationLookup, awardYearOf } from "../../src/domain/rules/kindplek"
import { type ChildMonthMeasure, measureChildMonth, policyCuts, smiWindowEnd } from "../../src/domain/rules/measure"
import { type Segment, segmentsOf } from "../../src/domain/rules/segments"
import { type ChildTimeline, childTimeline } from "../../src/domain/timeline/periods"
import type { ChildState } from "../../src/domain/timeline/state"
import { type GroupCost, groupCosts } from "../../src/compare/metrics"
import { foldChild, LedgerRun } from "../../src/projection/ledgerRun"
import type { ChildContribution } from "../../src/projection/contribution"
import type { RunSetup } from "../../src/projection/setup"
import { historyArb } from "../support/arbitraries"
import { ledgerOf, POLICY_IDS, type PolicyId } from "../support/ledgerRun"
import { recorded, setupOf, subjectsOf } from "../projection/support"

// ---------------------------------------------------------------------------
// The reference: the code as it was before these paths.

const Wide = Decimal.clone({ precision: 1_000_000, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 })
const referenceExactPlus = (a: Dec, b: Dec): Dec => (a.isZero() ? b : b.isZero() ? a : new Dec(new Wide(a).plus(b)))
const referenceExactMinus = (a: Dec, b: Dec): Dec => (b.isZero() ? a : new Dec(new Wide(a).minus(b)))

const referenceSplitToCents = <K extends string>(
  parts: ReadonlyArray<readonly [K, Dec]>,
  options: { readonly total?: bigint; readonly residuals?: ReadonlySet<K> } = {}
): Array<[K, bigint]> => {
  const total = options.total ?? toCents(sum(parts.map(([, v]) => v)))
  const residuals = options.residuals ?? new Set<K>()
  const residualIdx = parts.map(([k], i) => (residuals.has(k) ? i : -1)).filter((i) => i >= 0)
  if (residualIdx.length === 0) return largestRemainder(parts, total)
  const out = parts.map(([k, v]): [K, bigint] => [k, residuals.has(k) ? 0n : toCents(v)])
  const absorber = residualIdx[residualIdx.length - 1]!
  for (const i of residualIdx) if (i !== absorber) out[i]![1] = toCents(parts[i]![1])
  out[absorber]![1] = total - out.reduce((acc, [, c], i) => (i === absorber ? acc : acc + c), 0n)
  return out.some(([, c]) => c < 0n) ? largestRemainder(parts, total) : out
}

const referenceGroupCosts = (c: ChildMonth): ReadonlyArray<GroupCost> => {
  const entries = [...c.groupHours.entries()]
  const provider = c.streamCents.get("provider") ?? 0n
  if (entries.length === 1) return [{ groupId: entries[0]![0], costCents: c.costCents, providerCents: provider }]
  return entries.map(([g, h]) => {
    const share = c.hours.isZero() ? new Dec(1).dividedBy(entries.length) : h.dividedBy(c.hours)
    return {
      groupId: g,
      costCents: BigInt(new Dec(c.costCents.toString()).times(share).toFixed(0)),
      providerCents: BigInt(new Dec(provider.toString()).times(share).toFixed(0))
    }
  })
}

const uniqueSorted = (values: ReadonlyArray<string>): ReadonlyArray<string> => (values.length === 1 ? values : [...new Set(values)].sort())

const referenceStreamParts = (lines: ReadonlyArray<LedgerLine>, order: ReadonlyArray<string>): Array<readonly [string, Dec]> => {
  const perStream = new Map<string, Dec>()
  for (const l of lines) {
    const before = perStream.get(l.stream)
    perStream.set(l.stream, before === undefined ? l.amount : before.plus(l.amount))
  }
  const parts: Array<readonly [string, Dec]> = []
  for (const s of order) {
    const v = perStream.get(s)
    if (v !== undefined) parts.push([s, v])
  }
  return parts
}

const referenceChildMonthOf = (ctx: RuleContext, m: ChildMonthMeasure, allocations: AllocationLookup, rounding: Rounding): ChildMonthResult => {
  const { lines, kindplekByGroup, kindplekClaimedByGroup } = apportion(ctx, m, allocations)
  const parts = referenceStreamParts(lines, rounding.order)
  const cost = plus(plus(m.regular, m.plus), m.jeugdhulp)
  const groupIds: Array<string> = []
  const providers: Array<string> = []
  const groupHours = new Map<string, Dec>()
  for (const s of m.segments)
    for (const p of s.pieces) {
      const g = p.piece.data.groupId
      groupIds.push(g)
      providers.push(p.piece.data.providerId)
      groupHours.set(g, (groupHours.get(g) ?? ZERO).plus(p.hours))
    }
  const costCents = toCents(cost)
  return {
    childMonth: {
      childId: m.childId,
      month: m.month,
      groups: uniqueSorted(groupIds),
      providers: uniqueSorted(providers),
      hours: m.hours,
      groupHours,
      cost,
      layers: { regular: m.regular, plus: m.plus, jeugdhulp: m.jeugdhulp } satisfies Record<Layer, Dec>,
      lines,
      costCents,
      streamCents: new Map(referenceSplitToCents(parts, { total: costCents, residuals: rounding.residuals }))
    },
    kindplekByGroup,
    kindplekClaimedByGroup
  }
}

// The check of a child-month as it was (src/domain/invariants/check.ts), with its helpers.
const TOLERANCE = new Dec("1e-20")
const covers = (periods: ReadonlyArray<{ from: number; to: number }>, from: number, to: number) => periods.some((p) => p.from <= from && to <= p.to)
const overlapsAny = (periods: ReadonlyArray<{ from: number; to: number }>, from: number, to: number) => periods.some((p) => p.from <= to && from <= p.to)
const groundsCover = (t: ChildTimeline, g: NonNullable<PaidSegment["groundedBy"]>, from: number, to: number): boolean => {
  if (g.kind === "kot-entitlement") return covers(t.kot, from, to)
  if (g.kind === "jeugdhulp-waiting") return covers(t.waitingJeugdhulp, from, to)
  if (g.kind.startsWith("indication:")) {
    const kind = g.kind.slice("indication:".length)
    return t.indications.some((i) => i.kind === kind && i.from <= from && to <= i.to)
  }
  return g.from <= from && to <= g.to
}
const NONE: ReadonlyArray<PaidSegment> = []

const referenceCheckChildMonth = (c: ChildMonth, t: ChildTimeline, params: ParameterSet, policy: Policy, push: Push): void => {
  const who = `child ${c.childId}`
  const jeugdwet = new Set(policy.streams.filter((x) => x.jeugdwet).map((x) => x.name))
  let total: Dec = ZERO
  let byRule: { kot: Array<PaidSegment>; smi: Array<PaidSegment>; overbrugging: Array<PaidSegment>; bouwsteen: Array<PaidSegment> } | undefined
  let kotLines = false
  for (const l of c.lines) {
    total = total.plus(l.amount)
    const rule = l.trace.rule
    if (rule === "kot" || rule === "smi" || rule === "overbrugging" || rule === "bouwsteen") {
      byRule ??= { kot: [], smi: [], overbrugging: [], bouwsteen: [] }
      for (const s of l.segments) byRule[rule].push(s)
      if (rule === "kot") kotLines = true
    }
  }
  if (compare(total, c.cost) !== 0 && total.minus(c.cost).abs().greaterThan(TOLERANCE))
    push(1, who, c.month, `lines sum to ${total.toFixed(6)}, cost is ${c.cost.toFixed(6)}`)
  let cents = 0n
  for (const v of c.streamCents.values()) cents += v
  if (cents !== c.costCents) push(1, who, c.month, `stream cents sum to ${cents}, cost is ${c.costCents} cents`)
  for (const l of c.lines) if (l.amount.isNegative()) push(7, who, c.month, `${l.stream} ${l.amount.toFixed(2)} is negative`)
  for (const [s, v] of c.streamCents) if (v < 0n) push(7, who, c.month, `${s} ${v} cents is negative`)
  const kot = byRule?.kot ?? NONE
  const smi = byRule?.smi ?? NONE
  for (const s of smi) if (overlapsAny(kot, s.from, s.to)) push(2, who, c.month, `KOT and SMI both pay ${dayRange(s.from, s.to)}`)
  for (const s of smi) if (overlapsAny(t.kot, s.from, s.to)) push(2, who, c.month, `SMI pays ${dayRange(s.from, s.to)} while a KOT entitlement runs`)
  for (const l of c.lines) if (jeugdwet.has(l.stream) && l.layer === "regular") push(3, who, c.month, `${l.stream} pays the regular layer`)
  const over = byRule?.overbrugging ?? NONE
  const bouw = byRule?.bouwsteen ?? NONE
  if (over.length > 0 || bouw.length > 0) {
    const jeugdhulpInd = t.indications.filter((i) => i.kind === "jeugdhulp")
    for (const s of over) {
      if (!covers(jeugdhulpInd, s.from, s.to)) push(4, who, c.month, `overbrugging pays ${dayRange(s.from, s.to)} without a jeugdhulp indication`)
      if (!covers(t.waitingJeugdhulp, s.from, s.to)) push(4, who, c.month, `overbrugging pays ${dayRange(s.from, s.to)} while not on the jeugdhulp waiting list`)
    }
    for (const s of bouw) {
      if (overlapsAny(jeugdhulpInd, s.from, s.to)) push(4, who, c.month, `bouwsteen pays ${dayRange(s.from, s.to)} for a child with a jeugdhulp indication`)
      if (overlapsAny(over, s.from, s.to)) push(4, who, c.month, `bouwsteen and overbrugging both pay ${dayRange(s.from, s.to)}`)
    }
  }
  const monthStart = monthInterval(c.month).from
  if (kot.length > 0) {
    const cap = decimalOn(params, KOT_HOURS_PATH, monthStart)
    let kotHours: Dec = ZERO
    for (const s of kot) kotHours = kotHours.plus(s.hours ?? ZERO)
    if (cap._tag === "Success" && kotHours.greaterThan(plus(cap.success.value, TOLERANCE)))
      push(5, who, c.month, `KOT pays ${kotHours.toFixed(2)} hours, above ${cap.success.value}`)
  }
  if (kotLines)
    for (const l of c.lines) {
      if (l.trace.rule !== "kot") continue
      for (const s of l.segments) {
        const careTypes = s.careType !== undefined ? [s.careType] : t.pieces.filter((p) => p.from <= s.from && s.to <= p.to).map((p) => p.data.careType)
        for (const careType of careTypes) {
          const maxU = decimalOn(params, `kot.maximum-uurprijs.${parameterCareType(careType)}`, s.from)
          if (maxU._tag === "Success" && s.rate !== undefined && compare(s.rate, maxU.success.value) > 0)
            push(5, who, c.month, `KOT rate ${s.rate.toFixed(2)} above the maximum uurprijs ${maxU.success.value}`)
        }
      }
    }
  for (const s of smi) {
    const ind =
      t.indications.find((i) => i.indicationId === s.groundedBy?.id) ??
      t.indications.find((i) => (i.kind === "smi" || i.kind === "smi-plus") && i.from <= s.from && s.to <= i.to)
    if (ind?.data.maxHoursPerWeek !== undefined && s.hours !== undefined) {
      const days = s.to - s.from + 1
      const weekly = ind.data.maxHoursPerWeek
      const limit = new Dec(weekly).times(policy.contractWeeksPerYear.value).times(days).dividedBy(12 * (monthInterval(c.month).to - monthStart + 1))
      if (s.hours.greaterThan(plus(limit, TOLERANCE))) push(5, who, c.month, `SMI pays ${s.hours.toFixed(2)} h in ${dayRange(s.from, s.to)}, above the indication's ${limit.toFixed(2)} h`)
    }
  }
  const placements = t.pieces
  for (const l of c.lines)
    for (const s of l.segments) {
      if (!covers(placements, s.from, s.to)) push(6, who, c.month, `${l.stream} pays ${dayRange(s.from, s.to)} outside any placement`)
      const g = s.groundedBy
      if (g === undefined) continue
      if (!groundsCover(t, g, s.from, s.to)) push(6, who, c.month, `${l.stream} pays ${dayRange(s.from, s.to)} outside its ${g.kind} period`)
    }
}

/** The contribution as it was: group-months by key text, stream cents copied, the old child-month and check. */
const referenceChildContribution = (
  setup: RunSetup,
  ctx: RuleContext,
  state: ChildState,
  allocations: AllocationLookup,
  check = true,
  only?: ReadonlySet<number>
) => {
  const timeline = childTimeline(state)
  const waiting = timeline.waitingPlusPlace
  const waitingAtEnd = waiting.some((p) => p.from <= setup.lastDay && p.to >= setup.lastDay)
  const everWaiting = waiting.some((p) => p.from <= setup.lastDay && p.to >= setup.firstDay)
  if (timeline.placements.length === 0)
    return { childId: state.childId, months: [], groupMonths: [], waitingAtEnd, everWaiting, fallbackGroups: [], violations: [] }
  const months: Array<{ monthIndex: number; costCents: bigint; hours: Dec; streamCents: ReadonlyArray<readonly [string, bigint]>; groups: ReadonlyArray<GroupCost> }> = []
  const parts = new Map<string, { groupId: string; monthIndex: number; placeDays: Dec; openingDays: number; claimed: Dec; paid: Dec }>()
  const part = (groupId: string, monthIndex: number) => {
    const key = `${groupId}|${monthIndex}`
    let p = parts.get(key)
    if (p === undefined) parts.set(key, (p = { groupId, monthIndex, placeDays: ZERO, openingDays: 0, claimed: ZERO, paid: ZERO }))
    return p
  }
  const fallbackGroups = new Set<string>()
  const violations: Array<Violation> = []
  const push: Push = (invariant, subject, month, detail) => violations.push({ invariant, name: INVARIANT_NAMES[invariant]!, subject, month, detail })
  for (let i = 0; i < setup.months.length; i++) {
    if (only !== undefined && !only.has(i)) continue
    const m = measureChildMonth(ctx, timeline, setup.months[i]!)
    if (m.segments.length === 0) continue
    for (const s of m.segments)
      for (const p of s.pieces) {
        const gm = part(p.piece.data.groupId, i)
        gm.placeDays = referenceExactPlus(gm.placeDays, p.placeDays)
        gm.openingDays += p.openingDays
        if (p.costPriceFallback) fallbackGroups.add(p.piece.data.groupId)
      }
    const r = referenceChildMonthOf(ctx, m, allocations, setup.rounding)
    for (const [g, v] of r.kindplekClaimedByGroup) part(g, i).claimed = v
    for (const [g, v] of r.kindplekByGroup) part(g, i).paid = v
    const c = r.childMonth
    if (check) referenceCheckChildMonth(c, timeline, setup.params, setup.policy, push)
    months.push({ monthIndex: i, costCents: c.costCents, hours: c.hours, streamCents: [...c.streamCents], groups: referenceGroupCosts(c) })
  }
  return { childId: state.childId, months, groupMonths: [...parts.values()], waitingAtEnd, everWaiting, fallbackGroups: [...fallbackGroups], violations }
}

// Segments as they were cut (src/domain/rules/segments.ts), and the policy's cuts (src/domain/rules/measure.ts).
const overlaps = (p: { from: number; to: number }, i: DayInterval) => p.from <= i.to && p.to >= i.from
const referenceWithin = <P extends { from: number; to: number }>(periods: ReadonlyArray<P>, i: DayInterval): ReadonlyArray<P> =>
  periods.length === 0 ? periods : periods.filter((p) => overlaps(p, i))
const referenceSegmentsOf = (timeline: ChildTimeline, month: YearMonth, extraCuts: ReadonlyArray<number> = []): ReadonlyArray<Segment> => {
  const m = monthInterval(month)
  const pieces = referenceWithin(timeline.pieces, m)
  if (pieces.length === 0) return []
  const kot = referenceWithin(timeline.kot, m)
  const indications = referenceWithin(timeline.indications, m)
  const waiting = referenceWithin(timeline.waitingJeugdhulp, m)
  const cuts = new Set<number>([m.from, m.to + 1])
  const addCut = (day: number) => {
    if (day > m.from && day <= m.to) cuts.add(day)
  }
  for (const list of [pieces, kot, indications, waiting] as ReadonlyArray<ReadonlyArray<{ from: number; to: number }>>)
    for (const p of list) {
      addCut(p.from)
      if (Number.isFinite(p.to)) addCut(p.to + 1)
    }
  for (const c of extraCuts) addCut(c)
  const sorted = cuts.size === 2 ? [m.from, m.to + 1] : [...cuts].sort((a, b) => a - b)
  const out: Array<Segment> = []
  for (let i = 0; i + 1 < sorted.length; i++) {
    const s: DayInterval = { from: sorted[i]!, to: sorted[i + 1]! - 1 }
    const active = pieces.length === 1 ? (overlaps(pieces[0]!, s) ? pieces : []) : pieces.filter((p) => overlaps(p, s))
    if (active.length === 0) continue
    out.push({
      from: s.from,
      to: s.to,
      pieces: active,
      kot: kot.find((p) => overlaps(p, s)),
      indications: indications.length === 0 ? indications : indications.filter((p) => overlaps(p, s)),
      waitingJeugdhulp: waiting.find((p) => overlaps(p, s))
    })
  }
  return out
}
const referencePolicyCuts = (ctx: RuleContext, timeline: ChildTimeline): ReadonlyArray<number> => {
  const maxMonths = ctx.policy.smi?.maxMonths?.value
  if (maxMonths === undefined) return []
  return timeline.indications.filter((i) => i.kind === "smi").map((i) => smiWindowEnd(i.from, maxMonths) + 1)
}

// ---------------------------------------------------------------------------
// Generators

/** A decimal's representation (sign, exponent, base-10^7 digits): equal representations print the same text. */
const repr = (d: Dec) => ({ s: d.s, e: d.e, d: d.d === null ? null : [...d.d], text: d.toString() })

/** Amounts of every shape the replay adds: whole and half cents, place-days, 60-digit quotients, long exact sums, tiny and huge, negative, zero. */
const decimalArb: fc.Arbitrary<Dec> = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => new Dec(n).dividedBy(100)),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Dec(n).plus(0.5).dividedBy(100)),
  fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 23 })).map(([d, o]) => new Dec(Math.min(d, 5)).dividedBy(5).times(o)),
  fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 9_999 })).map(([n, d]) => new Dec(n).dividedBy(d)),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: -40, max: 40 })).map(([n, d, k]) =>
    new Dec(n).dividedBy(d).times(new Dec(10).pow(k))
  ),
  // Exact sums that carry more than 60 digits (as the replay's totals do).
  fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 97 }), fc.integer({ min: 1, max: 89 })).map(([n, a, b]) =>
    new Dec(new Wide(new Dec(n).dividedBy(a)).plus(new Dec(1).dividedBy(b).times("1e-9")))
  ),
  fc.integer({ min: -60, max: 60 }).map((k) => new Dec(10).pow(k)),
  fc.constantFrom(new Dec(0), new Dec("-0"), new Dec("0.005"), new Dec("1e-50"), new Dec("9".repeat(60)), new Dec(10).dividedBy(3), new Dec(-2).dividedBy(3))
)

// ---------------------------------------------------------------------------

describe("exact sums where the 60-digit operation is exact", () => {
  it("exactPlus and exactMinus give the reference's value and representation, for any two decimals, equal ones included", () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, fc.boolean(), (a, b, same) => {
        const y = same ? new Dec(a) : b
        expect(repr(exactPlus(a, y))).toEqual(repr(referenceExactPlus(a, y)))
        expect(repr(exactMinus(a, y))).toEqual(repr(referenceExactMinus(a, y)))
        expect(repr(exactPlus(y, a))).toEqual(repr(referenceExactPlus(y, a)))
        expect(repr(exactMinus(a, y.negated()))).toEqual(repr(referenceExactMinus(a, y.negated())))
      }),
      { numRuns: 4000 }
    )
  })
  it("a sum along a chain of exact additions and takings-out is the reference's at every step", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(decimalArb, fc.boolean()), { maxLength: 30 }), (steps) => {
        let total = ZERO
        let reference = ZERO
        for (const [d, add] of steps) {
          total = add ? exactPlus(total, d) : exactMinus(total, d)
          reference = add ? referenceExactPlus(reference, d) : referenceExactMinus(reference, d)
          expect(repr(total)).toEqual(repr(reference))
        }
      }),
      { numRuns: 500 }
    )
  })
  it("fromZero is 0 + x, in value and representation", () => {
    fc.assert(
      fc.property(decimalArb, (x) => {
        expect(repr(fromZero(x))).toEqual(repr(ZERO.plus(x)))
      }),
      { numRuns: 3000 }
    )
    for (const x of [new Dec(NaN), new Dec(Infinity), new Dec(-Infinity)]) expect(repr(fromZero(x))).toEqual(repr(ZERO.plus(x)))
  })
})

describe("a child-month's amounts per stream", () => {
  it("sums each stream's lines in order as the reference does, streams in the policy's order, others left out, asked again", () => {
    const streams = ["kot", "smi", "parent", "kindplek", "provider", "other"]
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...streams), fc.nat()), { maxLength: 8 }),
        fc.array(decimalArb.map((d) => d.abs()), { minLength: 1, maxLength: 4 }),
        fc.shuffledSubarray(streams.slice(0, 5)),
        (picks, amounts, order) => {
          const lines = picks.map(([stream, i]) => ({ stream, amount: amounts[i % amounts.length]! }) as LedgerLine)
          const expected = referenceStreamParts(lines, order).map(([s, v]) => [s, repr(v)])
          expect(streamParts(lines, order).map(([s, v]) => [s, repr(v)])).toEqual(expected)
          expect(streamParts(lines, order).map(([s, v]) => [s, repr(v)])).toEqual(expected)
        }
      ),
      { numRuns: 2000 }
    )
  })
})

describe("splitToCents without intermediate arrays", () => {
  const keys = ["kot", "smi", "parent", "kindplek", "provider", "overbrugging"] as const
  type Key = (typeof keys)[number]
  const partArb = fc.oneof(
    fc.integer({ min: 0, max: 5_000_000 }).map((n) => new Dec(n).dividedBy(100)),
    fc.integer({ min: 0, max: 5_000_000 }).map((n) => new Dec(n).plus(0.5).dividedBy(100)),
    fc.tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 1, max: 999 })).map(([n, d]) => new Dec(n).dividedBy(d)),
    fc.constantFrom(new Dec(0), new Dec("0.005"), new Dec("0.004999"))
  )
  it("splits as the reference does, with or without residuals and total, the total moved off the sum, asked again and with copies", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: keys.length }),
        fc.array(partArb, { minLength: keys.length, maxLength: keys.length }),
        fc.subarray([...keys]),
        fc.integer({ min: -300, max: 300 }),
        fc.boolean(),
        (names, values, residualNames, shift, withTotal) => {
          const parts = names.map((k, i) => [k, values[i]!] as const)
          const residuals = new Set<Key>(residualNames)
          const total = withTotal ? toCents(sum(parts.map(([, v]) => v))) + BigInt(shift) : undefined
          const options = { ...(total === undefined ? {} : { total }), residuals }
          const expected = referenceSplitToCents(parts, options)
          expect(splitToCents(parts, options)).toEqual(expected)
          expect(splitToCents(parts, options)).toEqual(expected)
          expect(splitToCents(parts.map(([k, v]) => [k, new Dec(v)] as const), options)).toEqual(expected)
          expect(splitToCents(parts, total === undefined ? {} : { total })).toEqual(referenceSplitToCents(parts, total === undefined ? {} : { total }))
        }
      ),
      { numRuns: 3000 }
    )
  })
})

describe("kept texts and days", () => {
  it("maximumUurprijsPath is the path's text for every care type, asked again", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom("dagopvang", "peuteropvang", "bso", "gastouderopvang"), fc.string()), (careType) => {
        const expected = `kot.maximum-uurprijs.${careType === "peuteropvang" ? "dagopvang" : careType}`
        expect(maximumUurprijsPath(careType)).toBe(expected)
        expect(maximumUurprijsPath(`${careType}`)).toBe(expected)
      }),
      { numRuns: 500 }
    )
  })
  it("the kindplek award year of a month is its year's first to last day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const month: YearMonth = `${y}-${String(m).padStart(2, "0")}`
        const year = yearOf(month)
        const expected = { from: monthInterval(`${year}-01`).from, to: monthInterval(`${year}-12`).to }
        expect(awardYearOf(month)).toEqual(expected)
        expect(awardYearOf(month)).toEqual(expected)
      }),
      { numRuns: 1000 }
    )
  })
})

// ---------------------------------------------------------------------------
// Whole child-months and contributions, on generated histories under every shipped policy.

const policyArb = fc.constantFrom(...POLICY_IDS)

/** A contribution in plain values (decimals by representation, stream cents as entries). */
const plainContribution = (c: ChildContribution | ReturnType<typeof referenceChildContribution>) => ({
  ...c,
  months: c.months.map((m) => ({ ...m, hours: repr(m.hours), streamCents: [...m.streamCents] })),
  groupMonths: c.groupMonths.map((g) => ({ ...g, placeDays: repr(g.placeDays), claimed: repr(g.claimed), paid: repr(g.paid) }))
})

describe("segments as before", () => {
  it("cuts every month of every generated child as the reference does, with the policy's cuts and others", () => {
    fc.assert(
      fc.property(
        historyArb({ maxChildren: 10, maxGroups: 2 }),
        policyArb,
        fc.array(fc.integer({ min: -5, max: 40 }), { maxLength: 3 }),
        (h, policyId: PolicyId, offsets) => {
          const { world } = ledgerOf(h.events, policyId)
          const ctx = new LedgerRun(setupOf(policyId)).context()
          for (const state of world.children.values()) {
            const t = childTimeline(state)
            expect(policyCuts(ctx, t)).toEqual(referencePolicyCuts(ctx, t))
            for (const month of ["2025-12", ...setupOf(policyId).months, "2027-01"]) {
              const from = monthInterval(month).from
              for (const extra of [[], policyCuts(ctx, t), offsets.map((o) => from + o), [from, from + 1, monthInterval(month).to + 1]])
                expect(segmentsOf(t, month, extra)).toEqual(referenceSegmentsOf(t, month, extra))
            }
          }
        }
      ),
      { numRuns: 150, interruptAfterTimeLimit: 60_000 }
    )
  })
})

describe("a child's contribution as before", () => {
  it("is the reference contribution for every child, with capacity and tallied allocations, checked or not, all months or some", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 10, maxGroups: 3 }), policyArb, fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 4 }), (h, policyId: PolicyId, some) => {
        const run = new LedgerRun(setupOf(policyId))
        const subjects = subjectsOf(recorded(h.events))
        for (const s of subjects) if (s.kind !== "child") run.addSubject(s)
        const ctx = run.context()
        for (const s of subjects) {
          if (s.kind !== "child") continue
          const state = foldChild(s.id, s.events)
          for (const [allocations, check, only] of [
            [run.capacity(), true, undefined],
            [run.capacity(), true, undefined],
            [run.tallied(), false, undefined],
            [run.capacity(), true, new Set(some)]
          ] as const) {
            const expected = plainContribution(referenceChildContribution(run.setup, ctx, state, allocations, check, only))
            expect(plainContribution(run.contribution(state, allocations, check, only))).toEqual(expected)
          }
          run.addSubject(s)
        }
      }),
      { numRuns: 120, interruptAfterTimeLimit: 60_000 }
    )
  })
})

describe("groupCosts", () => {
  it("is the reference's for the child-months of generated ledgers, and for one made to have several groups", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 8, maxGroups: 3 }), policyArb, (h, policyId: PolicyId) => {
        for (const c of ledgerOf(h.events, policyId).ledger.children) {
          expect(groupCosts(c)).toEqual(referenceGroupCosts(c))
          const split = new Map([...c.groupHours].flatMap(([g, v]) => [[g, v.dividedBy(3)], [`${g}-b`, v.times(2).dividedBy(3)]] as const))
          expect(groupCosts({ ...c, groupHours: split })).toEqual(referenceGroupCosts({ ...c, groupHours: split }))
        }
      }),
      { numRuns: 60 }
    )
  })
})

describe("the check of a child-month as before", () => {
  /** The child-month corrupted in each way: each line's amount moved, each KOT or SMI segment given more hours (a hair, a half, far too many). */
  const corruptions = (c: ChildMonth): ReadonlyArray<ChildMonth> => {
    const out: Array<ChildMonth> = []
    c.lines.forEach((line, li) => {
      for (const delta of ["1e-25", "1e-15", "-0.01", "250"])
        out.push({ ...c, lines: c.lines.map((l, i) => (i === li ? { ...l, amount: l.amount.plus(delta) } : l)) })
      if (line.trace.rule !== "kot" && line.trace.rule !== "smi") return
      line.segments.forEach((seg, sj) => {
        if (seg.hours === undefined) return
        for (const more of ["1e-21", "0.5", "300"]) {
          const segments = line.segments.map((x, j) => (j === sj ? { ...x, hours: seg.hours!.plus(more) } : x))
          out.push({ ...c, lines: c.lines.map((l, i) => (i === li ? { ...l, segments } : l)) })
        }
      })
    })
    return out
  }
  it("pushes what the reference pushes, for valid and corrupted child-months, asked again", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 8, maxGroups: 3 }), policyArb, (h, policyId: PolicyId) => {
        const { world, policy, ledger } = ledgerOf(h.events, policyId)
        const params = (setupOf(policyId) as RunSetup).params
        for (const c of ledger.children) {
          const t = childTimeline(world.children.get(c.childId)!)
          for (const variant of [c, ...corruptions(c)]) {
            const expected: Array<unknown> = []
            referenceCheckChildMonth(variant, t, params, policy, (...v) => expected.push(v))
            for (let again = 0; again < 2; again++) {
              const got: Array<unknown> = []
              checkChildMonth(variant, t, params, policy, (...v) => got.push(v))
              expect(got).toEqual(expected)
            }
          }
        }
      }),
      { numRuns: 60, interruptAfterTimeLimit: 60_000 }
    )
  })
})
