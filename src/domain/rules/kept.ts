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
  get(key: K, make: () => V): V {
    let v = this.values.get(key)
    if (v === undefined) {
      if (this.values.size >= LIMIT) this.values.clear()
      v = make()
      this.values.set(key, v)
    }
    return v
  }
}

/**
 * A table of values by two keys (numbers and text by value, objects by identity), made when first
 * asked for: maps of maps, so no key text is built to look a value up. `make` is given the keys, so
 * a caller may pass one function made once rather than a closure per call.
 */
export class KeptPairs<A, B, V> {
  private values = new Map<A, Map<B, V>>()
  private size = 0
  get(a: A, b: B, make: (a: A, b: B) => V): V {
    let inner = this.values.get(a)
    if (inner === undefined) this.values.set(a, (inner = new Map()))
    let v = inner.get(b)
    if (v === undefined) {
      v = make(a, b)
      if (++this.size > LIMIT) {
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
      if (++this.size > LIMIT) {
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

/** The four operations, each with its results kept (by its operands' identity). */
const sums = new KeptPairs<Dec, Dec, Dec>()
const products = new KeptPairs<Dec, Dec, Dec>()
const differences = new KeptPairs<Dec, Dec, Dec>()
const quotients = new KeptPairs<Dec, Dec, Dec>()
const add = (a: Dec, b: Dec): Dec => a.plus(b)
const multiply = (a: Dec, b: Dec): Dec => a.times(b)
const subtract = (a: Dec, b: Dec): Dec => a.minus(b)
const divide = (a: Dec, b: Dec): Dec => a.dividedBy(b)

/** a + b, kept. */
export const plus = (a: Dec, b: Dec): Dec => sums.get(a, b, add)

/** a × b, kept. */
export const times = (a: Dec, b: Dec): Dec => products.get(a, b, multiply)

/** a − b, kept. */
export const minus = (a: Dec, b: Dec): Dec => differences.get(a, b, subtract)

/** a ÷ b, kept. */
export const dividedBy = (a: Dec, b: Dec): Dec => quotients.get(a, b, divide)
