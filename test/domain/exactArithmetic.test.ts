/**
 * The arithmetic a national run leans on (src/domain/money.ts, src/domain/rules/kept.ts): the
 * comparison without a copy compares as decimal.js does; exact sums do not depend on the order of
 * their terms and give back what was taken out; kept operations give exactly what the operations
 * give; an amount's cents read from its digits are decimal.js's.
 */
import Decimal from "decimal.js"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { centsByDecimal, compare, Dec, exactMinus, exactPlus, isPositive, max, min, toCents, ZERO } from "../../src/domain/money"
import { decimalOf, dividedBy, minus, plus, times } from "../../src/domain/rules/kept"

/** Decimals of every sign and size the rules meet: short ones, 60-digit quotients, zeros (±0), tiny and huge ones. */
const decArb: fc.Arbitrary<Dec> = fc.oneof(
  fc.tuple(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 12 })).map(([n, k]) => new Dec(n.toString()).dividedBy(new Dec(10).pow(k))),
  fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 9_999 })).map(([n, d]) => new Dec(n).dividedBy(d)),
  fc.constantFrom(new Dec(0), new Dec("-0"), new Dec(1), new Dec(-1), new Dec("1e-50"), new Dec("-1e-50"), new Dec("1e30"), new Dec("0.0000001"), new Dec("9999999"), new Dec("10000000")),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: -40, max: 40 })).map(([n, e]) => new Dec(`${n}e${e}`))
)

/** The exact value of a decimal as a fraction of powers of ten, to check sums without decimal.js. */
const exact = (d: Dec): readonly [bigint, number] => {
  const [mantissa, exp = "0"] = d.toExponential().split("e")
  const [whole, frac = ""] = mantissa!.replace("-", "").split(".")
  const n = BigInt(`${whole}${frac}`) * (d.isNegative() ? -1n : 1n)
  return [n, Number(exp) - frac.length]
}
const Big = Decimal.clone({ precision: 1000 })
const exactSum = (ds: ReadonlyArray<Dec>): string => {
  const parts = ds.map(exact)
  const low = Math.min(0, ...parts.map(([, e]) => e))
  const total = parts.reduce((acc, [n, e]) => acc + n * 10n ** BigInt(e - low), 0n)
  return new Big(total.toString()).times(new Big(10).pow(low)).toFixed(-low > 0 ? -low : 0)
}

describe("compare", () => {
  it("orders decimals as comparedTo does, and min and max pick as lessThan and greaterThan pick", () => {
    fc.assert(
      fc.property(decArb, decArb, (a, b) => {
        expect(compare(a, b)).toBe(a.comparedTo(b))
        expect(min(a, b)).toBe(a.lessThan(b) ? a : b)
        expect(max(a, b)).toBe(a.greaterThan(b) ? a : b)
        expect(isPositive(a)).toBe(a.greaterThan(0))
      }),
      { numRuns: 2000 }
    )
  })
})

describe("exact sums", () => {
  it("are the exact sum, whatever the order; taking a term out gives the sum without it", () => {
    fc.assert(
      fc.property(fc.array(decArb, { minLength: 1, maxLength: 12 }), fc.nat(), (terms, seed) => {
        const forward = terms.reduce(exactPlus, ZERO)
        const shuffled = [...terms].sort((x, y) => ((x.toNumber() * 7919 + seed) % 13) - ((y.toNumber() * 7919 + seed) % 13))
        const backward = shuffled.reduce(exactPlus, ZERO)
        expect(forward.equals(backward)).toBe(true)
        expect(new Big(forward.toString()).equals(new Big(exactSum(terms)))).toBe(true)
        const without = exactMinus(forward, terms[0]!)
        expect(without.equals(terms.slice(1).reduce(exactPlus, ZERO))).toBe(true)
      }),
      { numRuns: 500 }
    )
  })
})

describe("kept arithmetic", () => {
  it("gives exactly what the operations give, asked once or again", () => {
    fc.assert(
      fc.property(decArb, decArb, (a, b) => {
        for (let round = 0; round < 2; round++) {
          expect(times(a, b).equals(a.times(b))).toBe(true)
          expect(plus(a, b).equals(a.plus(b))).toBe(true)
          expect(minus(a, b).equals(a.minus(b))).toBe(true)
          if (!b.isZero()) expect(dividedBy(a, b).equals(a.dividedBy(b))).toBe(true)
        }
        const text = a.toString()
        expect(decimalOf(text).equals(new Dec(text))).toBe(true)
        expect(decimalOf(text)).toBe(decimalOf(text))
      }),
      { numRuns: 1000 }
    )
  })

  it("reads an amount's cents from its digits as decimal.js rounds them", () => {
    // Amounts at and around half a cent (…5, …4999…, …5000…1), at the fast path's edges (10¹³,
    // 10⁻³, whole words of ten million), with 60 digits, of both signs, and the general ones.
    const half = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom("5", "4999999999", "5000000001", "49", "51", "0", "9999999"), fc.boolean())
      .map(([n, tail, negative]) => new Dec(`${negative ? "-" : ""}${n / 100n}.${(n % 100n).toString().padStart(2, "0")}${tail}`))
    const edges = fc.constantFrom("9999999999999.995", "9999999999999.994", "10000000000000", "10000000000000.005", "0.001", "0.004999", "0.005", "-0.005", "0.0049999999999999999999", "10000000.005", "20000000", "1e13", "-1e13", "1e-3", "-0.0005", "12345678901234.5678")
    const amounts = fc.oneof(decArb, half, edges.map((t) => new Dec(t)), fc.tuple(fc.integer({ min: -9_999_999, max: 9_999_999 }), fc.integer({ min: 1, max: 999_983 })).map(([n, d]) => new Dec(n).dividedBy(d).times(1_000)))
    fc.assert(
      fc.property(amounts, (a) => {
        const byDecimal = centsByDecimal(a)
        // And without decimal.js: the exact value's digits, rounded half away from zero by hand.
        const [n, e] = exact(a)
        const scaled = e + 2 >= 0 ? n * 10n ** BigInt(e + 2) * 10n : (n * 10n) / 10n ** BigInt(-(e + 2))
        const magnitude = scaled < 0n ? -scaled : scaled
        const rounded = (magnitude / 10n + (magnitude % 10n >= 5n ? 1n : 0n)) * (scaled < 0n ? -1n : 1n)
        expect(byDecimal).toBe(rounded)
        expect(toCents(a)).toBe(byDecimal)
      }),
      { numRuns: 5000 }
    )
  })
})
