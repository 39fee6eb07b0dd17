/**
 * Upcasters turn the data of an older schema version into the next version.
 * They run on read, so stores keep what was written and old histories replay
 * under the current rules. One function per (type, from-version).
 */
import { Result } from "effect"
import type { z } from "zod"
import { catalogue, type EventType, PlacementStartedV1 } from "./catalogue"

type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>

/** Data as written under a version's schema; unchecked, so every field may be missing or wrong. */
type AsWritten<S extends z.ZodType> = Partial<z.input<S>> & Record<string, unknown>

/**
 * placement-started v1 (`PlacementStartedV1`) carried the price in whole cents (`hourlyRateCents`);
 * v2 has a decimal string. A value v1 would not have accepted is passed on unchanged, for the
 * current schema to refuse with the field named.
 */
const placementStartedV1ToV2 = ({ hourlyRateCents, ...rest }: AsWritten<typeof PlacementStartedV1>): Record<string, unknown> => {
  const cents = PlacementStartedV1.shape.hourlyRateCents.safeParse(hourlyRateCents)
  const hourlyPrice = cents.success ? `${Math.floor(cents.data / 100)}.${String(cents.data % 100).padStart(2, "0")}` : hourlyRateCents
  return { ...rest, hourlyPrice }
}

const upcasters: Partial<Record<EventType, Record<number, Upcaster>>> = {
  "placement-started": { 1: placementStartedV1ToV2 }
}

export const upcast = (
  type: EventType,
  version: number,
  data: Record<string, unknown>
): Result.Result<Record<string, unknown>, string> => {
  const current = catalogue[type].version
  if (version > current) return Result.fail(`version ${version} is newer than this program knows (${current})`)
  let out = data
  for (let v = version; v < current; v++) {
    const step = upcasters[type]?.[v]
    if (step === undefined) return Result.fail(`no upcaster from version ${v} of ${type}`)
    out = step(out)
  }
  return Result.succeed(out)
}
