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
import { monthInterval } from "../calendar"
import type { PaidSegment } from "../ledger/types"
import { dayRange, mergeEvents, mergeReads, parameterRead, type ParameterRead, untraced } from "../ledger/trace"
import { min, ZERO } from "../money"
import { KOT_HOURS_PATH, KOT_TABLE_PATH, maximumUurprijsPath } from "../parameters/paths"
import { kotPercentageOn, maximumKotHours, type RuleContext, tracing } from "./context"
import { type Claim, eur, hrs } from "./claim"
import { decimalOf, minus, times } from "./kept"
import type { ChildMonthMeasure } from "./measure"

export const KOT_SOURCE = "Besluit kinderopvangtoeslag art. 4, 6, 8a lid 1 b (Staatsblad 2022, 386); PARAMETERS.md"

export const kotClaim = (ctx: RuleContext, m: ChildMonthMeasure, stream: string): Claim | undefined => {
  const entitled = m.segments.filter((s) => s.segment.kot !== undefined)
  if (entitled.length === 0) return undefined
  const cap = maximumKotHours(ctx, monthInterval(m.month).from)
  if (cap === undefined) return undefined
  const traced = tracing(ctx)
  let capLeft = cap.value
  let amount = ZERO
  const segments: Array<PaidSegment> = []
  const formula: Array<string> = []
  const reads: Array<ParameterRead> = traced ? [parameterRead(KOT_HOURS_PATH, cap)] : []
  const events: Array<string> = []
  for (const s of entitled) {
    const kot = s.segment.kot!
    const income = decimalOf(kot.data.householdIncome)
    const percentage = kotPercentageOn(ctx, s.segment.from, income, kot.data.childRank)
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
      const hours = min(p.hours, capLeft)
      capLeft = minus(capLeft, hours)
      const rate = min(p.price, p.maxUurprijs.value)
      const paid = times(times(percentage.fraction, hours), rate)
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
