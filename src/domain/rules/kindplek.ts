/**
 * The municipal kindplek subsidy (seed 004 §X): a yearly subsidy "per toegekende
 * kindplek" at a cost price per kindplek. It is a group-level amount:
 *
 *   subsidy(month) = Σ awards of the year: places × price per place × days in month / days in year
 *
 * allocated to the children of the group by occupied place-days (one place on
 * one opening day; a child placed d days a week occupies d/5 of a place):
 *
 *   child's share = subsidy(month) × child's place-days / max(capacity place-days, occupied place-days)
 *   vacancy       = subsidy(month) × empty place-days / capacity place-days
 *
 * The vacancy share pays for empty subsidised places and stays a separate
 * group-level line, never hidden inside children. Occupancy is reported per
 * group, location and total, flagged below the policy's floor (Rotterdam 80 %,
 * §X) and below its average headcount (Rotterdam: 5 children a week, §III).
 */
import { type DayInterval, daysInMonth, daysInYear, monthInterval, weekdaysIn, type YearMonth, yearOf } from "../calendar"
import type { PaidSegment } from "../ledger/types"
import { dayRange, mergeEvents, untraced, UNTRACED_TEXTS } from "../ledger/trace"
import { Dec, exactPlus, max, ZERO } from "../money"
import { type RuleContext, tracing } from "./context"
import { type Claim, eur } from "./claim"
import { awardsInYear, type GroupInfo } from "./groups"
import { Kept, KeptPairs, KeptTree, KeptTriples } from "../keptTable"
import type { ChildMonthMeasure } from "./measure"

export const KINDPLEK_SOURCE = "seed 004 §X (subsidie per toegekende kindplek; bezettingspercentage 80 %), §III (gemiddeld minder dan vijf kinderen), §XI"

export interface GroupAllocation {
  readonly group: GroupInfo
  readonly month: YearMonth
  readonly places: number
  readonly basis: "awarded-places" | "capacity"
  readonly subsidy: Dec
  readonly openingDays: number
  readonly capacityPlaceDays: Dec
  readonly occupiedPlaceDays: Dec
  /** Sum over children of opening days placed: for the average headcount. */
  readonly childOpeningDays: number
  readonly denominator: Dec
  readonly awardEvents: ReadonlyArray<string>
  readonly formula: ReadonlyArray<string>
}

export const groupMonthKey = (groupId: string, month: YearMonth) => `${groupId}|${month}`

/** Where the rules find a group-month's allocation: a Map, or one that works them out when asked. */
export interface AllocationLookup {
  readonly get: (groupMonthKey: string) => GroupAllocation | undefined
  /** The same as `get(groupMonthKey(groupId, month))`, where a lookup can find it without building the key's text. */
  readonly at?: (groupId: string, month: YearMonth) => GroupAllocation | undefined
}

/** A group-month's allocation from a lookup (by its two keys where the lookup can). */
export const allocationOf = (allocations: AllocationLookup, groupId: string, month: YearMonth): GroupAllocation | undefined =>
  allocations.at !== undefined ? allocations.at(groupId, month) : allocations.get(groupMonthKey(groupId, month))

/** What a group-month's occupancy needs to know: occupied place-days and child opening days. */
export interface Occupied {
  readonly placeDays: { readonly get: (groupMonthKey: string) => Dec | undefined }
  readonly openingDays: { readonly get: (groupMonthKey: string) => number | undefined }
}

/** Occupied place-days and headcount per group-month, summed (exactly) over all children's measures. */
export class OccupancyTally implements Occupied {
  readonly placeDays = new Map<string, Dec>()
  readonly openingDays = new Map<string, number>()
  add(m: ChildMonthMeasure): void {
    for (const s of m.segments)
      for (const p of s.pieces) {
        const key = groupMonthKey(p.piece.data.groupId, m.month)
        this.placeDays.set(key, exactPlus(this.placeDays.get(key) ?? ZERO, p.placeDays))
        this.openingDays.set(key, (this.openingDays.get(key) ?? 0) + p.openingDays)
      }
  }
}

/** Opening days of a month, capacity place-days and monthly subsidy parts: the same few recur. */
const keptWeekdays = new Kept<string, number>()
const keptCapacity = new KeptPairs<number, number, Dec>()
const placeDaysOf = (places: number, openingDays: number): Dec => new Dec(places).times(openingDays)
const keptSubsidy = new KeptTree<Dec>()

/**
 * A group's month: its subsidy (only when the policy has a kindplek payer: awards under a policy
 * without one pay nothing) and its occupancy. `traced: false` leaves the formula out.
 */
export const allocateGroupMonth = (
  group: GroupInfo,
  month: YearMonth,
  tally: Occupied,
  subsidised: boolean,
  traced = true
): GroupAllocation => {
  const key = groupMonthKey(group.groupId, month)
  const year = yearOf(month)
  const awards = subsidised ? awardsInYear(group, year) : []
  const places = awards.length > 0 ? awards.reduce((n, a) => n + a.places, 0) : group.capacity
  const openingDays = keptWeekdays.get(month, () => weekdaysIn(monthInterval(month)))
  const capacityPlaceDays = keptCapacity.get(places, openingDays, placeDaysOf)
  const occupiedPlaceDays = tally.placeDays.get(key) ?? ZERO
  const formula: Array<string> = []
  let subsidy = ZERO
  for (const a of awards) {
    const part = keptSubsidy.get([month, a.pricePerPlace, a.places], () =>
      a.pricePerPlace.times(a.places).times(daysInMonth(month)).dividedBy(daysInYear(year))
    )
    // One award: its part is the subsidy (0 + x is x); kept, so shares of it are kept too.
    subsidy = awards.length === 1 ? part : subsidy.plus(part)
    if (traced) formula.push(`award ${a.awardId}: ${a.places} places × ${eur(a.pricePerPlace)} × ${daysInMonth(month)}/${daysInYear(year)} days = ${eur(part)}`)
  }
  const denominator = max(capacityPlaceDays, occupiedPlaceDays)
  if (traced) formula.push(`place-days: ${occupiedPlaceDays.toDecimalPlaces(2)} occupied of ${places} places × ${openingDays} opening days = ${capacityPlaceDays}`)
  return {
    group,
    month,
    places,
    basis: awards.length > 0 ? "awarded-places" : "capacity",
    subsidy,
    openingDays,
    capacityPlaceDays,
    occupiedPlaceDays,
    childOpeningDays: tally.openingDays.get(key) ?? 0,
    denominator,
    awardEvents: awards.map((a) => a.eventId),
    formula
  }
}

