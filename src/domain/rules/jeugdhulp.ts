/**
 * Jeugdwet money for the jeugdhulp expertise in KOplus (seed 004 §VII, §X):
 *
 * - overbrugging: for a child WITH a jeugdhulp indication/arrangement, paid from
 *   the overbruggingsgeld the jeugdhulp provider receives "zodra zij op de
 *   wachtlijst staan", so only on days the child is on the jeugdhulp waiting list;
 * - bouwsteen: advised by the intake committee for a child WITHOUT a jeugdhulp
 *   indication ("expliciet niet bedoeld ... bij kinderen die in het bezit zijn van
 *   een arrangement/indicatie Jeugdhulp"); from the Jeugdhulp budget since 2024-01-01.
 *
 * Both pay only the jeugdhulp layer, never the regular layer: opvang is not
 * jeugdhulp (seed 002 "Jeugdwet"; Wko art. 1.1 lid 2; DOMAIN.md invariants 3, 4).
 * The expertise hours and rate are not public: scenario inputs (PARAMETERS.md).
 */
import type { PaidSegment } from "../ledger/types"
import { dayRange, mergeEvents, mergeReads, type ParameterRead, sourcedRead, untraced } from "../ledger/trace"
import { type Dec, min, ZERO } from "../money"
import { payerFieldPath } from "../policy/paths"
import type { Sourced } from "../policy/types"
import { type RuleContext, tracing } from "./context"
import { type Claim, eur, hrs } from "./claim"
import type { ChildMonthMeasure, ExpertiseGround } from "./measure"

const SOURCES: Record<ExpertiseGround, string> = {
  overbrugging: "seed 004 §VII (overbruggingsgeld while on the jeugdhulp waiting list), §X",
  bouwsteen: "seed 004 §VII (bouwsteen Jeugdhulp, no jeugdhulp indication; Jeugdhulp budget from 2024-01-01), §X"
}

const DESCRIPTIONS: Record<ExpertiseGround, string> = {
  overbrugging: "Overbruggingsgeld pays the jeugdhulp expertise for a child with a jeugdhulp indication while it is on the waiting list.",
  bouwsteen: "The bouwsteen Jeugdhulp pays the jeugdhulp expertise for a child advised it by the intake committee and without a jeugdhulp indication."
}

/** Whether a segment of the month has expertise on this ground to pay (else no claim, and nothing made for one). */
const paysIn = (m: ChildMonthMeasure, ground: ExpertiseGround): boolean => {
  for (const s of m.segments) if (s.expertise === ground && !s.jeugdhulp.isZero()) return true
  return false
}

export const jeugdhulpClaim = (
  ctx: RuleContext,
  m: ChildMonthMeasure,
  ground: ExpertiseGround,
  stream: string,
  maxPerMonth: Sourced<Dec> | undefined
): Claim | undefined => {
  const expertise = ctx.policy.jeugdhulpExpertise
  if (expertise === undefined || !paysIn(m, ground)) return undefined
  const traced = tracing(ctx)
  let amount = ZERO
  const segments: Array<PaidSegment> = []
  const formula: Array<string> = []
  const events: Array<string> = []
  for (const s of m.segments) {
    if (s.expertise !== ground || s.jeugdhulp.isZero()) continue
    amount = amount === ZERO ? s.jeugdhulp : amount.plus(s.jeugdhulp)
    // The indication that grounds the segment's expertise (./measure.ts `expertiseGround` found it).
    const g = s.segment.indications.find((i) => i.kind === (ground === "overbrugging" ? "jeugdhulp" : "bouwsteen-advice"))!
    if (traced) events.push(...g.events, ...(s.segment.waitingJeugdhulp?.events ?? []))
    const waiting = s.segment.waitingJeugdhulp
    segments.push({
      from: s.segment.from,
      to: s.segment.to,
      hours: s.jeugdhulpHours,
      rate: expertise.hourlyRate.value,
      groundedBy:
        ground === "overbrugging" && waiting
          ? { kind: "jeugdhulp-waiting", from: Math.max(waiting.from, g.from), to: Math.min(waiting.to, g.to) }
          : { kind: `indication:${g.kind}`, from: g.from, to: g.to }
    })
    if (traced) formula.push(`${dayRange(s.segment.from, s.segment.to)}: ${hrs(s.jeugdhulpHours)} expertise × ${eur(expertise.hourlyRate.value)} = ${eur(s.jeugdhulp)}`)
  }
  if (segments.length === 0) return undefined
  const reads: Array<ParameterRead> = traced
    ? [
        sourcedRead("policy.jeugdhulpExpertise.hoursPerWeek", expertise.hoursPerWeek),
        sourcedRead("policy.jeugdhulpExpertise.hourlyRate", expertise.hourlyRate)
      ]
    : []
  if (maxPerMonth !== undefined) {
    if (traced) reads.push(sourcedRead(`policy.${payerFieldPath("jeugdhulp", stream, "maxPerMonth")}`, maxPerMonth))
    if (traced && amount.greaterThan(maxPerMonth.value)) formula.push(`capped at ${eur(maxPerMonth.value)} a month`)
    amount = min(amount, maxPerMonth.value)
  }
  return {
    stream,
    layer: "jeugdhulp",
    amount,
    segments,
    trace: !traced ? untraced(ground) : { rule: ground, description: DESCRIPTIONS[ground], source: SOURCES[ground], formula, parameters: mergeReads(reads), events: mergeEvents(events) }
  }
}
