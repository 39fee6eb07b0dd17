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
import { decimalOn } from "../parameters/lookup"
import { maximumUurprijsPath } from "../parameters/paths"
import type { DatedValue, ParameterSet } from "../parameters/types"
import type { Policy, Sourced } from "../policy/types"
import type { ChildTimeline, PlacementPiece } from "../timeline/periods"
import { maximumUurprijs, missingInput, type RuleContext } from "./context"
import type { GroupInfo } from "./groups"
import { KeptPairs, KeptPerOwners, KeptTree, KeptTriples } from "../keptTable"
import { decimalOf, minus, times } from "./kept"
import { hasIndication, type Segment, segmentsOf } from "./segments"

export interface PieceMeasure {
  readonly piece: PlacementPiece
  /** The kept values this measure was made of (all its fields but the piece): its identity keys the rules' kept results. */
  readonly values: PieceValues
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

/** A cost price that is the invoiced price itself: for a child without extra support needs, or for a group whose cost price is not known. */
type PriceAsCost = "invoiced" | "unknown"

/**
 * Where the cost price per child-hour comes from: the policy's for the group, the group's own, the
 * policy's for its design, else the price itself (`PriceAsCost`).
 */
const costPriceSource = (ctx: RuleContext, piece: PlacementPiece, group: GroupInfo | undefined): Sourced<Dec> | PriceAsCost => {
  if (piece.data.plus === false) {
    // A child without extra support needs in an inclusive group (seed 002 "Heterogene groepen").
    return ctx.policy.costPrices.regularByGroup?.[piece.data.groupId] ?? "invoiced"
  }
  const byGroup = ctx.policy.costPrices.byGroup[piece.data.groupId]
  if (byGroup) return byGroup
  if (group?.costPricePerHour) return group.costPricePerHour
  const byDesign = group ? ctx.policy.costPrices.byDesign[group.design] : undefined
  if (byDesign) return byDesign
  return "unknown"
}

/** The cost price per child-hour (`costPriceSource`), the price itself standing in where none is known. */
const costPriceOf = (source: Sourced<Dec> | PriceAsCost, price: Dec): Sourced<Dec> =>
  source === "invoiced"
    ? { value: price, source: "a child without extra support needs: its cost is the invoiced price", assumption: false }
    : source === "unknown"
      ? {
          value: price,
          source: "no cost price known for this group: the invoiced hourly price is taken as its cost (no plus layer)",
          assumption: true
        }
      : source

/** Which ground, if any, the jeugdhulp expertise has in a segment (seed 004 §VII; invariant 4). */
export const expertiseGround = (s: Segment): ExpertiseGround | undefined => {
  const jeugdhulp = hasIndication(s, "jeugdhulp")
  if (jeugdhulp) return s.waitingJeugdhulp !== undefined ? "overbrugging" : undefined
  return hasIndication(s, "bouwsteen-advice") ? "bouwsteen" : undefined
}

/** Hours of the jeugdhulp expertise's weekly volume in a segment (kept: the same volumes and segments recur). */
const keptHours = new KeptTree<Dec>()
/** Place-days: d days a week occupy d/5 of a place on each opening day (Mon-Fri; see the header). */
const placeDaysOf = (daysPerWeek: number, openingDays: number): Dec => new Dec(Math.min(daysPerWeek, 5)).dividedBy(5).times(openingDays)

/**
 * What a piece's measure derives from its segment and weekly volume: hours, opening days, place-days.
 * Reads: the segment's first and last day (`from`, `to`: days, opening days, and the month, which is
 * the month of `from`: a segment lies in its month), days a week, hours a day, and the policy's
 * contract weeks. Kept per policy (the table's owner) by (days a week, hours a day, segment number):
 * the segment number `from × 2^26 + (to − from)` is one number per segment (days are at most 2^26
 * apart in any calendar geldstroom knows), the others are the numbers themselves.
 */
interface Volume {
  readonly from: number
  readonly to: number
  readonly hours: Dec
  readonly openingDays: number
  readonly placeDays: Dec
}

const volumeOf = (weeks: Dec, from: number, to: number, daysPerWeek: number, hoursPerDay: number): Volume => {
  const openingDays = weekdaysIn({ from, to })
  return {
    from,
    to,
    hours: monthlyHours(new Dec(daysPerWeek).times(hoursPerDay), weeks, to - from + 1, fromDayNumber(from).slice(0, 7)),
    openingDays,
    placeDays: placeDaysOf(daysPerWeek, openingDays)
  }
}

/**
 * What a piece's measure derives from its price and cost price: the rates. Reads the hourly price
 * text, the care type, the first day of the segment (the maximum uurprijs in force), where the cost
 * price comes from (`costPriceSource`: a policy's or a group's cost price, by identity, as they are
 * never changed, or the price itself), and the policy and parameter set (the table's owners: regular
 * rate; the maximum uurprijs). Kept by exactly those keys: none of them is the group's, so the groups
 * of a design share their rates.
 */
interface Rates extends Pick<PieceMeasure, "price" | "maxUurprijs" | "regularRate" | "costRate" | "costPrice" | "costPriceFallback"> {
  /** costRate − regularRate: what an hour adds to the plus layer. */
  readonly margin: Dec
}

/** The rates (see `Rates`) under a policy and parameter set; a missing maximum uurprijs is left undefined here (the caller records it). */
const ratesOf = (policy: Policy, params: ParameterSet, source: Sourced<Dec> | PriceAsCost, hourlyPrice: string, careType: string, day: number): Rates => {
  const price = decimalOf(hourlyPrice)
  const found = decimalOn(params, maximumUurprijsPath(careType), day)
  const maxU = found._tag === "Success" ? found.success : undefined
  const regularRate = policy.regularRate === "maximum-uurprijs" && maxU !== undefined ? min(price, maxU.value) : price
  const costPrice = costPriceOf(source, price)
  const costRate = max(costPrice.value, price)
  return {
    price,
    maxUurprijs: maxU,
    regularRate,
    costRate,
    costPrice,
    costPriceFallback: costPrice.value === price && costPrice.assumption,
    margin: minus(costRate, regularRate)
  }
}

/**
 * A piece's measure without the piece: kept per (rates, volume), the kept objects above (by identity).
 * Its identity keys the results the rules derive from these values and a few more inputs, each in the
 * rule's own bounded table (./kot.ts `kotParts`, ./childMonth.ts `pieceCosts`); nothing is kept with
 * the values themselves, so the values a table lets go take nothing more with them.
 */
export type PieceValues = Omit<PieceMeasure, "piece" | "values" | "group">

const valuesOf = (r: Rates, v: Volume): PieceValues => ({
  from: v.from,
  to: v.to,
  hours: v.hours,
  price: r.price,
  maxUurprijs: r.maxUurprijs,
  regularRate: r.regularRate,
  costRate: r.costRate,
  costPrice: r.costPrice,
  costPriceFallback: r.costPriceFallback,
  regular: times(v.hours, r.regularRate),
  plus: times(v.hours, r.margin),
  placeDays: v.placeDays,
  openingDays: v.openingDays
})

/** Segment numbers: `from × 2^26 + (to − from)`, one number per segment (days are at most 2^26 apart in any calendar geldstroom knows). */
const SEGMENT = 67_108_864

/**
 * Bounds of the tables below (emptied past them), per owner pair (at most two pairs are kept,
 * ../keptTable.ts): a volume is about 0.45 KB with its maps, a value about 0.55 KB, rates about
 * 0.15 KB, so at most about 6.5 MB for one pair. A national replay's first 200,000 children ask for
 * some 3,600 volumes, 730 rates and 6,100 values: these bounds hold them all.
 */
const VOLUMES_KEPT = 4_096
const RATES_KEPT = 2_048
const VALUES_KEPT = 8_192

/**
 * The tables of a piece's measure under one policy and parameter set (their owners, never changed once
 * built; ../keptTable.ts `KeptPerOwners`):
 * - volumes by (days a week, hours a day, segment number): `volumeOf` reads those and the policy's
 *   contract weeks (the owner's), see `Volume`;
 * - rates by (cost price source, hourly price text, care type, first day of the segment): `ratesOf`
 *   reads those and the policy's regular rate and the parameter set (the owners'), see `Rates`;
 * - values by (rates, volume): `valuesOf` reads those two kept objects only (by identity).
 */
interface PieceTables {
  readonly volumes: KeptTriples<number, number, number, Volume>
  readonly volumeOf: (daysPerWeek: number, hoursPerDay: number, segment: number) => Volume
  readonly rates: KeptTree<Rates>
  readonly ratesOf: (keys: ReadonlyArray<unknown>) => Rates
  readonly values: KeptPairs<Rates, Volume, PieceValues>
}

const pieceTables = new KeptPerOwners<Policy, ParameterSet, PieceTables>((policy, params) => ({
  volumes: new KeptTriples(VOLUMES_KEPT),
  volumeOf: (daysPerWeek, hoursPerDay, segment) => {
    const from = Math.floor(segment / SEGMENT)
    return volumeOf(policy.contractWeeksPerYear.value, from, from + (segment - from * SEGMENT), daysPerWeek, hoursPerDay)
  },
  rates: new KeptTree(RATES_KEPT),
  ratesOf: ([source, hourlyPrice, careType, day]) =>
    ratesOf(policy, params, source as Sourced<Dec> | PriceAsCost, hourlyPrice as string, careType as string, day as number),
  values: new KeptPairs(VALUES_KEPT)
}))

const measurePiece = (ctx: RuleContext, s: Segment, piece: PlacementPiece): PieceMeasure => {
  const tables = pieceTables.of(ctx.policy, ctx.params)
  const d = piece.data
  const volume = tables.volumes.get(d.daysPerWeek, d.hoursPerDay, s.from * SEGMENT + (s.to - s.from), tables.volumeOf)
  const group = ctx.groups.get(d.groupId)
  const source = costPriceSource(ctx, piece, group)
  const rates = tables.rates.get([source, d.hourlyPrice, d.careType, s.from], tables.ratesOf)
  // A missing maximum uurprijs is recorded where the rule meets it, every time (the run names what is missing).
  if (rates.maxUurprijs === undefined) maximumUurprijs(ctx, d.careType, s.from)
  const v = tables.values.get(rates, volume, valuesOf)
  return { ...v, piece, values: v, group }
}

const measureSegment = (ctx: RuleContext, s: Segment, month: YearMonth): SegmentMeasure => {
  const pieces = s.pieces.map((p) => measurePiece(ctx, s, p))
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

/**
 * A child's month measured. `cuts`: the policy's cuts of the child's timeline (`policyCuts`), which
 * depend on neither the month nor anything but the policy and the timeline: a caller measuring many
 * months of one child may work them out once and pass them.
 */
export const measureChildMonth = (
  ctx: RuleContext,
  timeline: ChildTimeline,
  month: YearMonth,
  cuts: ReadonlyArray<number> = policyCuts(ctx, timeline)
): ChildMonthMeasure => {
  const segments = segmentsOf(timeline, month, cuts).map((s) => measureSegment(ctx, s, month))
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
