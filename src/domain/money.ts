/**
 * Exact money.
 *
 * Every amount is computed with decimal.js at 60 significant digits and never
 * rounded on the way. Rounding happens once, at the ledger, to whole cents:
 * the total is rounded half-up and the parts are split with the largest-remainder
 * rule (`splitToCents`), so the parts always sum to the rounded total, to the cent.
 * See docs/decisions/0004-exact-money.md.
 */
import Decimal from "decimal.js"
import { Kept } from "./keptTable"

export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 })
export type Dec = InstanceType<typeof Dec>

/**
 * Exact sums. A sum of many amounts in 60-digit arithmetic rounds as it grows, so its last digits
 * depend on the order of the terms. Totals that are kept and later corrected (a group-month's
 * kindplek shares, occupied place-days, a projection's totals) are added with enough digits never
 * to round: the same terms in any order, or a term taken out again, give the same total.
 */
const Wide = Decimal.clone({ precision: 1_000_000, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 })

/**
 * Whether a ± b has all its digits within 60 significant digits, so the 60-digit operation gives it
 * exactly (no rounding): the digits of finite a and b run from exponent `e` (the first) down to
 * `e − sd + 1` (the last); their sum's from one place above the higher first digit (a carry) down to
 * the lower last digit. NaN and infinities never fit (their `e` is NaN).
 */
const fitsPrecision = (a: Dec, b: Dec): boolean =>
  Math.max(a.e, b.e) + 1 - Math.min(a.e - a.sd() + 1, b.e - b.sd() + 1) < Dec.precision

/** a + b, exactly (the result may carry more than 60 digits; the next 60-digit operation rounds it). */
export const exactPlus = (a: Dec, b: Dec): Dec =>
  a.isZero() ? b : b.isZero() ? a : fitsPrecision(a, b) ? a.plus(b) : new Dec(new Wide(a).plus(b))

/** a − b, exactly. */
export const exactMinus = (a: Dec, b: Dec): Dec =>
  b.isZero() ? a : fitsPrecision(a, b) ? a.minus(b) : new Dec(new Wide(a).minus(b))

export const ZERO: Dec = new Dec(0)
export const ONE: Dec = new Dec(1)

/**
 * 0 + x, as a 60-digit sum from zero gives it: x itself when x is non-zero with at most 60 digits
 * (the sum neither rounds nor changes it, so no copy is made), else the sum.
 */
export const fromZero = (x: Dec): Dec => (!x.isZero() && x.sd() <= Dec.precision ? x : ZERO.plus(x))

export const sum = (values: Iterable<Dec>): Dec => {
  let total = ZERO
  for (const v of values) total = total.plus(v)
  return total
}

/**
 * a compared with b: −1, 0 or 1, as `a.comparedTo(b)`, for finite decimals, without copying b
 * (decimal.js copies its argument on every comparison; the rules compare millions of times).
 * Reads decimal.js's documented representation: sign `s`, exponent `e`, base-10^7 digits `d`.
 */
export const compare = (a: Dec, b: Dec): number => {
  const ad = a.d
  const bd = b.d
  if (ad === null || bd === null || ad === undefined || bd === undefined) return a.comparedTo(b)
  const aZero = ad[0] === 0
  const bZero = bd[0] === 0
  if (aZero || bZero) return aZero && bZero ? 0 : aZero ? -b.s : a.s
  if (a.s !== b.s) return a.s
  const sign = a.s
  if (a.e !== b.e) return a.e > b.e ? sign : -sign
  const n = Math.min(ad.length, bd.length)
  for (let i = 0; i < n; i++) if (ad[i] !== bd[i]) return ad[i]! > bd[i]! ? sign : -sign
  return ad.length === bd.length ? 0 : ad.length > bd.length ? sign : -sign
}

export const min = (a: Dec, b: Dec): Dec => (compare(a, b) < 0 ? a : b)
export const max = (a: Dec, b: Dec): Dec => (compare(a, b) > 0 ? a : b)

/** a > 0, without a comparison's copy. */
export const isPositive = (a: Dec): boolean => !a.isZero() && !a.isNegative() && !a.isNaN()

/** Whole cents of an amount by decimal.js's own operations (any amount; `toCents` for the common ones). */
export const centsByDecimal = (amount: Dec): bigint =>
  BigInt(amount.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0))

/**
 * Whole cents of an amount, rounded half-up (the ledger's rounding of a total): away from zero from
 * half a cent, as decimal.js's ROUND_HALF_UP. Read from the digits (decimal.js's documented `d`, `e`,
 * `s`: base-10⁷ words, the first one's place is ⌊e ÷ 7⌋), without the three operations and their
 * objects that `centsByDecimal` makes: for |amount| < 10¹³ the whole cents fit a float exactly, and
 * whether to round up reads one digit (the thousandth: half a cent or more is a thousandth's digit
 * of 5 or more, whatever follows). Larger amounts, NaN and infinities go by `centsByDecimal`;
 * test/domain/exactArithmetic.test.ts holds the two equal (and both equal to cents worked out from the exact value).
 */
