/**
 * A direct payment of a share of a layer, on a condition: the municipality
 * paying "de kosten boven het reguliere tarief rechtstreeks aan de
 * kinderopvangorganisatie", with or without an indication; OAB money for the
 * extra support; a care partner's share; a PGB (seed 000 §3.3; seed 002
 * "Financiering"). The stream, share and condition are policy data.
 */
import type { PaidSegment } from "../ledger/types"
import { dayRange, mergeEvents, sourcedRead, untraced } from "../ledger/trace"
import { type Dec, ZERO } from "../money"
import { payerFieldPath } from "../policy/paths"
import type { Layer, PayerCondition, Sourced } from "../policy/types"
import { type RuleContext, tracing } from "./context"
import { type Claim, eur, pct } from "./claim"
import type { ChildMonthMeasure, SegmentMeasure } from "./measure"

/**
 * Seed 000 §3.3 "Financieringsmogelijkheden": the municipality pays the costs above the regular rate
 * directly to the provider, with or without an indication; OAB money pays the extra support; a care
 * partner co-finances a care worker; a PGB pays the extra support. The share is the policy's.
 */
export const DIRECT_SOURCE = "seed 000 §3.3 (a funder pays part of the costs directly to the provider)"

const layerIn = (s: SegmentMeasure, layer: Layer): Dec => {
  if (layer === "jeugdhulp") return s.jeugdhulp
  let total = ZERO
  for (const p of s.pieces) total = total.plus(layer === "regular" ? p.regular : p.plus)
  return total
}

const meets = (s: SegmentMeasure, c: PayerCondition) =>
  c.kind === "always" ? undefined : s.segment.indications.find((i) => c.kinds.includes(i.kind))

export const directClaim = (
  ctx: RuleContext,
  m: ChildMonthMeasure,
  layer: Layer,
  stream: string,
  share: Sourced<Dec>,
  condition: PayerCondition
): Claim | undefined => {
  const traced = tracing(ctx)
  let amount = ZERO
  const segments: Array<PaidSegment> = []
  const formula: Array<string> = []
  const events: Array<string> = []
  for (const s of m.segments) {
    const base = layerIn(s, layer)
    if (base.isZero()) continue
    const grounding = meets(s, condition)
    if (condition.kind === "indication" && grounding === undefined) continue
    const paid = base.times(share.value)
    amount = amount.plus(paid)
    if (traced) events.push(...s.pieces.flatMap((p) => p.piece.events), ...(grounding?.events ?? []))
    segments.push({
      from: s.segment.from,
      to: s.segment.to,
      ...(grounding ? { groundedBy: { kind: `indication:${grounding.kind}`, from: grounding.from, to: grounding.to } } : {})
    })
    if (traced) formula.push(`${dayRange(s.segment.from, s.segment.to)}: ${pct(share.value)} × ${layer} layer ${eur(base)} = ${eur(paid)}`)
  }
  if (segments.length === 0) return undefined
  if (!traced) return { stream, layer, amount, segments, trace: untraced("direct") }
  const conditionText = condition.kind === "always" ? "without an indication" : `with an indication (${condition.kinds.join(", ")})`
  return {
    stream,
    layer,
    amount,
    segments,
    trace: {
      rule: "direct",
      description: `${stream} pays ${pct(share.value)} of the ${layer} layer ${conditionText}.`,
      source: `${DIRECT_SOURCE}; share: ${share.source}`,
      formula,
      parameters: [sourcedRead(`policy.${payerFieldPath(layer, stream, "share")}`, share)],
      events: mergeEvents(events)
    }
  }
}
