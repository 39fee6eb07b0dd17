import { describe, expect, it } from "vitest"
import { monthsBetween } from "../../src/domain/calendar"
import { reportPeriod } from "../../src/report/period"

const year2026 = monthsBetween("2026-01", "2026-12")

describe("reportPeriod", () => {
  it("half-year 1 of 2026: January to June, 181 days, 129 opening days", () => {
    // Opening days (Mon-Fri): Jan 22 (1 Jan is a Thursday), Feb 20, Mar 22, Apr 22, May 21, Jun 22 = 129.
    expect(reportPeriod({ kind: "half-year", half: 1 }, 2026, year2026)).toMatchObject({
      months: ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"],
      days: 31 + 28 + 31 + 30 + 31 + 30,
      daysInYear: 365,
      openingDays: 129,
      label: "half-year 1 of 2026 (2026-01 to 2026-06)"
    })
  })

  it("half-year 2 of 2026: July to December, 184 days, 132 opening days", () => {
    // Jul 23 (1 Jul is a Wednesday), Aug 21, Sep 22, Oct 22, Nov 21, Dec 23 = 132.
    expect(reportPeriod({ kind: "half-year", half: 2 }, 2026, year2026)).toMatchObject({ days: 184, openingDays: 132, half: 2 })
  })

  it("the year: 365 days, 261 opening days; a scenario covering part of it covers only those months", () => {
    expect(reportPeriod({ kind: "year" }, 2026, year2026)).toMatchObject({ days: 365, openingDays: 261, half: undefined })
    const partial = reportPeriod({ kind: "year" }, 2026, monthsBetween("2026-03", "2027-02"))
    expect(partial.covered).toEqual(monthsBetween("2026-03", "2026-12"))
    expect(partial.days).toBe(365 - 31 - 28)
  })
})
