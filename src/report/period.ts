/**
 * The period a report covers (seed 004 §XI: a half-year report and a final,
 * yearly report): the first or second half of the year, or the whole year.
 * The year is the year the scenario's period starts in, unless one is named.
 */
import { daysInYear, monthInterval, monthsBetween, weekdaysIn, type YearMonth } from "../domain/calendar"

export interface ReportPeriod {
  readonly kind: "half-year" | "year"
  readonly year: number
  /** 1 or 2 for a half-year. */
  readonly half: 1 | 2 | undefined
  readonly months: ReadonlyArray<YearMonth>
  /** The report's months the scenario covers (the ledger is computed for these). */
  readonly covered: ReadonlyArray<YearMonth>
  readonly label: string
  /** Days in the covered months, and in the year: the pro-rata share of a yearly budget. */
  readonly days: number
  readonly daysInYear: number
  /** Mon-Fri opening days in the covered months. */
  readonly openingDays: number
}

export const reportPeriod = (
  spec: { readonly kind: "half-year"; readonly half: 1 | 2 } | { readonly kind: "year" },
  year: number,
  scenarioMonths: ReadonlyArray<YearMonth>
): ReportPeriod => {
  const first: YearMonth = spec.kind === "year" || spec.half === 1 ? `${year}-01` : `${year}-07`
  const last: YearMonth = spec.kind === "year" || spec.half === 2 ? `${year}-12` : `${year}-06`
  const months = monthsBetween(first, last)
  const inScenario = new Set(scenarioMonths)
  const covered = months.filter((m) => inScenario.has(m))
  const days = covered.reduce((n, m) => n + (monthInterval(m).to - monthInterval(m).from + 1), 0)
  return {
    kind: spec.kind,
    year,
    half: spec.kind === "half-year" ? spec.half : undefined,
    months,
    covered,
    label: spec.kind === "year" ? `year ${year} (${first} to ${last})` : `half-year ${spec.half} of ${year} (${first} to ${last})`,
    days,
    daysInYear: daysInYear(year),
    openingDays: covered.reduce((n, m) => n + weekdaysIn(monthInterval(m)), 0)
  }
}
