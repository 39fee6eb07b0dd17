/**
 * The defaults of the scenario and policy files (./defaults/*.yaml): values a
 * file may leave out, each with its source, the dates on which geldstroom
 * applies it and whether it is an assumption. Data, never literals in code
 * (DOMAIN.md "Numbers"; PARAMETERS.md: what is not public is a scenario input,
 * reported as an assumption).
 *
 * Each default is checked with the zod schema of the field it fills, so a
 * default can never be a value the file itself could not hold. A bad file is
 * an `InvalidFile` naming the file, line and field. The schemas fill their
 * defaults lazily (`z.default(() => ...)`) from the memoised load; the loaders
 * of scenarios and policies load first, so a bad defaults file is reported as
 * a problem rather than thrown.
 */
import { fileURLToPath } from "node:url"
import { z } from "zod"
import { IsoDate } from "../events/fields"
import { InvalidFile, type FileProblem, lineOf, readYamlFile, zodProblems } from "../io/yamlFile"

export const POLICY_DEFAULTS_FILE = fileURLToPath(new URL("./defaults/policy.yaml", import.meta.url))
export const COST_MODEL_DEFAULTS_FILE = fileURLToPath(new URL("./defaults/cost-model.yaml", import.meta.url))
export const DESIGN_DEFAULTS_FILE = fileURLToPath(new URL("./defaults/design.yaml", import.meta.url))

/** A default with where it comes from and when it applies. */
export interface DatedDefault<T> {
  readonly value: T
  /** The first and last day on which geldstroom applies the default (inclusive). */
  readonly validFrom: string
  readonly validUntil: string
  readonly source: string
  /** False only for a value read from a seed, a law or a public table. */
  readonly assumption: boolean
  /** The data file and line it was read from, for messages. */
  readonly file: string
  readonly line: number | undefined
}

export type Defaults<F extends Record<string, z.ZodType>> = { readonly [K in keyof F]: DatedDefault<z.output<F[K]>> }

const Entry = z.strictObject({
  value: z.unknown().refine((v) => v !== undefined, { message: "a default needs a value" }),
  validFrom: IsoDate,
  validUntil: IsoDate,
  source: z.string().min(3),
  assumption: z.boolean()
})

const DefaultsFile = z.strictObject({ defaults: z.record(z.string(), z.unknown()) })

/**
 * Read a defaults file: every field of `fields` must have exactly one entry, its value valid for
 * the field's schema; unknown entries are refused. All problems are reported at once.
 */
export const loadDefaults = <F extends Record<string, z.ZodType>>(file: string, fields: F): Defaults<F> | InvalidFile => {
  const parsed = readYamlFile(file)
  if (parsed instanceof InvalidFile) return parsed
  const shape = DefaultsFile.safeParse(parsed.value)
  if (!shape.success) return new InvalidFile({ file, problems: zodProblems(parsed, shape.error) })
  const problems: Array<FileProblem> = []
  const out: Record<string, DatedDefault<unknown>> = {}
  for (const key of Object.keys(shape.data.defaults))
    if (!(key in fields)) problems.push({ file, line: lineOf(parsed, ["defaults", key]), path: `defaults.${key}`, message: `not a default geldstroom knows (known: ${Object.keys(fields).join(", ")})` })
  for (const [key, schema] of Object.entries(fields)) {
    const at = ["defaults", key]
    if (!(key in shape.data.defaults)) {
      problems.push({ file, line: lineOf(parsed, ["defaults"]), path: at.join("."), message: "missing: every default needs its value, dates and source" })
      continue
    }
    const entry = Entry.safeParse(shape.data.defaults[key])
    if (!entry.success) {
      problems.push(...zodProblems(parsed, entry.error, at))
      continue
    }
    const value = schema.safeParse(entry.data.value)
    if (!value.success) problems.push(...zodProblems(parsed, value.error, [...at, "value"]))
    if (entry.data.validUntil < entry.data.validFrom) problems.push({ file, line: lineOf(parsed, [...at, "validUntil"]), path: `${at.join(".")}.validUntil`, message: "validUntil is before validFrom" })
    if (value.success) out[key] = { ...entry.data, value: value.data, file, line: lineOf(parsed, at) }
  }
  if (problems.length > 0) return new InvalidFile({ file, problems })
  return out as Defaults<F>
}

/**
 * A defaults file loaded once. `load()` returns the defaults or the file's problems (for loaders);
 * `get()` returns the defaults or throws the problems (for schema defaults, after a loader has checked).
 */
export const defaultsFile = <F extends Record<string, z.ZodType>>(file: string, fields: F) => {
  let loaded: Defaults<F> | InvalidFile | undefined
  const load = (): Defaults<F> | InvalidFile => (loaded ??= loadDefaults(file, fields))
  const get = (): Defaults<F> => {
    const d = load()
    if (d instanceof InvalidFile) throw d
    return d
  }
  return { file, load, get }
}

/** Whether a default applies on every day from `from` to `to` (ISO dates, inclusive). */
export const appliesThroughout = (d: DatedDefault<unknown>, from: string, to: string): boolean => d.validFrom <= from && to <= d.validUntil

/** Why a default cannot be used from `from` to `to`, naming its data file and where to give the value instead. */
export const outOfDateProblem = (field: string, d: DatedDefault<unknown>, from: string, to: string, giveIn: string): Omit<FileProblem, "file" | "line"> => ({
  path: field,
  message: `the default ${String(d.value)} (${d.file}${d.line !== undefined ? `:${d.line}` : ""}) applies from ${d.validFrom} to ${d.validUntil}, not ${from === to ? `on ${from}` : `from ${from} to ${to}`}: give '${field}' in ${giveIn}`
})
