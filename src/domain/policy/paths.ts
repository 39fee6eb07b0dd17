/**
 * Paths of a policy's values inside the policy, named once so a rule's trace
 * (`policy.<path>`) and the run's assumptions (`policy <id>.<path>`,
 * ./assumptions.ts) name the same value the same way.
 */
import type { Layer } from "./types"

/** A payer's field on a layer, e.g. `layers.jeugdhulp.overbrugging.maxPerMonth` or `layers.plus.gemeente.share`. */
export const payerFieldPath = (layer: Layer, stream: string, field: "share" | "maxPerMonth"): string => `layers.${layer}.${stream}.${field}`
