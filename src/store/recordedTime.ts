/**
 * Recorded times are ISO 8601 instants with a zone offset, written as the
 * caller gave them (`2026-03-01T00:30:00+01:00`). Two writings of one instant
 * do not compare as strings, so stores filter `recordedUpTo` on a key:
 * the instant in UTC, fixed width, trailing fraction zeros dropped. Plain
 * string order on keys is time order (SQLite's BINARY collation included).
 */
import { Result } from "effect"

// The shape zod's `z.iso.datetime({ offset: true })` accepts (src/events/fields.ts IsoDateTime).
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/**
 * The sortable UTC key of an instant, e.g. `12026-02-28T23:30:00.5` for
 * `2026-03-01T00:30:00.500+01:00`. The year is offset by 10,000 so that
 * instants shifted just outside years 0000-9999 by their offset stay fixed width.
 */
export const recordedKey = (instant: string): Result.Result<string, string> => {
  const m = INSTANT.exec(instant)
  if (m === null) return Result.fail(`'${instant}' is not an ISO 8601 instant with a zone (like 2026-03-01T09:00:00Z)`)
  const [, y, mo, d, h, mi, s, fraction, sign, oh, om] = m
  const offsetMinutes = sign === undefined ? 0 : (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om))
  const at = new Date(0)
  at.setUTCFullYear(Number(y), Number(mo) - 1, Number(d))
  at.setUTCHours(Number(h), Number(mi) - offsetMinutes, Number(s), 0)
  if (Number.isNaN(at.getTime())) return Result.fail(`'${instant}' is not a valid instant`)
  const whole =
    `${pad(at.getUTCFullYear() + 10_000, 5)}-${pad(at.getUTCMonth() + 1, 2)}-${pad(at.getUTCDate(), 2)}` +
    `T${pad(at.getUTCHours(), 2)}:${pad(at.getUTCMinutes(), 2)}:${pad(at.getUTCSeconds(), 2)}`
  const digits = (fraction ?? "").replace(/0+$/, "")
  return Result.succeed(digits === "" ? whole : `${whole}.${digits}`)
}

/** The key bounding an "as known on" read (`recordedUpTo`); undefined when the read is not bounded. */
export const recordedBound = (recordedUpTo: string | undefined): Result.Result<string | undefined, string> =>
  recordedUpTo === undefined ? Result.succeed(undefined) : recordedKey(recordedUpTo)
