/**
 * Running sums of decimals, kept exactly and in place: a fixed point of base-10⁷ words in one typed
 * array, so that adding a term makes no object (a national run keeps three such sums for each of half
 * a million group-months, the claimed and paid kindplek and the occupied place-days, and adds to them
 * four and a half million times; as decimals every sum was three objects, 190-240 bytes, made again
 * on every addition: docs/benchmarks.md, eighth and ninth rounds).
 *
 * A slot's value is Σ words[j] × 10^(7 × (INTEGER_WORDS − 1 − j)): two words before the point
 * (a term below 10¹⁴; the signed first word lets a sum grow to 10¹⁶) and ten after (70 decimal
 * places). Every word but the first is kept in [0, 10⁷) and
 * the first carries the sign, so a value has exactly one form: two slots are equal when their words
 * are. decimal.js keeps a decimal's digits in base-10⁷ words aligned on the point as well (its first
 * word holds the digits down to the first multiple of 7), so a term's words add to a slot's words
 * one to one, with a carry, and no digit is ever lost or rounded.
 *
 * A term that does not fit the fixed point (10¹⁴ or more, or a digit past the 70th place), or a sum
 * that would outgrow its first word, moves its slot to a decimal sum (`exactPlus`, as before):
 * exact either way, only bigger. A slot reads back as the decimal its sum is (`get`, `text`).
 */
import { Dec, exactMinus, exactPlus, ZERO } from "./money"

/** decimal.js's word: 7 decimal digits. */
const BASE = 10_000_000
const LOG_BASE = 7
const INTEGER_WORDS = 2
const WORDS = 12
const FRACTION_DIGITS = LOG_BASE * (WORDS - INTEGER_WORDS)
/** The first word's bound: past it a sum moves to a decimal (an Int32 holds ±2,147,483,647). */
const FIRST_WORD_LIMIT = 1_000_000_000

/** decimal.js's own fields (documented in its source: digits in base 1e7, exponent, sign). */
interface DecimalParts {
  d: ReadonlyArray<number>
  e: number
  s: number
}

/** The decimal of these parts (normalised as decimal.js keeps them: no leading or trailing zero word). */
const decimalOf = (s: number, e: number, d: ReadonlyArray<number>): Dec => {
  // Made by the constructor and then given the parts, so it is a decimal like any other (its fields
  // in the constructor's order: the same object shape, which decimal.js's operations are fast on).
  const x = new Dec(1)
  const parts = x as unknown as DecimalParts
  parts.s = s
  parts.e = e
  parts.d = d
  return x
}

/** The digits of a word in [1, 10⁷). */
const digitCount = (word: number): number =>
  word < 10 ? 1 : word < 100 ? 2 : word < 1_000 ? 3 : word < 10_000 ? 4 : word < 100_000 ? 5 : word < 1_000_000 ? 6 : 7

export class ExactSums {
  private readonly words: Int32Array
  /** Slots that moved to a decimal sum. */
  private wide: Map<number, Dec> | undefined

  constructor(readonly slots: number, words?: Int32Array, wide?: Map<number, Dec>) {
    this.words = words ?? new Int32Array(slots * WORDS)
    this.wide = wide
  }

  /** Add x (sign 1) or take it away (sign −1), exactly. */
  add(slot: number, x: Dec, sign: 1 | -1): void {
    if (x.isZero()) return
    const wide = this.wide?.get(slot)
    if (wide !== undefined) {
      this.wide!.set(slot, sign === 1 ? exactPlus(wide, x) : exactMinus(wide, x))
      return
    }
    const { d, e, s } = x as unknown as DecimalParts
    // The term's first word holds the digits of 10^(7·floor(e/7)) and up: it lands on word `first`.
    const first = INTEGER_WORDS - 1 - Math.floor(e / LOG_BASE)
    const last = first + d.length - 1
    if (first < 0 || last >= WORDS) return this.widen(slot, x, sign)
    const w = this.words
    const base = slot * WORDS
    const signed = s * sign
    for (let k = 0; k < d.length; k++) w[base + first + k]! += signed * d[k]!
    // Carries from the last word touched up to the first word of the slot.
    for (let j = base + last; j > base; j--) {
      const v = w[j]!
      if (v >= BASE) {
        w[j] = v - BASE
        w[j - 1]! += 1
      } else if (v < 0) {
        w[j] = v + BASE
        w[j - 1]! -= 1
      } else if (j <= base + first) break
    }
    if (w[base]! > FIRST_WORD_LIMIT || w[base]! < -FIRST_WORD_LIMIT) {
      // Too large for the fixed point: the slot's sum (with x already in) goes on as a decimal.
      const sum = this.get(slot)
      w.fill(0, base, base + WORDS)
      ;(this.wide ??= new Map()).set(slot, sum)
    }
  }

