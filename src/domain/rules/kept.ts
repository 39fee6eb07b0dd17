/**
 * Kept results of exact arithmetic. A national population's child-months
 * repeat the same few numbers (days a week, hours a day, days in a segment,
 * prices, rates) millions of times; working each product out once and
 * keeping it saves most of the decimal arithmetic. Every function here gives
 * exactly what the operation it stands for gives (it is that operation,
 * done once): kept values are immutable decimals, and a value is found again
 * by the same inputs (by value for numbers and text, by identity for
 * decimals, which are only ever shared, never changed).
 *
 * Each table is bounded: past its limit it is emptied and fills again (so a
 * decimal used as a key is held at most until then).
 */
import { Dec } from "../money"

const LIMIT = 50_000

/** A table of values by key, made when first asked for. */
export class Kept<K, V> {
  private readonly values = new Map<K, V>()
  constructor(private readonly limit = LIMIT) {}
  get(key: K, make: () => V): V {
    let v = this.values.get(key)
    if (v === undefined) {
      if (this.values.size >= this.limit) this.values.clear()
      v = make()
      this.values.set(key, v)
    }
    return v
  }
}

/**
 * A table of values by two to four keys (numbers and text by value, objects by identity), made when
 * first asked for: maps of maps, so no key text is built to look a value up.
 */
export class KeptPairs<A, B, V> {
  private values = new Map<A, Map<B, V>>()
  private size = 0
  constructor(private readonly limit = LIMIT) {}
  get(a: A, b: B, make: () => V): V {
    let inner = this.values.get(a)
    if (inner === undefined) this.values.set(a, (inner = new Map()))
    let v = inner.get(b)
    if (v === undefined) {
      v = make()
      if (++this.size > this.limit) {
        this.values = new Map([[a, (inner = new Map())]])
        this.size = 1
      }
      inner.set(b, v)
    }
    return v
  }
}

type Tree = Map<unknown, unknown>

/** Values by a fixed number of keys (see KeptPairs), in maps of maps. */
export class KeptTree<V> {
  private values: Tree = new Map()
  private size = 0
  constructor(private readonly limit = LIMIT) {}
  private node(keys: ReadonlyArray<unknown>): Tree {
    let m = this.values
    for (let i = 0; i < keys.length - 1; i++) {
      let next = m.get(keys[i]) as Tree | undefined
      if (next === undefined) m.set(keys[i], (next = new Map()))
      m = next
    }
    return m
  }
  get(keys: ReadonlyArray<unknown>, make: () => V): V {
    const leaf = this.node(keys)
    const last = keys[keys.length - 1]
    let v = leaf.get(last) as V | undefined
    if (v === undefined) {
      v = make()
      if (++this.size > this.limit) {
        this.values = new Map()
        this.size = 0
        return v
      }
      leaf.set(last, v)
    }
    return v
  }
}

const decimals = new Kept<string | number, Dec>()

/** `new Dec(value)`, kept: the same text or number gives the same decimal object. */
export const decimalOf = (value: string | number): Dec => decimals.get(value, () => new Dec(value))

/** One binary operation on decimals with its results kept (no closure is made per call). */
class KeptOperation {
  private values = new Map<Dec, Map<Dec, Dec>>()
  private size = 0
  constructor(private readonly op: (a: Dec, b: Dec) => Dec) {}
  apply(a: Dec, b: Dec): Dec {
    let inner = this.values.get(a)
    if (inner === undefined) this.values.set(a, (inner = new Map()))
    let v = inner.get(b)
    if (v === undefined) {
      v = this.op(a, b)
      if (++this.size > LIMIT) {
        this.values = new Map([[a, (inner = new Map())]])
        this.size = 1
      }
      inner.set(b, v)
    }
    return v
  }
}

const sums = new KeptOperation((a, b) => a.plus(b))
const products = new KeptOperation((a, b) => a.times(b))
const differences = new KeptOperation((a, b) => a.minus(b))
const quotients = new KeptOperation((a, b) => a.dividedBy(b))

/** a + b, kept. */
export const plus = (a: Dec, b: Dec): Dec => sums.apply(a, b)

/** a × b, kept. */
export const times = (a: Dec, b: Dec): Dec => products.apply(a, b)

/** a − b, kept. */
export const minus = (a: Dec, b: Dec): Dec => differences.apply(a, b)

/** a ÷ b, kept. */
export const dividedBy = (a: Dec, b: Dec): Dec => quotients.apply(a, b)
