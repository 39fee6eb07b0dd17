/**
 * Apportionment: fill each layer of a child-month with its payers, in the
 * policy's order, each paying what its rule allows of what is still uncovered;
 * what no payer covers goes to the layer's residual payer (the parent for the
 * regular layer, the provider otherwise). So the lines always sum to the cost
 * exactly (DOMAIN.md invariant 1) and no amount is negative (invariant 7).
 */
import type { LedgerLine, PaidSegment } from "../ledger/types"
import { mergeEvents, untraced } from "../ledger/trace"
import { compare, type Dec, isPositive, min } from "../money"
import { type Layer, LAYERS, type PayerRule } from "../policy/types"
import { type RuleContext, tracing } from "./context"
import { type Claim, eur } from "./claim"
import { directClaim } from "./direct"
import { jeugdhulpClaim } from "./jeugdhulp"
import { type AllocationLookup, kindplekClaim, type KindplekClaim } from "./kindplek"
import { kotClaim } from "./kot"
import type { ChildMonthMeasure } from "./measure"
import { dividedBy, minus, times } from "./kept"
import { smiClaim } from "./smi"

const claimOf = (
  ctx: RuleContext,
  m: ChildMonthMeasure,
  layer: Layer,
  rule: PayerRule,
  allocations: AllocationLookup
): Claim | KindplekClaim | undefined => {
  switch (rule.kind) {
    case "kot":
      return kotClaim(ctx, m, rule.stream)
    case "smi":
      return smiClaim(ctx, m, rule.stream)
    case "kindplek":
      return kindplekClaim(ctx, m, rule.stream, allocations)
    case "overbrugging":
    case "bouwsteen":
      return jeugdhulpClaim(ctx, m, rule.kind, rule.stream, rule.maxPerMonth)
    case "direct":
      return directClaim(ctx, m, layer, rule.stream, rule.share, rule.condition)
  }
}

export interface Apportioned {
  readonly lines: ReadonlyArray<LedgerLine>
  /** Kindplek paid to this child per group, after the plus layer capped the claim. */
  readonly kindplekByGroup: ReadonlyMap<string, Dec>
  /** Kindplek claimed per group before the cap. */
  readonly kindplekClaimedByGroup: ReadonlyMap<string, Dec>
}

const layerAmount = (m: ChildMonthMeasure, layer: Layer): Dec =>
  layer === "regular" ? m.regular : layer === "plus" ? m.plus : m.jeugdhulp

const UNTRACED_RESIDUAL = untraced("residual")

export const apportion = (
  ctx: RuleContext,
  m: ChildMonthMeasure,
  allocations: AllocationLookup
): Apportioned => {
  const traced = tracing(ctx)
  const lines: Array<LedgerLine> = []
  const kindplekByGroup = new Map<string, Dec>()
  const kindplekClaimedByGroup = new Map<string, Dec>()
  let residualSegments: ReadonlyArray<PaidSegment> | undefined
  for (const layer of LAYERS) {
    const total = layerAmount(m, layer)
    let left = total
    const policy = ctx.policy.layers[layer]
    for (const rule of policy.payers) {
      const claim = claimOf(ctx, m, layer, rule, allocations)
      if (claim === undefined || claim.amount.isZero()) continue
      const paid = min(claim.amount, left)
      if ("byGroup" in claim) {
        const inFull = compare(paid, claim.amount) === 0
        claim.byGroup.forEach((c, g) => {
          kindplekClaimedByGroup.set(g, c)
          // Paid in full: exactly the claim (no 60-digit round trip that could leave a surplus of -1e-58).
          // Capped: c × paid ÷ claim, the same two decimal operations, kept (./kept.ts): the capped
          // plus layer and the group's share recur across the children of a group-month.
          kindplekByGroup.set(g, inFull ? c : dividedBy(times(c, paid), claim.amount))
        })
      }
      if (paid.isZero()) continue
      left = minus(left, paid)
      const trace =
        traced && paid.lessThan(claim.amount)
          ? { ...claim.trace, formula: [...claim.trace.formula, `capped at what was still uncovered of the ${layer} layer: ${eur(paid)} of ${eur(claim.amount)}`] }
          : claim.trace
      lines.push({ stream: claim.stream, layer, amount: paid, segments: claim.segments, trace })
    }
    if (isPositive(left)) {
      // The month's segments, made once for the layers' residual lines (never changed: shared).
      residualSegments ??= m.segments.map((s) => ({ from: s.segment.from, to: s.segment.to }))
      lines.push({
        stream: policy.residual,
        layer,
        amount: left,
        segments: residualSegments,
        trace: !traced ? UNTRACED_RESIDUAL : {
          rule: "residual",
          description: `What no stream covers of the ${layer} layer is paid by ${policy.residual}.`,
          source:
            layer === "regular"
              ? "seed 000 §3.3 and seed 002 'Financiering': the parent pays the regular invoice, minus KOT or SMI"
              : "seed 000 §3.3: an uncovered remainder is the provider's (a deficit it carries or cross-subsidises)",
          formula: [`${layer} layer ${eur(total)} − covered ${eur(total.minus(left))} = ${eur(left)}`],
          parameters: [],
          events: mergeEvents(m.segments.flatMap((s) => s.pieces.flatMap((p) => p.piece.events)))
        }
      })
    }
  }
  return { lines, kindplekByGroup, kindplekClaimedByGroup }
}
