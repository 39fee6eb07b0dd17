/** Option values that several commands take, checked as usage errors (exit 2) naming the option and its form. */
import { IsoDateTime } from "../events/fields"
import { UsageError } from "../store/select"

/**
 * `--as-of INSTANT`: an instant in ISO 8601 with a time zone, the form of a scenario's `asOf`
 * (docs/scenario-format.md); returned canonical (`toISOString`), undefined when not given.
 * @throws UsageError when the value is not such an instant.
 */
export const asOfOption = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined
  if (!IsoDateTime.safeParse(value).success) throw new UsageError(`--as-of ${value} is not an instant: give one in ISO 8601 with a time zone, e.g. 2026-07-01T00:00:00Z`)
  return new Date(value).toISOString()
}

/** The most threads `--threads` may ask for (each worker needs its own code and heap: ADR 0012). */
const MOST_THREADS = 64

/**
 * `--threads N`: how many threads replay the children when a projection is built (ADR 0012), the
 * main thread one of them; 1 replays on the main thread only. Undefined when not given (the
 * machine's cores, at most 4).
 * @throws UsageError when the value is not a whole number from 1 to 64.
 */
export const threadsOption = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const n = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN
  if (!(n >= 1 && n <= MOST_THREADS))
    throw new UsageError(`--threads ${value} is not a number of threads: give a whole number from 1 to ${MOST_THREADS}, e.g. --threads 2 (1: one thread)`)
  return n
}
