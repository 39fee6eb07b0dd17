import { describe, expect, it } from "vitest"
import { centsToString, Dec, formatMoney, splitToCents, toCents } from "../../src/domain/money"

describe("money", () => {
  it("rounds a total half-up to cents", () => {
    expect(toCents(new Dec("1.005"))).toBe(101n)
    expect(toCents(new Dec("1.00499999"))).toBe(100n)
    expect(formatMoney(new Dec("1234.5"))).toBe("1234.50")
    expect(centsToString(-5n)).toBe("-0.05")
  })
  it("splits parts to cents that sum to the rounded total, largest remainder first, ties in order", () => {
    // 10/3 three times: 3.333… each, total 10.00: floors 333+333+333 = 999, one cent to the first (tie).
    const third = new Dec(10).dividedBy(3)
    expect(splitToCents([["a", third], ["b", third], ["c", third]])).toEqual([["a", 334n], ["b", 333n], ["c", 333n]])
    // 1.006 + 1.004 = 2.01: floors 100 + 100, the cent goes to the larger remainder (b? no: a has .6).
    expect(splitToCents([["a", new Dec("1.006")], ["b", new Dec("1.004")]])).toEqual([["a", 101n], ["b", 100n]])
  })
})
