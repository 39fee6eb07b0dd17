/**
 * Sociaal medische indicatie (SMI).
 *
 * SMI is the municipality's allowance for families WITHOUT a KOT entitlement who
 * need care for social or medical reasons (seed 002 "Financiering": "gezinnen
 * die geen recht op kinderopvangtoeslag [hebben]"; PARAMETERS.md "SMI"). So it
 * pays only on days without KOT (DOMAIN.md invariant 2), only while an SMI or
 * SMI+ indication is valid (invariant 6), for at most the hours and days the
 * indication allows and, for SMI+, at most the policy's days a week (Rotterdam:
 * 4, seed 004 §IX.4). The price it pays on, the hours cap, the number of months
 * and the parent's own contribution follow the municipality's model (A, B, C,
 * Rotterdam; PARAMETERS.md), which is data in the policy.
 */
import type { PaidSegment } from "../ledger/types"
import { dayRange, mergeEvents, mergeReads, parameterRead, type ParameterRead, sourcedRead, untraced } from "../ledger/trace"
import { Dec, min, ONE, ZERO } from "../money"
import { KOT_TABLE_PATH, maximumUurprijsPath } from "../parameters/paths"
import type { SmiPolicy } from "../policy/types"
import type { IndicationPeriod } from "../timeline/periods"
import { kotPercentageOn, missingInput, type RuleContext, tracing } from "./context"
import { type Claim, eur, hrs, pct } from "./claim"
import { KeptPairs, KeptTree } from "../keptTable"
import { minus, times } from "./kept"
import { type ChildMonthMeasure, monthlyHours, smiWindowEnd } from "./measure"

const SMI_SOURCE = "seed 002 'Financiering' (SMI); seed 004 §IX.4, §X; PARAMETERS.md 'Sociaal medische indicatie'"

/**
 * The SMI indication that grounds a day: SMI+ before plain SMI. Plain SMI pays at most the policy's
 * maximum months from its first day (Rotterdam: 9, PARAMETERS.md); SMI+ follows its indication's
 * duration (seed 004 §IX.4: "Plaatsing vindt qua duur en omvang plaats conform de afgegeven SMI+ indicatie").
 */
const smiIndication = (smi: SmiPolicy, indications: ReadonlyArray<IndicationPeriod>, day: number): IndicationPeriod | undefined => {
  const maxMonths = smi.maxMonths?.value
  const valid = indications.filter(
    (i) => (i.kind === "smi-plus" || i.kind === "smi") &&
      i.from <= day &&
      day <= i.to &&
      (i.kind === "smi-plus" || maxMonths === undefined || day <= smiWindowEnd(i.from, maxMonths))
  )
  return valid.find((i) => i.kind === "smi-plus") ?? valid[0]
}

/** The parent's own share of the SMI-indicated cost, by the policy's model. */
const ownShare = (
  ctx: RuleContext,
  smi: SmiPolicy,
  ind: IndicationPeriod,
  day: number,
  reads: Array<ParameterRead>,
  formula: Array<string>
): Dec | undefined => {
  const oc = smi.ownContribution
  if (oc.kind === "none") return ZERO
  if (oc.kind === "share") {
    if (tracing(ctx)) reads.push(sourcedRead("policy.smi.ownContribution.share", oc.share))
    return oc.share.value
  }
  const incomeText = ind.data.householdIncome
  if (incomeText === undefined) {
    return missingInput(ctx, `indication ${ind.indicationId}.householdIncome`, day, `SMI model ${smi.model} needs the household income of the indication`)
  }
  const income = new Dec(incomeText)
  switch (oc.kind) {
    case "share-above-threshold": {
      if (tracing(ctx)) reads.push(sourcedRead("policy.smi.ownContribution.threshold", oc.threshold), sourcedRead("policy.smi.ownContribution.share", oc.share))
      const above = income.greaterThan(oc.threshold.value)
      if (tracing(ctx)) formula.push(`own contribution: income ${eur(income)} ${above ? ">" : "≤"} threshold ${eur(oc.threshold.value)} → ${above ? pct(oc.share.value) : "0 %"}`)
      return above ? oc.share.value : ZERO
    }
    case "kot-table-above-threshold": {
      if (tracing(ctx)) reads.push(sourcedRead("policy.smi.ownContribution.threshold", oc.threshold))
      if (income.lessThanOrEqualTo(oc.threshold.value)) {
        if (tracing(ctx)) formula.push(`own contribution: income ${eur(income)} ≤ threshold ${eur(oc.threshold.value)} → full reimbursement`)
        return ZERO
      }
      const p = kotPercentageOn(ctx, day, income, "first")
      if (p === undefined) return undefined
      if (tracing(ctx)) reads.push(parameterRead(KOT_TABLE_PATH, p.table, `${p.percentage} % (first-child column, income band ${p.band})`))
      if (tracing(ctx)) formula.push(`own contribution: income above threshold → SMI pays the KOT table's ${p.percentage} %, parent ${pct(ONE.minus(p.fraction))}`)
      return ONE.minus(p.fraction)
    }
    case "income-table": {
      const row = oc.rows.find((r) => r.upTo === null || income.lessThanOrEqualTo(r.upTo))
      if (row === undefined) return missingInput(ctx, "policy.smi.ownContribution.rows", day, `no row for income ${income.toFixed(2)}`)
      if (tracing(ctx)) {
        reads.push(sourcedRead("policy.smi.ownContribution.rows", { value: `${pct(row.share)} up to ${row.upTo?.toFixed(0) ?? "any income"}`, source: oc.source, assumption: oc.assumption }))
        formula.push(`own contribution: income ${eur(income)} → ${pct(row.share)}`)
      }
      return row.share
    }
  }
}

