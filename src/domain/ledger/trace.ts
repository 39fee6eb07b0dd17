/**
 * Traces: why an amount is what it is. Every ledger line carries one: the rule,
 * its source, the formula with the numbers put in, the parameter values read
 * (with their validity and source) and the events that grounded it.
 * After OpenFisca's tracer and MinBZK machine-law's legal basis per step.
 */
import { fromDayNumber } from "../calendar"
import type { DatedValue } from "../parameters/types"

export interface ParameterRead {
  readonly path: string
  readonly value: string
  readonly validFrom: string
  readonly validUntil: string
  readonly source: string
  readonly assumption: boolean
}

export interface Trace {
  /** Rule id, e.g. `kot`, `smi`, `kindplek`, `residual`. */
  readonly rule: string
  /** What the rule does, in one sentence. */
  readonly description: string
  /** Seed file and section, or law and article. */
  readonly source: string
  /** The computation with the numbers put in, one step per line. */
  readonly formula: ReadonlyArray<string>
  readonly parameters: ReadonlyArray<ParameterRead>
  readonly events: ReadonlyArray<string>
}

export const parameterRead = (path: string, v: DatedValue<unknown>, shown?: string): ParameterRead => ({
  path,
  value: shown ?? String(v.value),
  validFrom: v.validFrom,
  validUntil: v.validUntil,
  source: v.source,
  assumption: v.assumption
})

export const sourcedRead = (
  path: string,
  v: { readonly value: { toString(): string }; readonly source: string; readonly assumption: boolean }
): ParameterRead => ({
  path,
  value: v.value.toString(),
  validFrom: "",
  validUntil: "",
  source: v.source,
  assumption: v.assumption
})

/** Merge parameter reads, keeping each (path, value, validFrom) once. */
export const mergeReads = (reads: ReadonlyArray<ParameterRead>): ReadonlyArray<ParameterRead> => {
  const seen = new Map<string, ParameterRead>()
  for (const r of reads) seen.set(`${r.path}|${r.value}|${r.validFrom}`, r)
  return [...seen.values()]
}

export const mergeEvents = (...lists: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<string> =>
  [...new Set(lists.flat())].sort()

export const dayRange = (from: number, to: number): string =>
  from === to ? fromDayNumber(from) : `${fromDayNumber(from)}..${fromDayNumber(to)}`

/**
 * The lists a rule writes its trace's texts and parameter reads to when it computes without traces:
 * one shared empty list each, frozen (nothing is written to them untraced; a write would throw).
 */
export const UNTRACED_TEXTS: Array<string> = Object.freeze([]) as unknown as Array<string>
export const UNTRACED_READS: Array<ParameterRead> = Object.freeze([]) as unknown as Array<ParameterRead>

const untracedByRule = new Map<string, Trace>()

/** The trace of a line computed without traces (`RuleContext.traces` false): only the rule's id. */
export const untraced = (rule: string): Trace => {
  let t = untracedByRule.get(rule)
  if (t === undefined) {
    t = Object.freeze({ rule, description: "", source: "", formula: [], parameters: [], events: [] })
    untracedByRule.set(rule, t)
  }
  return t
}
