/**
 * Measuring a child-month: hours of care, and the cost in its layers, per
 * segment and placement (DOMAIN.md "How the money flows"; seed 000 §3.3).
 *
 * - Hours: days per week × hours per day × contract weeks per year / 12, times
 *   the share of the month's days in the segment (prorated by day).
 * - Regular layer: hours × the regular rate (the placement's hourly price, or
 *   that price capped at the KOT maximum uurprijs when the policy says so).
 * - Plus layer: hours × (cost price per hour − regular rate), where the cost
 *   price is the group's (or the policy's for its design) and never below the
 *   price the parents are invoiced.
 * - Jeugdhulp layer: the jeugdhulp expertise on the group for a child with a
 *   bouwsteen advice and no jeugdhulp indication, or with a jeugdhulp
 *   indication while on the jeugdhulp waiting list (seed 004 §VII).
 * - Place-days: (days per week / 5) × opening days (Mon-Fri) in the segment,
 *   the unit in which kindplek subsidy is allocated (seed 004 §X).
 */
import { addMonths, daysInMonth, fromDayNumber, monthInterval, weekdaysIn, type YearMonth } from "../calendar"
import { Dec, max, min, ZERO } from "../money"
import type { DatedValue } from "../parameters/types"
import type { Sourced } from "../policy/types"
import type { ChildTimeline, PlacementPiece } from "../timeline/periods"
import { maximumUurprijs, missingInput, type RuleContext } from "./context"
import type { GroupInfo } from "./groups"
import { Kept, KeptPairs, KeptTree } from "../keptTable"
import { decimalOf, minus, times } from "./kept"
import { hasIndication, type Segment, segmentsOf } from "./segments"

export interface PieceMeasure {
  readonly piece: PlacementPiece
  readonly group: GroupInfo | undefined
  readonly from: number
  readonly to: number
  readonly hours: Dec
  readonly price: Dec
  readonly maxUurprijs: DatedValue<Dec> | undefined
  readonly regularRate: Dec
  readonly costRate: Dec
  readonly costPrice: Sourced<Dec>
  /** True when no cost price was known and the invoiced price stands in for it. */
  readonly costPriceFallback: boolean
  readonly regular: Dec
  readonly plus: Dec
  readonly placeDays: Dec
  /** Opening days (Mon-Fri) the child was placed in the segment: for average headcount. */
  readonly openingDays: number
}

export type ExpertiseGround = "bouwsteen" | "overbrugging"

export interface SegmentMeasure {
  readonly segment: Segment
  readonly pieces: ReadonlyArray<PieceMeasure>
  readonly jeugdhulp: Dec
  readonly jeugdhulpHours: Dec
  readonly expertise: ExpertiseGround | undefined
}

export interface ChildMonthMeasure {
  readonly childId: string
  readonly month: YearMonth
  readonly timeline: ChildTimeline
  readonly segments: ReadonlyArray<SegmentMeasure>
  readonly hours: Dec
  readonly regular: Dec
  readonly plus: Dec
  readonly jeugdhulp: Dec
}

/** Hours for a weekly volume over `days` days of a month: weekly × weeks per year / 12 × days / days in month. */
export const monthlyHours = (weeklyHours: Dec, weeksPerYear: Dec, days: number, month: YearMonth): Dec =>
  weeklyHours.times(weeksPerYear).times(days).dividedBy(12 * daysInMonth(month))

/** The cost price per child-hour: the policy's for the group, the group's own, the policy's for its design, else the price itself. */
const costPriceOf = (ctx: RuleContext, piece: PlacementPiece, group: GroupInfo | undefined, price: Dec): Sourced<Dec> => {
  if (piece.data.plus === false) {
    // A child without extra support needs in an inclusive group (seed 002 "Heterogene groepen").
    const regular = ctx.policy.costPrices.regularByGroup?.[piece.data.groupId]
    return regular ?? { value: price, source: "a child without extra support needs: its cost is the invoiced price", assumption: false }
  }
  const byGroup = ctx.policy.costPrices.byGroup[piece.data.groupId]
  if (byGroup) return byGroup
  if (group?.costPricePerHour) return group.costPricePerHour
  const byDesign = group ? ctx.policy.costPrices.byDesign[group.design] : undefined
  if (byDesign) return byDesign
  return {
    value: price,
    source: "no cost price known for this group: the invoiced hourly price is taken as its cost (no plus layer)",
    assumption: true
  }
}

/** Which ground, if any, the jeugdhulp expertise has in a segment (seed 004 §VII; invariant 4). */
export const expertiseGround = (s: Segment): ExpertiseGround | undefined => {
  const jeugdhulp = hasIndication(s, "jeugdhulp")
  if (jeugdhulp) return s.waitingJeugdhulp !== undefined ? "overbrugging" : undefined
  return hasIndication(s, "bouwsteen-advice") ? "bouwsteen" : undefined
}

/** Hours of a placement's weekly volume in a segment (kept: the same volumes and segments recur). */
const keptHours = new KeptTree<Dec>()
const keptOpeningDays = new Kept<number, number>()
const keptPlaceDays = new KeptPairs<number, number, Dec>()
/** Place-days: d days a week occupy d/5 of a place on each opening day (Mon-Fri; see the header). */
const placeDaysOf = (daysPerWeek: number, openingDays: number): Dec => new Dec(Math.min(daysPerWeek, 5)).dividedBy(5).times(openingDays)

