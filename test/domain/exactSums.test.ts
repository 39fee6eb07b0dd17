/**
 * ExactSums (src/domain/exactSums.ts) keeps a running sum in fixed-point words; it must always read
 * back as exactly the decimal that adding the same terms with `exactPlus` / `exactMinus` gives, text
 * for text, including terms past its fixed point (which move the slot to a decimal sum); and as a
 * decimal made from its words, the very decimal its text parses to.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ExactSums } from "../../src/domain/exactSums"
import { Dec, exactMinus, exactPlus, ZERO } from "../../src/domain/money"

/** Terms like the ones a run adds: 60-digit quotients, cents, place-days, and the odd extreme. */
const term: fc.Arbitrary<Dec> = fc.oneof(
  // a kindplek share: subsidy × place-days ÷ denominator, at 60 significant digits
  fc.tuple(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 9_999 })).map(([s, p, q]) => new Dec(s).div(100).times(p).div(q)),
  // cents and place-days with a few decimals
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => new Dec(n).div(100)),
  fc.integer({ min: 0, max: 100_000 }).map((n) => new Dec(n).div(10)),
  // near the fixed point's edges: 13-14 integer digits, digits around the 70th place
  fc.integer({ min: 60, max: 80 }).map((k) => new Dec(`1e-${k}`)),
  fc.integer({ min: 12, max: 15 }).map((k) => new Dec(`9.5e${k}`)),
  fc.constantFrom(new Dec("0.0000001"), new Dec("9999999.9999999"), new Dec("-0"), ZERO, new Dec("1e-70"), new Dec("99999999999999.5")),
  // a first word of every digit count, at its edges (9…9 and 10…0), in every word of the fixed point
  fc.tuple(fc.integer({ min: 1, max: 7 }), fc.boolean(), fc.integer({ min: -10, max: 1 })).map(([k, nines, w]) => new Dec(`${nines ? 10 ** k - 1 : 10 ** (k - 1)}e${7 * w}`)),
  // a long tail of digits in a small number
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 3, max: 997 })).map(([a, b]) => new Dec(a).div(b).div(1_000_000))
)

/** decimal.js's fields: base-10⁷ words, the place of the first digit, the sign. */
interface Parts {
  readonly d: ReadonlyArray<number>
  readonly e: number
  readonly s: number
}

const step = fc.tuple(term, fc.constantFrom<1 | -1>(1, -1))

describe("ExactSums", () => {
  it("reads back as the exactPlus / exactMinus sum of the same terms, at every step", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 3 }), (steps, slot) => {
        const sums = new ExactSums(4)
        let reference = ZERO
        for (const [x, sign] of steps) {
          sums.add(slot, x, sign)
          reference = sign === 1 ? exactPlus(reference, x) : exactMinus(reference, x)
          expect(sums.text(slot)).toBe(reference.toString())
          expect(sums.get(slot).equals(reference)).toBe(true)
          // Made from the words, the decimal is the one its text parses to: digits, place, sign.
          const made = sums.get(slot) as unknown as Parts
          const parsed = new Dec(sums.text(slot)) as unknown as Parts
          expect({ d: made.d, e: made.e, s: made.s }).toEqual({ d: parsed.d, e: parsed.e, s: parsed.s })
          expect(sums.get(slot).toString()).toBe(reference.toString())
          expect(sums.get(slot).plus(x).toString()).toBe(reference.plus(x).toString())
        }
        // The other slots are untouched.
        for (let s = 0; s < 4; s++) if (s !== slot) expect(sums.text(s)).toBe("0")
      }),
      { numRuns: 400 }
    )
  })

  it("adding a term and taking it away again gives the sum before, in the same words", () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 10 }), term, (before, x) => {
        const a = new ExactSums(1)
        for (const t of before) a.add(0, t, 1)
        const b = a.copy()
        b.add(0, x, 1)
        b.add(0, x, -1)
        expect(b.same(0, a, 0)).toBe(true)
        expect(b.text(0)).toBe(a.text(0))
      })
    )
  })

  it("two slots are the same exactly when their sums are equal", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), fc.array(step, { maxLength: 8 }), (xs, ys) => {
        const s = new ExactSums(2)
        for (const [x, sign] of xs) s.add(0, x, sign)
        for (const [y, sign] of ys) s.add(1, y, sign)
        expect(s.same(0, s, 1)).toBe(s.get(0).equals(s.get(1)))
      })
    )
  })

  it("a copy goes its own way", () => {
    const a = new ExactSums(1)
    a.add(0, new Dec("1.5"), 1)
    const b = a.copy()
    b.add(0, new Dec("1e-75"), 1)
    a.add(0, new Dec("2"), 1)
    expect([a.text(0), b.text(0)]).toEqual(["3.5", `1.5${"0".repeat(73)}1`])
  })

  // Worked by hand: 0.1 is the word 1,000,000 at 10^-7; −0.3 borrows from the first word.
  it.each([
    [["0.1", "0.2"], "0.3"],
    [["0.1", "-0.3"], "-0.2"],
    [["-12345678.9", "12345678.9"], "0"],
    [["99999999999999", "1"], "100000000000000"],
    [["-0.00000001", "0"], "-0.00000001"]
  ])("%j sums to %s", (terms, total) => {
    const s = new ExactSums(1)
    for (const t of terms) s.add(0, new Dec(t), 1)
    expect(s.text(0)).toBe(total)
  })
})
