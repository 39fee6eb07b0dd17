/**
 * Bounded tables of values worked out once and kept (memo tables): by one key, two keys, or a fixed
 * number of keys (numbers and text by value, objects by identity). Past its limit a table is
 * emptied and fills again, so what it holds stays bounded and a key object is held at most until
 * then. Only for values that never change once made: the same key always gives the same value.
 * Used by the exact arithmetic of the rules (./rules/kept.ts), the calendar and money.
 */
const LIMIT = 50_000

/**
 * A table of values by key, made when first asked for (`make` is given the key, so a caller may pass
 * one function made once rather than a closure per call). At most `limit` values: then emptied.
 */
export class Kept<K, V> {
  private readonly values = new Map<K, V>()
  constructor(private readonly limit: number = LIMIT) {}
  get(key: K, make: (key: K) => V): V {
    let v = this.values.get(key)
    if (v === undefined) {
      if (this.values.size >= this.limit) this.values.clear()
      v = make(key)
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
