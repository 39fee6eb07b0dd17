/**
 * Following `extends:` in YAML files (scenarios and policies): a file names
 * another file, relative to itself, whose fields it takes unless it gives its
 * own. One implementation for both kinds, with one merge rule:
 *
 * - objects merge key by key, recursively: a file that extends another changes
 *   one nested field without repeating its siblings (`kindplek.occupancyFloor`);
 * - anything else (a scalar, a list, null) in the extending file replaces the
 *   value it extends: lists are whole things (a layer's payers in order, a
 *   scenario's parameter overrides), never spliced;
 * - the keys a kind lists as its own identity (a policy's id, name, description
 *   and source; a scenario's name and description) are never inherited: each
 *   file says what it is itself.
 *
 * What differs per kind is data, not code: those identity keys, and a
 * `prepare` step (a scenario's paths are relative to the file naming them and
 * are made absolute before merging). A cycle, or a file it extends that cannot
 * be read, is one problem at the `extends:` line naming the files.
 */
import { readFileSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { type FileProblem, InvalidFile, lineOf, type ParsedYaml, parseYamlText } from "./yamlFile"

export interface ExtendsRules {
  /** Keys that describe the file itself and are never taken from the file it extends. */
  readonly own: ReadonlyArray<string>
  /** Rewrite a file's value before it is merged, e.g. make its relative paths absolute. */
  readonly prepare?: (raw: Record<string, unknown>, file: string) => Record<string, unknown>
}

export interface ExtendsChain {
  /** The merged value (undefined when the first file cannot be read or parsed). */
  readonly raw: unknown
  /** The first file, parsed: its lines locate problems in the merged value. */
  readonly parsed: ParsedYaml | InvalidFile
  /** Every file of the chain that was read, the one extended last first; with its text. */
  readonly files: ReadonlyArray<{ readonly file: string; readonly text: string }>
  /** Problems in any file of the chain, each with its own file and line. */
  readonly problems: ReadonlyArray<FileProblem>
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/** The merge rule: `over` wins; where both are objects they merge key by key. */
export const mergeOver = (base: unknown, over: unknown): unknown => {
  if (!isPlainObject(over) || !isPlainObject(base)) return over
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? mergeOver(out[k], v) : v
  return out
}

const readText = (file: string): string | Error => {
  try {
    return readFileSync(file, "utf8")
  } catch (e) {
    return e as Error
  }
}

/** Read a YAML file and every file it `extends:`, merged by the rule above. */
export const readExtendsChain = (file: string, rules: ExtendsRules): ExtendsChain => {
  const problems: Array<FileProblem> = []
  const files: Array<{ file: string; text: string }> = []

  /** One file and what it extends; `unreadable` when the file itself cannot be read. */
  const follow = (at: string, chain: ReadonlyArray<string>): { raw: unknown; parsed: ParsedYaml | InvalidFile; unreadable?: string } => {
    const text = readText(at)
    if (text instanceof Error) {
      const message = `cannot read: ${text.message}`
      return { raw: undefined, parsed: new InvalidFile({ file: at, problems: [{ file: at, line: undefined, path: "", message }] }), unreadable: text.message }
    }
    const parsed = parseYamlText(at, text)
    if (parsed instanceof InvalidFile) {
      problems.push(...parsed.problems)
      return { raw: undefined, parsed }
    }
    files.unshift({ file: at, text })
    // An empty document is an empty file: the schema then names every missing field.
    const value = parsed.value ?? {}
    if (!isPlainObject(value)) return { raw: value, parsed }
    const raw = rules.prepare ? rules.prepare(value, at) : value
    if (typeof raw.extends !== "string") return { raw, parsed }
    const { extends: name, ...rest } = raw
    const base = resolve(dirname(at), name)
    const where = { file: at, line: lineOf(parsed, ["extends"]), path: "extends" }
    if ([...chain, at].includes(base)) {
      problems.push({ ...where, message: `extends form a cycle: ${[...chain, at, base].join(" extends ")}` })
      return { raw: rest, parsed }
    }
    const parent = follow(base, [...chain, at])
    if (parent.unreadable !== undefined) problems.push({ ...where, message: `${at} extends ${base}, which cannot be read: ${parent.unreadable}` })
    const inherited = isPlainObject(parent.raw) ? Object.fromEntries(Object.entries(parent.raw).filter(([k]) => !rules.own.includes(k))) : {}
    return { raw: mergeOver(inherited, rest), parsed }
  }

  const first = follow(file, [])
  if (first.unreadable !== undefined && first.parsed instanceof InvalidFile) problems.push(...first.parsed.problems)
  return { raw: first.raw, parsed: first.parsed, files, problems }
}
