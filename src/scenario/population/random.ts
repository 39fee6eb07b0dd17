/**
 * A small seeded pseudo-random number generator for scenario generators:
 * mulberry32 (a 32-bit state, period 2^32), seeded per child through a
 * splitmix32 hash of (seed, child number). Never Math.random: the same seed
 * gives the same numbers on every machine, and every child has its own
 * stream, so child n's draws do not depend on how many children came before
 * it (adding inflow never changes the children already generated).
 *
 * Not for cryptography; good enough for drawing shares of a population.
 */

/** splitmix32's finaliser: a well-mixed 32-bit hash of a 32-bit number. */
export const mix32 = (x: number): number => {
  let z = (x + 0x9e3779b9) | 0
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad)
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97)
  return (z ^ (z >>> 15)) >>> 0
}

/** A uniform number in [0, 1). */
export type Random = () => number

/** mulberry32 from a 32-bit seed. */
export const mulberry32 = (seed: number): Random => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The random stream of one numbered subject (a child) of a seeded run. */
export const streamFor = (seed: number, subject: number): Random =>
  mulberry32(mix32(mix32(seed >>> 0) ^ mix32(subject >>> 0 ^ 0x5bd1e995)))

/** A whole number in [min, max], both included, at a uniform number `u` in [0, 1). */
export const intAt = (u: number, min: number, max: number): number => min + Math.floor(u * (max - min + 1))

/**
 * A categorical distribution prepared once for fast drawing: the values and
 * their cumulative shares (normalised to end at exactly 1).
 */
export interface Categorical<T> {
  readonly values: ReadonlyArray<T>
  readonly cumulative: Float64Array
}

export const categorical = <T>(entries: ReadonlyArray<readonly [T, number]>): Categorical<T> => {
  const total = entries.reduce((s, [, w]) => s + w, 0)
  if (!(total > 0)) throw new Error("a distribution needs at least one positive share")
  const cumulative = new Float64Array(entries.length)
  let acc = 0
  entries.forEach(([, w], i) => {
    acc += w / total
    cumulative[i] = acc
  })
  cumulative[entries.length - 1] = 1
  return { values: entries.map(([v]) => v), cumulative }
}

/** The value of a distribution at a uniform number `u` in [0, 1) (inverse of the cumulative shares). */
export const pick = <T>(u: number, d: Categorical<T>): T => {
  const c = d.cumulative
  for (let i = 0; i < c.length; i++) if (u < c[i]!) return d.values[i]!
  return d.values[d.values.length - 1]!
}
