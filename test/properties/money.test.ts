/**
 * The exact-money pieces invariant 1 rests on (src/domain/money.ts): rounding
 * a total to cents and splitting parts into whole cents by largest remainder;
 * and the small pure rule helpers every amount passes through (hours per
 * month, the SMI window, the KOT table lookup).
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { dayNumber, fromDayNumber } from "../../src/domain/calendar"
import { Dec, splitToCents, sum, toCents } from "../../src/domain/money"
import { kotPercentage } from "../../src/domain/parameters/kotTable"
import { monthlyHours, smiWindowEnd } from "../../src/domain/rules/measure"
import { params } from "../support/ledgerRun"

/** Non-negative amounts like the ledger's: decimals up to 8 places, and non-terminating quotients. */
const amountArb: fc.Arbitrary<Dec> = fc.oneof(
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 11n }), fc.integer({ min: 0, max: 8 })).map(([n, k]) => new Dec(n.toString()).dividedBy(new Dec(10).pow(k))),
  fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 9_999 })).map(([n, d]) => new Dec(n).dividedBy(d)),
  // Equal remainders in many parts: whole cents plus one of a few fractions of a cent.
  fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom("0", "0.001", "0.005", "0.0049", "0.0051")).map(([c, r]) => new Dec(c).dividedBy(100).plus(r)),
  fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(1, 2)).map(([c, k]) => new Dec(c).plus(new Dec(k).dividedBy(300)))
)

const partsArb = fc.array(amountArb, { minLength: 0, maxLength: 9 }).map((vs) => vs.map((v, i) => [`s${i}`, v] as const))

const remainderOf = (v: Dec) => v.times(100).minus(v.times(100).floor())

describe("splitToCents", () => {
  it("parts sum to the rounded total, each within one cent of its exact value; ties go to the earlier part; deterministic", () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const out = splitToCents(parts)
        expect(out.map(([k]) => k)).toEqual(parts.map(([k]) => k))
        expect(splitToCents(parts)).toEqual(out)
        expect(out.reduce((a, [, c]) => a + c, 0n)).toBe(toCents(sum(parts.map(([, v]) => v))))
        const bumped = parts.map(([, v], i) => {
          const exact = v.times(100)
          const cents = new Dec(out[i]![1].toString())
          // floor(100 v) or one more: so strictly within one cent of the exact amount.
          expect(cents.equals(exact.floor()) || cents.equals(exact.floor().plus(1)), `part ${i}: ${cents} cents for ${exact} exact`).toBe(true)
          expect(cents.minus(exact).abs().lessThan(1)).toBe(true)
          return cents.greaterThan(exact.floor())
        })
        // Largest remainder first; among equal remainders the earlier part (the policy's stream order).
        for (let i = 0; i < parts.length; i++)
          for (let j = 0; j < parts.length; j++) {
            if (!bumped[j] || bumped[i]) continue
            const ri = remainderOf(parts[i]![1])
            const rj = remainderOf(parts[j]![1])
            expect(rj.greaterThan(ri) || (rj.equals(ri) && j < i), `part ${j} (remainder ${rj}) got a cent before part ${i} (remainder ${ri})`).toBe(true)
          }
      }),
      { numRuns: 500 }
    )
  })

  it("gives each key the same cents whatever the order of parts with distinct remainders", () => {
    fc.assert(
      fc.property(partsArb, fc.nat(), (parts, seed) => {
        const rems = parts.map(([, v]) => remainderOf(v).toString())
        fc.pre(new Set(rems).size === rems.length)
        const rotated = parts.map((_, i) => parts[(i + seed) % parts.length]!)
        expect(new Map(splitToCents(rotated))).toEqual(new Map(splitToCents(parts)))
      }),
      { numRuns: 300 }
    )
  })

  it("hand-worked cases", () => {
    const split = (...vs: Array<string | Dec>) => splitToCents(vs.map((v, i) => [`s${i}`, new Dec(v)] as const)).map(([, c]) => c)
    // Three thirds of 1.00: floors 33 + 33 + 33 = 99 of toCents(1) = 100; all remainders 0.33..; the first gets the cent.
    const third = new Dec(1).dividedBy(3)
    expect(split(third, third, third)).toEqual([34n, 33n, 33n])
    // 1.004 + 2.006 = 3.010 → 301 cents; floors 100 + 200; remainders 0.4 and 0.6: the second gets it.
    expect(split("1.004", "2.006")).toEqual([100n, 201n])
    // 0.005 + 0.005 = 0.01 → 1 cent; equal remainders 0.5: the first part.
    expect(split("0.005", "0.005")).toEqual([1n, 0n])
    // 0.004 + 0.004 = 0.008 → rounds half-up to 1 cent; floors 0 + 0; the first part.
    expect(split("0.004", "0.004")).toEqual([1n, 0n])
    // 0.004 + 0.0004 = 0.0044 → 0 cents: nobody gets a cent.
    expect(split("0.004", "0.0004")).toEqual([0n, 0n])
    expect(split()).toEqual([])
  })
})

