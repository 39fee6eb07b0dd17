/**
 * Loading a scenario: validate the file (all problems at once, with lines),
 * follow `extends:`, load its policy, and layer its parameter overrides over
 * the shipped parameters (each override becomes a reported assumption).
 */
import { readFileSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { monthsBetween, type YearMonth } from "../domain/calendar"
import { withOverrides } from "../domain/parameters/lookup"
import type { ParameterSet } from "../domain/parameters/types"
import type { Policy } from "../domain/policy/types"
import { InvalidFile, type FileProblem, lineOf, readYamlFile, zodProblems } from "../io/yamlFile"
import { loadParameterTree, valueSchemaFor } from "../parameters/load"
import { loadPolicy } from "../policy/load"
import { type ScenarioFile, ScenarioSchema } from "./schema"

export interface LoadedScenario {
  readonly file: string
  readonly dir: string
  readonly spec: ScenarioFile
  /** The scenario's own text and those it extends, for the fingerprint. */
  readonly texts: ReadonlyArray<string>
  readonly policy: Policy
  readonly policyFile: string
  readonly params: ParameterSet
  readonly months: ReadonlyArray<YearMonth>
}

const mergeScenario = (base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(over)) {
    const b = out[k]
    out[k] =
      v && typeof v === "object" && !Array.isArray(v) && b && typeof b === "object" && !Array.isArray(b)
        ? mergeScenario(b as Record<string, unknown>, v as Record<string, unknown>)
        : v
  }
  return out
}

/** Paths inside a scenario are relative to the file that names them; rebase them before merging. */
const rebase = (raw: Record<string, unknown>, fromDir: string): Record<string, unknown> => {
  const out = { ...raw }
  if (typeof out.policy === "string") out.policy = resolve(fromDir, out.policy)
  const ev = out.events as Record<string, unknown> | undefined
  if (ev && typeof ev.file === "string") out.events = { ...ev, file: resolve(fromDir, ev.file) }
  return out
}

export const readScenarioRaw = (
  file: string,
  problems: Array<FileProblem>,
  seen: ReadonlyArray<string> = []
): { raw: Record<string, unknown>; texts: Array<string>; parsed: ReturnType<typeof readYamlFile> } => {
  const parsed = readYamlFile(file)
  if (parsed instanceof InvalidFile) {
    problems.push(...parsed.problems)
    return { raw: {}, texts: [], parsed }
  }
  const raw = rebase((parsed.value ?? {}) as Record<string, unknown>, dirname(file))
  const texts = [readFileSync(file, "utf8")]
  if (typeof raw.extends !== "string") return { raw, texts, parsed }
  const baseFile = resolve(dirname(file), raw.extends)
  if (seen.includes(baseFile) || baseFile === file) {
    problems.push({ file, line: lineOf(parsed, ["extends"]), path: "extends", message: `extends itself through ${baseFile}` })
    return { raw, texts, parsed }
  }
  const base = readScenarioRaw(baseFile, problems, [...seen, file])
  const { extends: _e, ...rest } = raw
  const { name: _n, description: _d, ...baseRest } = base.raw
  return { raw: mergeScenario(baseRest, rest), texts: [...base.texts, ...texts], parsed }
}

export const loadScenario = (fileArg: string): LoadedScenario | InvalidFile => {
  const file = resolve(fileArg)
  const problems: Array<FileProblem> = []
  const { raw, texts, parsed } = readScenarioRaw(file, problems)
  if (parsed instanceof InvalidFile || problems.length > 0) return new InvalidFile({ file: fileArg, problems })
  const result = ScenarioSchema.safeParse(raw)
  if (!result.success) return new InvalidFile({ file: fileArg, problems: zodProblems(parsed, result.error) })
  const spec = result.data
  spec.parameters.forEach((o, i) => {
    const checked = valueSchemaFor(o.path).safeParse(o.value)
    if (!checked.success) problems.push(...zodProblems(parsed, checked.error, ["parameters", i, "value"]))
  })
  if (problems.length > 0) return new InvalidFile({ file: fileArg, problems })
  const policyFile = resolve(dirname(file), spec.policy)
  const policy = loadPolicy(policyFile)
  const shipped = loadParameterTree()
  const errors = [policy, shipped].filter((x): x is InvalidFile => x instanceof InvalidFile)
  if (errors.length > 0) return new InvalidFile({ file: fileArg, problems: errors.flatMap((e) => e.problems) })
  const params = withOverrides(
    shipped as ParameterSet,
    spec.parameters.map((o) => ({
      path: o.path,
      value: { value: o.value, validFrom: o.validFrom, validUntil: o.validUntil, source: `${o.source} (scenario ${fileArg})`, assumption: o.assumption ?? true }
    }))
  )
  return {
    file,
    dir: dirname(file),
    spec,
    texts,
    policy: policy as Policy,
    policyFile,
    params,
    months: monthsBetween(spec.period.from, spec.period.to)
  }
}
