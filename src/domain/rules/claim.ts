/**
 * A claim: what one payer rule would pay of one layer of a child-month, before
 * the layer's payers are filled in order (./apportion.ts).
 */
import type { PaidSegment } from "../ledger/types"
import type { Trace } from "../ledger/trace"
import type { Dec } from "../money"
import type { Layer } from "../policy/types"

export interface Claim {
  readonly stream: string
  readonly layer: Layer
  readonly amount: Dec
  readonly segments: ReadonlyArray<PaidSegment>
  readonly trace: Trace
}

/** Display helpers for trace formulas (display only; amounts stay exact). */
export const eur = (d: Dec): string => `€${d.toFixed(2)}`
export const hrs = (d: Dec): string => `${d.toDecimalPlaces(2).toFixed(2)} h`
export const pct = (fraction: Dec): string => `${fraction.times(100).toDecimalPlaces(2).toString()} %`
