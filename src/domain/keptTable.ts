/**
 * Bounded tables of values worked out once and kept (memo tables): by one key, two keys, three keys,
 * or a fixed number of keys (numbers and text by value, objects by identity). Past its limit a table
 * is emptied and fills again, so what it holds stays bounded and a key object is held at most until
 * then (or, for the last keys asked for, until others are asked for). Only for values that never
 * change once made: the same key always gives the same value. Tables per owner object (a policy, a
 * parameter set: `KeptPerOwner`, `KeptPerOwners`) are kept for a few owners at a time, emptied past
 * that like the tables themselves. Nothing is kept with the values a table hands out (no table hangs
 * off a kept value): every kept result is in a table of its own, of a fixed size, so all the kept
 * results together are bounded by the sum of the tables' limits, whatever the number of children.
 * Used by the exact arithmetic of the rules (./rules/kept.ts and the rules' own tables), the calendar
 * and money.
 */
const LIMIT = 50_000

/** Owners (or pairs of owners) whose tables are kept at a time: a run asks under one, a comparison under two. */
const OWNERS = 2

/**
 * The last keys asked for and their value are held beside each table's maps: children of one group
 * follow one another and ask the same things in a row, and `===` on the keys is much cheaper than a
 * map's lookup. (`===` never finds keys equal that the maps tell apart: NaN is found in the maps only,
 * and +0 and -0 are one key in both.) Before the first value, the keys are this, which nobody passes.
 */
const NOTHING: unique symbol = Symbol("nothing asked yet")

/**
 * A table of values by key, made when first asked for (`make` is given the key, so a caller may pass
 * one function made once rather than a closure per call). At most `limit` values: then emptied.
 */
export class Kept<K, V> {
  private readonly values = new Map<K, V>()
  private lastKey: K | typeof NOTHING = NOTHING
  private lastValue: V | undefined
  constructor(private readonly limit: number = LIMIT) {}
  get(key: K, make: (key: K) => V): V {
    if (key === this.lastKey) return this.lastValue!
    let v = this.values.get(key)
    if (v === undefined) {
      if (this.values.size >= this.limit) this.values.clear()
      v = make(key)
      this.values.set(key, v)
    }
    this.lastKey = key
    this.lastValue = v
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
  private lastA: A | typeof NOTHING = NOTHING
  private lastB: B | typeof NOTHING = NOTHING
  private lastValue: V | undefined
  constructor(private readonly limit: number = LIMIT) {}
  get(a: A, b: B, make: (a: A, b: B) => V): V {
    if (a === this.lastA && b === this.lastB) return this.lastValue!
    const v = this.find(a, b, make)
    this.lastA = a
    this.lastB = b
    this.lastValue = v
    return v
  }
  private find(a: A, b: B, make: (a: A, b: B) => V): V {
    let inner = this.values.get(a)
    if (inner === undefined) this.values.set(a, (inner = new Map()))
    let v = inner.get(b)
    if (v === undefined) {
      v = make(a, b)
      if (++this.size > this.limit) {
        this.values = new Map([[a, (inner = new Map())]])
        this.size = 1
      }
      inner.set(b, v)
    }
    return v
  }
}

/** Values by three keys (see KeptPairs), in maps of maps of maps: no key array or text per lookup. */
export class KeptTriples<A, B, C, V> {
  private values = new Map<A, Map<B, Map<C, V>>>()
  private size = 0
  private lastA: A | typeof NOTHING = NOTHING
  private lastB: B | typeof NOTHING = NOTHING
  private lastC: C | typeof NOTHING = NOTHING
  private lastValue: V | undefined
  constructor(private readonly limit: number = LIMIT) {}
  get(a: A, b: B, c: C, make: (a: A, b: B, c: C) => V): V {
    if (a === this.lastA && b === this.lastB && c === this.lastC) return this.lastValue!
    const v = this.find(a, b, c, make)
    this.lastA = a
    this.lastB = b
    this.lastC = c
    this.lastValue = v
    return v
  }
  private find(a: A, b: B, c: C, make: (a: A, b: B, c: C) => V): V {
    let byB = this.values.get(a)
    if (byB === undefined) this.values.set(a, (byB = new Map()))
    let byC = byB.get(b)
    if (byC === undefined) byB.set(b, (byC = new Map()))
    let v = byC.get(c)
    if (v === undefined) {
      v = make(a, b, c)
      if (++this.size > this.limit) {
        this.values = new Map([[a, (byB = new Map([[b, (byC = new Map())]]))]])
        this.size = 1
      }
      byC.set(c, v)
    }
    return v
  }
}

/**
 * Tables of one kind per pair of owner objects (a policy and a parameter set, say), made when first
 * asked for. Kept for at most `OWNERS` pairs: a pair past that empties what was kept (so at most that
 * many owners' tables are held, each bounded, and an owner is held at most until then). The last pair
 * asked for is found again by two identity comparisons (a run asks for the same pair for every
 * child-month).
 */
export class KeptPerOwners<A extends object, B extends object, T> {
  private readonly tables = new Map<A, Map<B, T>>()
  private count = 0
  private lastA: A | undefined
  private lastB: B | undefined
  private last: T | undefined
  constructor(private readonly make: (a: A, b: B) => T) {}
  of(a: A, b: B): T {
    if (a === this.lastA && b === this.lastB) return this.last!
    let byB = this.tables.get(a)
    let t = byB?.get(b)
    if (t === undefined) {
      if (++this.count > OWNERS) {
        this.tables.clear()
        this.count = 1
        byB = undefined
      }
      if (byB === undefined) this.tables.set(a, (byB = new Map()))
      byB.set(b, (t = this.make(a, b)))
    }
    this.lastA = a
    this.lastB = b
    this.last = t
    return t
  }
}

/** Tables of one kind per owner object (a parameter set, say), made when first asked for, kept for at most `OWNERS` owners (see KeptPerOwners). */
export class KeptPerOwner<A extends object, T> {
  private readonly tables = new Map<A, T>()
  private lastA: A | undefined
  private last: T | undefined
  constructor(private readonly make: (owner: A) => T) {}
  of(a: A): T {
    if (a === this.lastA) return this.last!
    let t = this.tables.get(a)
    if (t === undefined) {
      if (this.tables.size >= OWNERS) this.tables.clear()
      this.tables.set(a, (t = this.make(a)))
    }
    this.lastA = a
    this.last = t
    return t
  }
}

type Tree = Map<unknown, unknown>

/** Values by a fixed number of keys (see KeptPairs), in maps of maps. */
export class KeptTree<V> {
  private values: Tree = new Map()
  private size = 0
  constructor(private readonly limit: number = LIMIT) {}
  private node(keys: ReadonlyArray<unknown>): Tree {
    let m = this.values
    for (let i = 0; i < keys.length - 1; i++) {
      let next = m.get(keys[i]) as Tree | undefined
      if (next === undefined) m.set(keys[i], (next = new Map()))
      m = next
    }
    return m
  }
  get(keys: ReadonlyArray<unknown>, make: (keys: ReadonlyArray<unknown>) => V): V {
    const leaf = this.node(keys)
    const last = keys[keys.length - 1]
    let v = leaf.get(last) as V | undefined
    if (v === undefined) {
      v = make(keys)
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
