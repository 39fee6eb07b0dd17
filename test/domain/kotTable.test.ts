import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { dayNumber } from "../../src/domain/calendar"
import { Dec } from "../../src/domain/money"
import { euro, kotPercentage } from "../../src/domain/parameters/kotTable"
import type { ParameterSet } from "../../src/domain/parameters/types"
import { loadParameterTree } from "../../src/parameters/load"

const params = loadParameterTree() as ParameterSet
const pct = (date: string, income: string, rank: "first" | "further") => kotPercentage(params, dayNumber(date), new Dec(income), rank)

describe("KOT percentage table", () => {
  it.each([
    ["2026-03-01", "56412", "first", "96.0"],
    ["2026-03-01", "56413", "first", "95.5"],
    ["2026-03-01", "56413", "further", "95.6"],
    ["2026-03-01", "170000", "first", "36.5"],
    ["2026-03-01", "999999", "further", "68.2"],
    ["2024-05-01", "45000", "first", "87.3"], // Rijksoverheid example (PARAMETERS.md)
    ["2025-05-01", "45000", "first", "96.0"] // 2025 anchor example
  ] as const)("%s, income %s, %s child → %s %%", (date, income, rank, expected) => {
    const r = pct(date, income, rank)
    expect(Result.isSuccess(r) && r.success.percentage).toBe(expected)
  })
  it.each([
    ["2024-05-01", "83000", "first", "2024, income band 81,886–85,403, column first child"],
    ["2024-05-01", "95000", "further", "2024, income band above 92,434, column further child"],
    ["2025-05-01", "80000", "first", "2025, income band 47,403–159,224, column first child"],
    ["2025-05-01", "200000", "further", "2025, income band above 159,224, column further child"]
  ] as const)("unconfirmed: %s, income %s, %s child names the missing value", (date, income, rank, detail) => {
    const r = pct(date, income, rank)
    expect(Result.isFailure(r) && r.failure.detail).toBe(`year ${detail} is not confirmed`)
  })
  it("2023 has no table at all", () => {
    const r = pct("2023-05-01", "40000", "first")
    expect(Result.isFailure(r) && r.failure.path).toBe("kot.percentages")
  })
})

describe("an income edge as a band names it", () => {
  it("is written as toLocaleString('en-US') writes it: whole euros by hand, any other edge by toLocaleString", () => {
    const whole = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom(0, 999, 1_000, 999_999, 1_000_000, 123_456_789, 999_999_999_999_999)).map(String)
    const other = fc.oneof(fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 1, max: 99 })).map(([n, c]) => `${n}.${c}`), fc.constantFrom("0056412", "56412.00", "1e5"))
    fc.assert(
      fc.property(fc.oneof(whole, other), (s) => {
        expect(euro(s)).toBe(Number(s).toLocaleString("en-US"))
      }),
      { numRuns: 2000 }
    )
    expect(euro("56412")).toBe("56,412")
  })
})

