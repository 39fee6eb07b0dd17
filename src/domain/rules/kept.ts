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
 * The tables are ../keptTable.ts's: bounded, emptied past their limit.
 */
import { Dec } from "../money"

import { Kept, KeptPairs } from "../keptTable"

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