const measurePiece = (ctx: RuleContext, s: Segment, piece: PlacementPiece, month: YearMonth): PieceMeasure => {
  const weeks = ctx.policy.contractWeeksPerYear.value
  const days = s.to - s.from + 1
  const d = piece.data
  const hours = keptHours.get([month, weeks, d.daysPerWeek, d.hoursPerDay, days], () =>
    monthlyHours(new Dec(d.daysPerWeek).times(d.hoursPerDay), weeks, days, month)
  )
  const price = decimalOf(d.hourlyPrice)
  const group = ctx.groups.get(d.groupId)
  const maxU = maximumUurprijs(ctx, d.careType, s.from)
  const regularRate =
    ctx.policy.regularRate === "maximum-uurprijs" && maxU !== undefined ? min(price, maxU.value) : price
  const costPrice = costPriceOf(ctx, piece, group, price)
  const costRate = max(costPrice.value, price)
  // Days are at most 2^26 apart in any calendar geldstroom knows: one number keys a segment.
  const openingDays = keptOpeningDays.get(s.from * 67_108_864 + (s.to - s.from), () => weekdaysIn({ from: s.from, to: s.to }))
  return {
    piece,
    group,
    from: s.from,
    to: s.to,
    hours,
    price,
    maxUurprijs: maxU,
    regularRate,
    costRate,
    costPrice,
    costPriceFallback: costPrice.value === price && costPrice.assumption,
    regular: times(hours, regularRate),
    plus: times(hours, minus(costRate, regularRate)),
    placeDays: keptPlaceDays.get(d.daysPerWeek, openingDays, placeDaysOf),
    openingDays
  }
}

const measureSegment = (ctx: RuleContext, s: Segment, month: YearMonth): SegmentMeasure => {
  const pieces = s.pieces.map((p) => measurePiece(ctx, s, p, month))
  const ground = expertiseGround(s)
  const expertise = ctx.policy.jeugdhulpExpertise
  if (ground === undefined) return { segment: s, pieces, jeugdhulp: ZERO, jeugdhulpHours: ZERO, expertise: undefined }
  if (expertise === undefined) {
    const payers = ctx.policy.layers.jeugdhulp.payers
    if (payers.length > 0) {
      missingInput(ctx, "policy.jeugdhulpExpertise", s.from, `the policy pays ${ground} but gives no expertise hours and rate (not public: a scenario input)`)
    }
    return { segment: s, pieces, jeugdhulp: ZERO, jeugdhulpHours: ZERO, expertise: undefined }
  }
  const weeks = ctx.policy.contractWeeksPerYear.value
  const days = s.to - s.from + 1
  const hours = keptHours.get([month, weeks, expertise.hoursPerWeek.value, days], () =>
    monthlyHours(expertise.hoursPerWeek.value, weeks, days, month)
  )
  return { segment: s, pieces, jeugdhulp: times(hours, expertise.hourlyRate.value), jeugdhulpHours: hours, expertise: ground }
}

const NO_CUTS: ReadonlyArray<number> = []

/** Extra cut days the policy adds: where plain SMI stops paying after its maximum months (PARAMETERS.md "Sociaal medische indicatie"). */
export const policyCuts = (ctx: RuleContext, timeline: ChildTimeline): ReadonlyArray<number> => {
  const maxMonths = ctx.policy.smi?.maxMonths?.value
  if (maxMonths === undefined) return NO_CUTS
  let cuts: Array<number> | undefined
  for (const i of timeline.indications) if (i.kind === "smi") (cuts ??= []).push(smiWindowEnd(i.from, maxMonths) + 1)
  return cuts ?? NO_CUTS
}

/**
 * Last day SMI may pay for an indication starting on `from`, given a maximum number of months:
 * the day before the same day of the month `maxMonths` later, or, when that month is too short
 * (from 31 January, one month), its last day (28 February). The maximum is the policy's
 * (PARAMETERS.md "Sociaal medische indicatie": Rotterdam, at most 9 months).
 */
export const smiWindowEnd = (from: number, maxMonths: number): number => keptWindowEnds.get(from, maxMonths, windowEnd)

/** Window ends kept per first day and months (asked for every child-month with an SMI indication). */
const keptWindowEnds = new KeptPairs<number, number, number>()

const windowEnd = (from: number, maxMonths: number): number => {
  const first = fromDayNumber(from)
  const target = monthInterval(addMonths(first.slice(0, 7), maxMonths))
  const sameDay = target.from + Number(first.slice(8, 10)) - 1
  return sameDay > target.to ? target.to : sameDay - 1
}

export const measureChildMonth = (ctx: RuleContext, timeline: ChildTimeline, month: YearMonth): ChildMonthMeasure => {
  const segments = segmentsOf(timeline, month, policyCuts(ctx, timeline)).map((s) => measureSegment(ctx, s, month))
  let hours = ZERO
  let regular = ZERO
  let plus = ZERO
  let jeugdhulp = ZERO
  // 0 + x is x itself: the first term is taken as it is (so kept values stay shared).
  for (const s of segments) {
    jeugdhulp = jeugdhulp === ZERO ? s.jeugdhulp : jeugdhulp.plus(s.jeugdhulp)
    for (const p of s.pieces) {
      hours = hours === ZERO ? p.hours : hours.plus(p.hours)
      regular = regular === ZERO ? p.regular : regular.plus(p.regular)
      plus = plus === ZERO ? p.plus : plus.plus(p.plus)
    }
  }
  return { childId: timeline.childId, month, timeline, segments, hours, regular, plus, jeugdhulp }
}