  private widen(slot: number, x: Dec, sign: 1 | -1): void {
    const sum = this.get(slot)
    this.words.fill(0, slot * WORDS, slot * WORDS + WORDS)
    ;(this.wide ??= new Map()).set(slot, sign === 1 ? exactPlus(sum, x) : exactMinus(sum, x))
  }

  /** A slot's sum as text, as decimal.js writes the decimal it is (`get(slot).toString()`). */
  text(slot: number): string {
    const wide = this.wide?.get(slot)
    if (wide !== undefined) return wide.toString()
    const m = this.magnitude(slot)
    if (m === undefined) return "0"
    const negative = this.negative(slot)
    // (The first word goes up to 10⁹: as text, not as m[0] × 10⁷ + m[1], which could pass 2⁵³.)
    const integer = m[0] === 0 ? String(m[1]!) : `${m[0]!}${String(m[1]!).padStart(LOG_BASE, "0")}`
    let fraction = ""
    for (let j = INTEGER_WORDS; j < WORDS; j++) fraction += String(m[j]!).padStart(LOG_BASE, "0")
    fraction = fraction.replace(/0+$/, "")
    const digits = `${negative ? "-" : ""}${fraction === "" ? integer : `${integer}.${fraction}`}`
    // Below 10^-29 decimal.js writes a number with an exponent (Dec's toExpNeg): as it does.
    return integer === "0" && fraction.startsWith("0".repeat(-Dec.toExpNeg - 1)) ? new Dec(digits).toString() : digits
  }

  /**
   * A slot's sum as a decimal (zero: ZERO): the decimal its text parses to (`new Dec(text(slot))`, the
   * same digits, exponent and sign), made from the words directly. decimal.js keeps a decimal as its
   * base-10⁷ words from the first non-zero one to the last (`d`), the place of the first digit (`e`)
   * and the sign (`s`); a slot's words are those words, aligned the same way, once its first word (up
   * to 10⁹) is cut in two.
   */
  get(slot: number): Dec {
    const wide = this.wide?.get(slot)
    if (wide !== undefined) return wide
    const m = this.magnitude(slot)
    if (m === undefined) return ZERO
    // The words by place, 10^14 down to 10^-70: the first word cut into its two base-10⁷ words.
    const byPlace = [Math.floor(m[0]! / BASE), m[0]! % BASE, ...m.slice(1)]
    let from = 0
    while (byPlace[from] === 0) from++
    let to = byPlace.length - 1
    while (byPlace[to] === 0) to--
    const d = byPlace.slice(from, to + 1)
    // byPlace[i] is the word of 10^(7 × (INTEGER_WORDS − i)); e is the place of its first digit.
    const e = LOG_BASE * (INTEGER_WORDS - from) + digitCount(d[0]!) - 1
    return decimalOf(this.negative(slot) ? -1 : 1, e, d)
  }

  /** Whether a slot's sum is below zero (its first word carries the sign). */
  private negative(slot: number): boolean {
    return this.words[slot * WORDS]! < 0
  }

  /**
   * A slot's magnitude as words (the first up to 10⁹, the others in [0, 10⁷)), or undefined for zero:
   * a negative sum's words are 0 − the words, borrowed from the last up.
   */
  private magnitude(slot: number): Array<number> | undefined {
    const w = this.words
    const base = slot * WORDS
    let nonZero = false
    for (let j = base; j < base + WORDS; j++) if (w[j] !== 0) nonZero = true
    if (!nonZero) return undefined
    const negative = w[base]! < 0
    const m: Array<number> = new Array(WORDS)
    let borrow = 0
    for (let j = WORDS - 1; j >= 0; j--) {
      let v = negative ? -w[base + j]! - borrow : w[base + j]!
      if (negative && j > 0) {
        borrow = v < 0 ? 1 : 0
        if (v < 0) v += BASE
      }
      m[j] = v
    }
    return m
  }

  /** Whether a slot of this and a slot of another hold the same sum. */
  same(slot: number, other: ExactSums, otherSlot: number): boolean {
    const a = this.wide?.get(slot)
    const b = other.wide?.get(otherSlot)
    if (a !== undefined || b !== undefined) return (a ?? this.get(slot)).equals(b ?? other.get(otherSlot))
    const base = slot * WORDS
    const otherBase = otherSlot * WORDS
    for (let j = 0; j < WORDS; j++) if (this.words[base + j] !== other.words[otherBase + j]) return false
    return true
  }

  /** A copy (the catch-up keeps the sums as they were before it swaps children). */
  copy(): ExactSums {
    return new ExactSums(this.slots, this.words.slice(), this.wide === undefined ? undefined : new Map(this.wide))
  }
}

/** The fraction digits a slot keeps in its fixed point (for the tests). */
export const EXACT_SUMS_FRACTION_DIGITS = FRACTION_DIGITS
