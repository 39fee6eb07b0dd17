/**
 * Pure lookups in a ParameterSet. Overrides from a scenario are layered on top
 * of the shipped values by `withOverrides`; within its validity window an
 * override wins.
 */
import { Result } from "effect"
import { fromDayNumber } from "../calendar"
import { Dec } from "../money"
import { type DatedValue, MissingParameter, type Parameter, type ParameterSet } from "./types"

export const emptyParameterSet: ParameterSet = { parameters: new Map() }

/**
 * Lookups are kept per parameter set, by path and day. A ParameterSet is never changed once built
 * (`withOverrides` makes a new one), so a lookup's answer is a pure function of (set, path, day):
 * the rules ask the same few values for millions of child-months.
 */
type Answers<V> = WeakMap<ParameterSet, Map<string, Map<number, V>>>

/** The answer of `make` for (set, path, day), made when first asked for and kept (no closure per call). */
const kept = <V>(
  answers: Answers<V>,
  set: ParameterSet,
  path: string,
  day: number,
  make: (set: ParameterSet, path: string, day: number) => V
): V => {
  let byPath = answers.get(set)
  if (byPath === undefined) answers.set(set, (byPath = new Map()))
  let byDay = byPath.get(path)
  if (byDay === undefined) byPath.set(path, (byDay = new Map()))
  let found = byDay.get(day)
  if (found === undefined) byDay.set(day, (found = make(set, path, day)))
  return found
}

const values: Answers<Result.Result<DatedValue, MissingParameter>> = new WeakMap()
const decimals: Answers<Result.Result<DatedValue<Dec>, MissingParameter>> = new WeakMap()

/** The dated value of a parameter on a day (a day number), or MissingParameter. */
export const valueOn = <T = unknown>(
  set: ParameterSet,
  path: string,
  day: number
): Result.Result<DatedValue<T>, MissingParameter> =>
  kept(values, set, path, day, lookUp) as Result.Result<DatedValue<T>, MissingParameter>

/** A decimal parameter (amounts, hours, percentages) on a day. */
export const decimalOn = (set: ParameterSet, path: string, day: number): Result.Result<DatedValue<Dec>, MissingParameter> =>
  kept(decimals, set, path, day, toDecimal)

const lookUp = (set: ParameterSet, path: string, day: number): Result.Result<DatedValue, MissingParameter> => {
  const iso = fromDayNumber(day)
  const parameter = set.parameters.get(path)
  if (parameter === undefined) {
    return Result.fail(new MissingParameter({ path, day: iso, detail: "no such parameter is known" }))
  }
  // Later entries win: overrides are appended after the shipped values.
  for (let i = parameter.values.length - 1; i >= 0; i--) {
    const v = parameter.values[i]!
    if (v.validFrom <= iso && iso <= v.validUntil) {
      if (v.value === null || v.value === undefined) break
      return Result.succeed(v)
    }
  }
  return Result.fail(new MissingParameter({ path, day: iso, detail: "no confirmed value is valid on this day" }))
}

const toDecimal = (set: ParameterSet, path: string, day: number): Result.Result<DatedValue<Dec>, MissingParameter> =>
  Result.map(valueOn<string | number>(set, path, day), (v) => ({ ...v, value: new Dec(v.value) }))

/** Layer scenario-supplied values over a parameter set. Unknown paths become new parameters. */
export const withOverrides = (
  set: ParameterSet,
  overrides: ReadonlyArray<{ readonly path: string; readonly value: DatedValue }>
): ParameterSet => {
  const parameters = new Map(set.parameters)
  for (const { path, value } of overrides) {
    const existing: Parameter | undefined = parameters.get(path)
    parameters.set(path, {
      path,
      description: existing?.description ?? "supplied by the scenario",
      unit: existing?.unit ?? "",
      values: [...(existing?.values ?? []), value]
    })
  }
  return { parameters }
}