const keptCaps = new KeptTree<Dec>()
/** hours × d ÷ d for a child paid on all its days, kept per hours and d (not always hours itself: the product rounds). */
const keptAllDays = new KeptPairs<Dec, number, Dec>()
const allDays = (hours: Dec, days: number): Dec => hours.times(days).dividedBy(days)

/**
 * Whether a segment of the month has no KOT entitlement and an SMI or SMI+ indication: only there can
 * SMI pay (invariant 2: SMI is for families without KOT; `smiIndication` finds none elsewhere); else
 * no claim, and nothing is made for one.
 */
const smiPossibleIn = (m: ChildMonthMeasure): boolean => {
  for (const s of m.segments) {
    if (s.segment.kot !== undefined) continue
    for (const i of s.segment.indications) if (i.kind === "smi" || i.kind === "smi-plus") return true
  }
  return false
}

export const smiClaim = (ctx: RuleContext, m: ChildMonthMeasure, stream: string): Claim | undefined => {
  const smi = ctx.policy.smi
  if (smi === undefined || !smiPossibleIn(m)) return undefined
  const weeks = ctx.policy.contractWeeksPerYear.value
  const traced = tracing(ctx)
  let monthCapLeft = smi.maxHoursPerMonth?.value
  let amount = ZERO
  const segments: Array<PaidSegment> = []
  const formula: Array<string> = []
  const reads: Array<ParameterRead> = []
  const events: Array<string> = []
  if (traced && smi.maxHoursPerMonth) reads.push(sourcedRead("policy.smi.maxHoursPerMonth", smi.maxHoursPerMonth))
  if (traced && smi.maxMonths) reads.push(sourcedRead("policy.smi.maxMonths", smi.maxMonths))
  for (const s of m.segments) {
    // Invariant 2: SMI exists for families without KOT entitlement.
    if (s.segment.kot !== undefined) continue
    const ind = smiIndication(smi, s.segment.indications, s.segment.from)
    if (ind === undefined) continue
    const share = ownShare(ctx, smi, ind, s.segment.from, reads, formula)
    if (share === undefined) continue
    const days = s.segment.to - s.segment.from + 1
    const maxWeekly = ind.data.maxHoursPerWeek
    let weekCapLeft =
      maxWeekly === undefined ? undefined : keptCaps.get([m.month, weeks, maxWeekly, days], () => monthlyHours(new Dec(maxWeekly), weeks, days, m.month))
    for (const p of s.pieces) {
      const dpw = p.piece.data.daysPerWeek
      let maxDays = ind.data.maxDaysPerWeek ?? dpw
      if (ind.kind === "smi-plus" && smi.smiPlusMaxDaysPerWeek) {
        if (traced) reads.push(sourcedRead("policy.smi.smiPlusMaxDaysPerWeek", smi.smiPlusMaxDaysPerWeek))
        maxDays = Math.min(maxDays, smi.smiPlusMaxDaysPerWeek.value)
      }
      const paidDays = Math.min(dpw, maxDays)
      let hours = paidDays === dpw ? keptAllDays.get(p.hours, dpw, allDays) : p.hours.times(paidDays).dividedBy(dpw)
      const notes: Array<string> = []
      if (traced && maxDays < dpw) notes.push(`${paidDays} of ${dpw} days a week`)
      if (weekCapLeft !== undefined) {
        if (traced && hours.greaterThan(weekCapLeft)) notes.push(`capped at the indication's ${ind.data.maxHoursPerWeek} h a week`)
        hours = min(hours, weekCapLeft)
        weekCapLeft = minus(weekCapLeft, hours)
      }
      if (monthCapLeft !== undefined) {
        if (traced && hours.greaterThan(monthCapLeft)) notes.push(`capped at ${smi.maxHoursPerMonth!.value} h a month`)
        hours = min(hours, monthCapLeft)
        monthCapLeft = monthCapLeft.minus(hours)
      }
      let rate = p.price
      if (smi.priceCap === "maximum-uurprijs") {
        if (p.maxUurprijs === undefined) continue
        if (traced) reads.push(parameterRead(maximumUurprijsPath(p.piece.data.careType), p.maxUurprijs))
        rate = min(p.price, p.maxUurprijs.value)
      }
      const paid = times(times(hours, rate), minus(ONE, share))
      amount = amount === ZERO ? paid : amount.plus(paid)
      segments.push({ from: s.segment.from, to: s.segment.to, hours, rate, groundedBy: { kind: `indication:${ind.kind}`, from: ind.from, to: ind.to, id: ind.indicationId } })
      if (!traced) continue
      events.push(...ind.events, ...p.piece.events)
      formula.push(
        `${dayRange(s.segment.from, s.segment.to)} ${p.piece.data.groupId} (${ind.kind} ${ind.indicationId}): ${hrs(hours)}${notes.length ? ` (${notes.join("; ")})` : ""} × ${eur(rate)}${share.isZero() ? "" : ` × (1 − ${pct(share)} own contribution)`} = ${eur(paid)}`
      )
    }
  }
  if (segments.length === 0) return undefined
  return {
    stream,
    layer: "regular",
    amount,
    segments,
    trace: !traced ? untraced("smi") : {
      rule: "smi",
      description: `SMI (model ${smi.model}) on days without KOT entitlement with a valid SMI/SMI+ indication, within the indication's hours and days.`,
      source: `${SMI_SOURCE}; model: ${smi.source}`,
      formula,
      parameters: mergeReads(reads),
      events: mergeEvents(events)
    }
  }
}
