/**
 * Kinderopvangtoeslag (KOT).
 *
 * KOT per month = percentage × min(hours, 230) × min(hourly price, maximum uurprijs)
 * (Besluit kinderopvangtoeslag art. 4, 6 and 8a lid 1 b; Staatsblad 2022, 386;
 * PARAMETERS.md "Kinderopvangtoeslag"). The percentage comes from the year's
 * table by household income and child rank (the first child is the one with the
 * most hours). Only on days with an entitlement; the 230-hour cap is per child
 * per month, used up in day order. Costs above the maximum uurprijs and hours
 * above the cap are the parent's.
 */
import { Result } from "effect"
import { monthInterval, type YearMonth } from "../calendar"
import type { PaidSegment } from "../ledger/types"
import { dayRange, mergeEvents, mergeReads, parameterRead, type ParameterRead, untraced, UNTRACED_READS, UNTRACED_TEXTS } from "../ledger/trace"
import { type Dec, min, ZERO } from "../money"
import { KOT_HOURS_PATH, KOT_TABLE_PATH, maximumUurprijsPath } from "../parameters/paths"
import { kotPercentageOn, maximumKotHours, type RuleContext, tracing } from "./context"
import { type Claim, eur, hrs } from "./claim"
import { Kept, KeptPerOwner, KeptTriples } from "../keptTable"
import { decimalOn } from "../parameters/lookup"
import type { DatedValue, ParameterSet } from "../parameters/types"
import { decimalOf } from "./kept"
import type { ChildMonthMeasure, PieceValues } from "./measure"

/**
 * What KOT pays for one piece: the hours within what is left of the month's cap, the rate up to the
 * maximum uurprijs, the amount, and the cap left after it.
 */
export interface KotPart {
  readonly hours: Dec
  readonly rate: Dec
  readonly paid: Dec
  readonly capLeft: Dec
}

/**
 * KOT parts, by (cap left, fraction, piece values). `kotPartOf` reads the cap left before the piece,
 * the percentage's fraction, and of the piece only its kept values' hours, price and maximum uurprijs
 * (./measure.ts `PieceValues`: made once, never changed, so their identity stands for those three):
 * the key covers all it reads. Keys by identity (decimals and values are only ever shared, never
 * changed). The fewest-valued key first (a month's cap; the percentages), so the maps of maps stay
 * few. Bounded: `KOT_PARTS_KEPT` parts (0.6-0.85 KB each with their maps, so at most about 3.5 MB;
 * emptied past it). A national replay asks for tens of thousands of distinct parts, more than is
 * worth holding: a part not found is three decimal operations.
 */
const KOT_PARTS_KEPT = 4_096
const kotParts = new KeptTriples<Dec, Dec, PieceValues, KotPart>(KOT_PARTS_KEPT)

const kotPartOf = (capLeft: Dec, fraction: Dec, p: PieceValues): KotPart => {
  const hours = min(p.hours, capLeft)
  const rate = min(p.price, p.maxUurprijs!.value)
  return { hours, rate, paid: fraction.times(hours).times(rate), capLeft: capLeft.minus(hours) }
}

/** KOT for one piece (see `KotPart`), kept (see `kotParts`). */
export const kotPart = (fraction: Dec, p: PieceValues, capLeft: Dec): KotPart => kotParts.get(capLeft, fraction, p, kotPartOf)

/**
 * The month's hours cap, per parameter set (the owner: a set is never changed once built; kept for at
 * most two sets, ../keptTable.ts `KeptPerOwner`) by month (a few hundred at most): `capOf` reads the
 * set and the month's first day, so the owner and the month cover it. What `maximumKotHours` answers, kept; null where the value
 * is missing: the rule then asks again, so it is recorded in the run's own collector every time, as
 * the plain rule records it.
 */
interface KeptCaps {
  readonly caps: Kept<YearMonth, DatedValue<Dec> | null>
  readonly capOf: (month: YearMonth) => DatedValue<Dec> | null
}

const keptKot = new KeptPerOwner<ParameterSet, KeptCaps>((params) => ({
  caps: new Kept(1_024),
  capOf: (month) => Result.getOrNull(decimalOn(params, KOT_HOURS_PATH, monthInterval(month).from))
}))

export const KOT_SOURCE = "Besluit kinderopvangtoeslag art. 4, 6, 8a lid 1 b (Staatsblad 2022, 386); PARAMETERS.md"

/** Whether a segment of the month has a KOT entitlement. */
const entitledIn = (m: ChildMonthMeasure): boolean => {
  for (const s of m.segments) if (s.segment.kot !== undefined) return true
  return false
}


export const kotClaim = (ctx: RuleContext, m: ChildMonthMeasure, stream: string): Claim | undefined => {
  if (!entitledIn(m)) return undefined
  const kept = keptKot.of(ctx.params)
  const cap = kept.caps.get(m.month, kept.capOf) ?? maximumKotHours(ctx, monthInterval(m.month).from)
  if (cap === undefined) return undefined
  const traced = tracing(ctx)
  let capLeft = cap.value
  let amount = ZERO
  const segments: Array<PaidSegment> = []
  // Untraced, nothing is written to these (one shared empty list each).
  const formula: Array<string> = traced ? [] : UNTRACED_TEXTS
  const reads: Array<ParameterRead> = traced ? [parameterRead(KOT_HOURS_PATH, cap)] : UNTRACED_READS
  const events: Array<string> = traced ? [] : UNTRACED_TEXTS
  for (const s of m.segments) {
    const kot = s.segment.kot
    if (kot === undefined) continue
    const percentage = kotPercentageOn(ctx, s.segment.from, decimalOf(kot.data.householdIncome), kot.data.childRank)
    if (percentage === undefined) continue
    if (traced) reads.push(
      parameterRead(
        KOT_TABLE_PATH,
        percentage.table,
        `${percentage.percentage} % (${kot.data.childRank === "first" ? "first child" : "further child"}, income band ${percentage.band})`
      )
    )
    if (traced) events.push(...kot.events)
    for (const p of s.pieces) {
      if (p.maxUurprijs === undefined) continue
      if (traced) reads.push(parameterRead(maximumUurprijsPath(p.piece.data.careType), p.maxUurprijs))
      const part = kotPart(percentage.fraction, p.values, capLeft)
      const { hours, rate, paid } = part
      capLeft = part.capLeft
      amount = amount === ZERO ? paid : amount.plus(paid)
      segments.push({
        from: s.segment.from,
        to: s.segment.to,
        hours,
        rate,
        careType: p.piece.data.careType,
        groundedBy: { kind: "kot-entitlement", from: kot.from, to: kot.to }
      })
      if (!traced) continue
      events.push(...p.piece.events)
      const capped = hours.lessThan(p.hours) ? ` (${hrs(p.hours)} of care, capped at ${cap.value} h a month)` : ""
      formula.push(
        `${dayRange(s.segment.from, s.segment.to)} ${p.piece.data.groupId}: ${percentage.percentage} % × ${hrs(hours)}${capped} × min(${eur(p.price)}, max ${eur(p.maxUurprijs.value)}) = ${eur(paid)}`
      )
    }
  }
  if (segments.length === 0) return undefined
  return {
    stream,
    layer: "regular",
    amount,
    segments,
    trace: !traced ? untraced("kot") : {
      rule: "kot",
      description: `Kinderopvangtoeslag on the hours with an entitlement in ${m.month}, at most ${cap.value} h a month, on the price up to the maximum uurprijs.`,
      source: KOT_SOURCE,
      formula,
      parameters: mergeReads(reads),
      events: mergeEvents(events)
    }
  }
}
