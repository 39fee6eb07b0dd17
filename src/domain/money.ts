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
 * Largest-remainder split of exact parts into whole cents summing to `total`: each part is floored
 * to cents; the cents still missing go one by one to the parts with the largest remainder, ties
 * broken by the order of `parts`. Parts must be non-negative.
 */
export const largestRemainder = <K extends string>(parts: ReadonlyArray<readonly [K, Dec]>, total: bigint): Array<[K, bigint]> => {
  const floored = parts.map(([key, value], index) => {
    const scaled = value.times(100)
    const floor = scaled.floor()
    return { key, index, cents: BigInt(floor.toFixed(0)), remainder: scaled.minus(floor) }
  })
  let missing = total - floored.reduce((acc, p) => acc + p.cents, 0n)
  const order = [...floored].sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index)
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
  const residuals = options.residuals ?? new Set<K>()
  const residualIdx = parts.map(([k], i) => (residuals.has(k) ? i : -1)).filter((i) => i >= 0)
  if (residualIdx.length === 0) return largestRemainder(parts, total)
  const out = parts.map(([k, v]): [K, bigint] => [k, residuals.has(k) ? 0n : toCents(v)])
  const absorber = residualIdx[residualIdx.length - 1]!
  for (const i of residualIdx) if (i !== absorber) out[i]![1] = toCents(parts[i]![1])
  out[absorber]![1] = total - out.reduce((acc, [, c], i) => (i === absorber ? acc : acc + c), 0n)
  return out.some(([, c]) => c < 0n) ? largestRemainder(parts, total) : out
}
