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

export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 })
export type Dec = InstanceType<typeof Dec>

export const ZERO: Dec = new Dec(0)
export const ONE: Dec = new Dec(1)
export const HUNDRED: Dec = new Dec(100)

export const dec = (value: string | number | Dec): Dec => new Dec(value)

export const sum = (values: Iterable<Dec>): Dec => {
  let total = ZERO
  for (const v of values) total = total.plus(v)
  return total
}

export const min = (a: Dec, b: Dec): Dec => (a.lessThan(b) ? a : b)
export const max = (a: Dec, b: Dec): Dec => (a.greaterThan(b) ? a : b)
export const clampZero = (a: Dec): Dec => (a.isNegative() ? ZERO : a)

/** Whole cents of an amount, rounded half-up (the ledger's rounding of a total). */
export const toCents = (amount: Dec): bigint => BigInt(amount.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0))

export const centsToString = (cents: bigint): string => {
  const negative = cents < 0n
  const abs = negative ? -cents : cents
  const whole = abs / 100n
  const frac = abs % 100n
  return `${negative ? "-" : ""}${whole}.${frac.toString().padStart(2, "0")}`
}

export const centsToDec = (cents: bigint): Dec => new Dec(cents.toString()).dividedBy(100)

/** A money amount as the ledger prints it: two decimals, half-up. */
export const formatMoney = (amount: Dec): string => centsToString(toCents(amount))

/**
 * Split exact parts into whole cents that sum to the rounded total.
 *
 * Each part is floored to cents; the cents still missing to reach
 * `toCents(sum(parts))` go one by one to the parts with the largest remainder,
 * ties broken by the order of `parts` (the stream order of the policy), so the
 * result is deterministic. Parts must be non-negative.
 */
export const splitToCents = <K extends string>(parts: ReadonlyArray<readonly [K, Dec]>): Array<[K, bigint]> => {
  const total = toCents(sum(parts.map(([, v]) => v)))
  const floored = parts.map(([key, value], index) => {
    const scaled = value.times(100)
    const floor = scaled.floor()
    return { key, index, cents: BigInt(floor.toFixed(0)), remainder: scaled.minus(floor) }
  })
  let missing = total - floored.reduce((acc, p) => acc + p.cents, 0n)
  const order = [...floored].sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index)
  for (const p of order) {
    if (missing <= 0n) break
    p.cents += 1n
    missing -= 1n
  }
  return floored.map((p) => [p.key, p.cents])
}