describe("toCents", () => {
  it("rounds half-up to whole cents", () => {
    expect(toCents(new Dec("0.005"))).toBe(1n)
    expect(toCents(new Dec("0.00499999"))).toBe(0n)
    expect(toCents(new Dec("2.675"))).toBe(268n)
    expect(toCents(new Dec("122.525"))).toBe(12253n)
    expect(toCents(new Dec(0))).toBe(0n)
  })
})

describe("rule helpers", () => {
  it("monthlyHours: weekly hours × weeks a year / 12, prorated by the days of the month", () => {
    // 5 days × 11 h = 55 h a week; 55 × 52 / 12 = 238.33 h in a whole month (over the 230-hour KOT cap).
    expect(monthlyHours(new Dec(55), new Dec(52), 31, "2026-01").toDecimalPlaces(10).toString()).toBe("238.3333333333")
    // Half of February (14 of 28 days): 238.33 / 2 = 119.17 h.
    expect(monthlyHours(new Dec(55), new Dec(52), 14, "2026-02").toDecimalPlaces(10).toString()).toBe("119.1666666667")
    // 30 h a week, 1 day of a 30-day month: 30 × 52 / 12 / 30 = 4.33 h.
    expect(monthlyHours(new Dec(30), new Dec(52), 1, "2026-04").toDecimalPlaces(4).toString()).toBe("4.3333")
  })

  it("smiWindowEnd: the last day SMI may pay, maxMonths after the indication's first day", () => {
    // From 2026-01-15, 9 months: up to and including 2026-10-14.
    expect(fromDayNumber(smiWindowEnd(dayNumber("2026-01-15"), 9))).toBe("2026-10-14")
    expect(fromDayNumber(smiWindowEnd(dayNumber("2026-04-01"), 9))).toBe("2026-12-31")
  })

  it("kotPercentage: the 2026 table by income band (edges inclusive) and child rank", () => {
    const pct = (income: number, rank: "first" | "further") => {
      const r = kotPercentage(params(), dayNumber("2026-05-01"), new Dec(income), rank)
      if (r._tag === "Failure") throw new Error(r.failure.message)
      return r.success.percentage
    }
    expect(pct(56_412, "first")).toBe("96.0")
    expect(pct(56_413, "first")).toBe("95.5")
    expect(pct(56_413, "further")).toBe("95.6")
    expect(pct(165_657, "first")).toBe("38.5")
    expect(pct(165_658, "first")).toBe("36.5")
    expect(pct(1_000_000, "first")).toBe("36.5")
    expect(pct(1_000_000, "further")).toBe("68.2")
  })

  it("kotPercentage: an unconfirmed 2025 band is a named MissingParameter, never a guess", () => {
    const r = kotPercentage(params(), dayNumber("2025-05-01"), new Dec(80_000), "first")
    expect(r._tag).toBe("Failure")
    if (r._tag === "Failure") {
      expect(r.failure.path).toBe("kot.percentages")
      expect(r.failure.detail).toContain("year 2025")
      expect(r.failure.detail).toContain("first child")
      expect(r.failure.detail).toContain("not confirmed")
    }
  })
})

describe("splitToCents with residual payers (the ledger's rule)", () => {
  const withResiduals = fc
    .tuple(partsArb, fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), fc.integer({ min: -1, max: 1 }))
    .map(([parts, flags, shift]) => ({ parts, residuals: new Set(parts.filter((_, i) => flags[i]).map(([k]) => k)), shift }))
  it("sums to the total; without a fall-back every non-residual part is its own half-up rounding; falls back to largest remainder exactly when an absorber would go negative", () => {
    fc.assert(
      fc.property(withResiduals, ({ parts, residuals, shift }) => {
        const exactTotal = toCents(sum(parts.map(([, v]) => v)))
        // The ledger passes the cost's own cents, which can differ from the parts' rounded sum by a cent.
        const total = parts.length === 0 || exactTotal + BigInt(shift) < 0n ? exactTotal : exactTotal + BigInt(shift)
        const out = splitToCents(parts, { total, residuals })
        expect(out.map(([k]) => k)).toEqual(parts.map(([k]) => k))
        expect(out.reduce((a, [, c]) => a + c, 0n)).toBe(total)
        const residualKeys = parts.filter(([k]) => residuals.has(k))
        const nonResidualCents = parts.filter(([k]) => !residuals.has(k)).reduce((a, [, v]) => a + toCents(v), 0n)
        const otherResidualCents = residualKeys.slice(0, -1).reduce((a, [, v]) => a + toCents(v), 0n)
        const absorberWouldBe = total - nonResidualCents - otherResidualCents
        const fellBack = residualKeys.length === 0 || absorberWouldBe < 0n || (residualKeys.length > 1 && otherResidualCents < 0n)
        if (fellBack) expect(out).toEqual(splitToCents(parts, { total }))
        else {
          for (const [i, [k, v]] of parts.entries()) if (!residuals.has(k) || k !== residualKeys[residualKeys.length - 1]![0]) expect(out[i]![1]).toBe(toCents(v))
          expect(out.every(([, c]) => c >= 0n)).toBe(true)
        }
      }),
      { numRuns: 500 }
    )
  })
})
