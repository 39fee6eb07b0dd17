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

/** The dated value of a parameter on a day (a day number), or MissingParameter. */
export const valueOn = <T = unknown>(
  set: ParameterSet,
  path: string,
  day: number
): Result.Result<DatedValue<T>, MissingParameter> => {
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
      return Result.succeed(v as DatedValue<T>)
    }
  }
  return Result.fail(new MissingParameter({ path, day: iso, detail: "no confirmed value is valid on this day" }))
}

/** A decimal parameter (amounts, hours, percentages) on a day. */
export const decimalOn = (
  set: ParameterSet,
  path: string,
  day: number
): Result.Result<DatedValue<Dec>, MissingParameter> =>
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