export const vacancyOf = (a: GroupAllocation): Dec =>
  a.denominator.isZero() ? a.subsidy : a.subsidy.times(max(ZERO, a.capacityPlaceDays.minus(a.occupiedPlaceDays))).dividedBy(a.denominator)

export interface KindplekClaim extends Claim {
  /** The claim per group, to work out each group's surplus after the plus layer caps it. */
  readonly byGroup: ReadonlyMap<string, Dec>
}

const awardYears = new Kept<YearMonth, DayInterval>()
const yearInterval = (month: YearMonth): DayInterval => {
  const year = yearOf(month)
  return { from: monthInterval(`${year}-01`).from, to: monthInterval(`${year}-12`).to }
}

/** The days of a month's year, the award year that grounds its kindplek payment; kept per month (asked for every child-month). */
export const awardYearOf = (month: YearMonth): DayInterval => awardYears.get(month, yearInterval)

/**
 * A child's share of its group-month's subsidy for a piece's place-days: subsidy × place-days ÷
 * denominator. `shareOf` reads the subsidy, the place-days and the denominator and nothing else: kept
 * by exactly those three (kept decimals, never changed: by identity, so groups with the same subsidy
 * and denominator share their shares), the fewest-valued first (place-days: a few per month), so the
 * maps of maps stay few. Bounded: `SHARES_KEPT` shares (about 0.65 KB each with their maps, so at
 * most about 2.7 MB; emptied past it): more than a national replay's first 200,000 children ask.
 */
const SHARES_KEPT = 4_096
const shares = new KeptTriples<Dec, Dec, Dec, Dec>(SHARES_KEPT)
const shareOf = (placeDays: Dec, denominator: Dec, subsidy: Dec): Dec => subsidy.times(placeDays).dividedBy(denominator)

/** subsidy × place-days ÷ denominator, kept (see `shares`). */
export const kindplekShare = (subsidy: Dec, placeDays: Dec, denominator: Dec): Dec => shares.get(placeDays, denominator, subsidy, shareOf)

/**
 * What grounds a kindplek payment in a month: its award year (`awardYearOf`), one object per month,
 * shared (never changed). `awardGround` reads the month only: kept by it (a few hundred at most).
 */
const awardGrounds = new Kept<YearMonth, NonNullable<PaidSegment["groundedBy"]>>(1_024)
const awardGround = (month: YearMonth): NonNullable<PaidSegment["groundedBy"]> => {
  const { from, to } = awardYearOf(month)
  return { kind: "kindplek-award", from, to }
}
const awardGroundOf = (month: YearMonth) => awardGrounds.get(month, awardGround)

export const kindplekClaim = (
  ctx: RuleContext,
  m: ChildMonthMeasure,
  stream: string,
  allocations: AllocationLookup
): KindplekClaim | undefined => {
  const traced = tracing(ctx)
  let amount = ZERO
  const byGroup = new Map<string, Dec>()
  const segments: Array<PaidSegment> = []
  // Untraced, nothing is written to these (one shared empty list).
  const formula: Array<string> = traced ? [] : UNTRACED_TEXTS
  const events: Array<string> = traced ? [] : UNTRACED_TEXTS
  // The award year grounds the payment (invariant 6).
  const groundedBy = awardGroundOf(m.month)
  for (const s of m.segments)
    for (const p of s.pieces) {
      const a = allocationOf(allocations, p.piece.data.groupId, m.month)
      if (a === undefined || a.subsidy.isZero() || a.denominator.isZero()) continue
      const share = kindplekShare(a.subsidy, p.placeDays, a.denominator)
      amount = amount === ZERO ? share : amount.plus(share)
      const before = byGroup.get(a.group.groupId)
      byGroup.set(a.group.groupId, before === undefined ? share : before.plus(share))
      segments.push({ from: s.segment.from, to: s.segment.to, groundedBy })
      if (!traced) continue
      events.push(...a.awardEvents, ...p.piece.events)
      formula.push(
        `${dayRange(s.segment.from, s.segment.to)} ${a.group.groupId}: subsidy ${eur(a.subsidy)} × ${p.placeDays.toDecimalPlaces(2)} place-days / ${a.denominator.toDecimalPlaces(2)} = ${eur(share)}`
      )
    }
  if (segments.length === 0) return undefined
  return {
    stream,
    layer: "plus",
    amount,
    byGroup,
    segments,
    trace: !traced ? untraced("kindplek") : {
      rule: "kindplek",
      description: "The group's kindplek subsidy for the month, allocated to its children by occupied place-days.",
      source: KINDPLEK_SOURCE,
      formula,
      parameters: [],
      events: mergeEvents(events)
    }
  }
}
