/**
 * Upcasters turn the data of an older schema version into the next version.
 * They run on read, so stores keep what was written and old histories replay
 * under the current rules. One function per (type, from-version).
 */
import { Result } from "effect"
import { catalogue, type EventType } from "./catalogue"

type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>

const upcasters: Partial<Record<EventType, Record<number, Upcaster>>> = {
  /** placement-started v1 carried the price in whole cents (`hourlyRateCents`); v2 has a decimal string. */
  "placement-started": {
    1: ({ hourlyRateCents, ...rest }) => {
      const cents = typeof hourlyRateCents === "number" && Number.isInteger(hourlyRateCents) ? hourlyRateCents : NaN
      const hourlyPrice = Number.isNaN(cents)
        ? hourlyRateCents
        : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`
      return { ...rest, hourlyPrice }
    }
  }
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
