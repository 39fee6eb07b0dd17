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