export const toCents = (amount: Dec): bigint => {
  const d = amount.d
  const e = amount.e
  if (d === null || d === undefined || !(e < 13)) return centsByDecimal(amount)
  if (d[0] === 0 || e < -3) return 0n
  // The place of d[k] is 10^(7 × (first − k)), first 1, 0 or −1 here (−3 ≤ e < 13): words of place
  // 1 and 0 are the whole part (trailing zero words are left out of d), place −1 holds the tenths
  // down to the ten-millionths, and what lies below cannot reach a thousandth.
  const first = Math.floor(e / 7)
  let whole = 0
  let tenths = 0
  for (let k = 0; k < d.length; k++) {
    const place = first - k
    if (place === 1) whole += d[k]! * 10_000_000
    else if (place === 0) whole += d[k]!
    else {
      if (place === -1) tenths = d[k]!
      break
    }
  }
  const cents = whole * 100 + Math.floor(tenths / 100_000) + (Math.floor(tenths / 10_000) % 10 >= 5 ? 1 : 0)
  return BigInt(amount.s < 0 ? -cents : cents)
}

export const centsToString = (cents: bigint): string => {
  const negative = cents < 0n
  const abs = negative ? -cents : cents
  const whole = abs / 100n
  const frac = abs % 100n
  return `${negative ? "-" : ""}${whole}.${frac.toString().padStart(2, "0")}`
}


/** A money amount as the ledger prints it: two decimals, half-up. */
export const formatMoney = (amount: Dec): string => centsToString(toCents(amount))

/** An amount's cents, floored, and what is left of a cent (amount × 100 − floor, exact: a scaled 60-digit amount minus its integer part). */
interface Floored {
  readonly cents: bigint
  readonly remainder: Dec
}

/** Floors kept per amount, as `toCents` keeps its cents (decimals are never changed, so a kept floor is the floor). */
const floors = new Kept<Dec, Floored>()

const floorOf = (value: Dec): Floored => {
  const scaled = value.times(100)
  const floor = scaled.floor()
  return { cents: BigInt(floor.toFixed(0)), remainder: scaled.minus(floor) }
}

const flooredCents = (value: Dec): Floored => floors.get(value, floorOf)

/**
 * Largest-remainder split of exact parts into whole cents summing to `total`: each part is floored
 * to cents; the cents still missing go one by one to the parts with the largest remainder, ties
 * broken by the order of `parts`. Parts must be non-negative.
 */
export const largestRemainder = <K extends string>(parts: ReadonlyArray<readonly [K, Dec]>, total: bigint): Array<[K, bigint]> => {
  const floored = parts.map(([key, value], index) => {
    const f = flooredCents(value)
    return { key, index, cents: f.cents, remainder: f.remainder }
  })
  let missing = total - floored.reduce((acc, p) => acc + p.cents, 0n)
  const order = [...floored].sort((a, b) => compare(b.remainder, a.remainder) || a.index - b.index)
  for (let i = 0; missing > 0n && order.length > 0; i = (i + 1) % order.length) {
    order[i]!.cents += 1n
    missing -= 1n
  }
  // A total a cent below the floors (a 60-digit sum a hair above a half cent): take it back from the
  // smallest remainders that have a cent to give.
  for (const p of [...order].reverse()) {
    if (missing >= 0n) break
    if (p.cents > 0n) {
      p.cents -= 1n
      missing += 1n
    }
  }
  return floored.map((p) => [p.key, p.cents])
}

/**
 * Split a child-month's exact stream amounts into whole cents that sum to its rounded cost.
 *
 * Every stream that is not a residual payer is rounded half-up on its own, so KOT, SMI, subsidies
 * and Jeugdwet money are exactly what rounding their own amount gives, whatever else the child-month
 * holds (and a comparison of two scenarios shows no cent of noise in them). The residual payers
 * (parent, provider: who pays what no stream covers) absorb the rounding difference, the last one
 * in `parts` order first. If that would make a residual negative, or there is no residual part, the
 * whole split falls back to the largest-remainder rule (`largestRemainder`). Deterministic; parts
 * must be non-negative. `total` defaults to the half-up rounding of the parts' sum.
 */
export const splitToCents = <K extends string>(
  parts: ReadonlyArray<readonly [K, Dec]>,
  options: { readonly total?: bigint; readonly residuals?: ReadonlySet<K> } = {}
): Array<[K, bigint]> => {
  const total = options.total ?? toCents(sum(parts.map(([, v]) => v)))
  const residuals = options.residuals
  // The absorber: the last residual part.
  let absorber = parts.length - 1
  while (absorber >= 0 && !(residuals?.has(parts[absorber]![0]) ?? false)) absorber--
  if (absorber < 0) return largestRemainder(parts, total)
  const out = new Array<[K, bigint]>(parts.length)
  let rest = total
  let negative = false
  for (let i = 0; i < parts.length; i++) {
    if (i === absorber) continue
    const [k, v] = parts[i]!
    const c = toCents(v)
    out[i] = [k, c]
    rest -= c
    if (c < 0n) negative = true
  }
  out[absorber] = [parts[absorber]![0], rest]
  return negative || rest < 0n ? largestRemainder(parts, total) : out
}
