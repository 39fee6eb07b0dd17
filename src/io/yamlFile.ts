/**
 * Reading YAML files for validation: parse keeping node positions, validate
 * with zod, and report EVERY problem with file, line and path at once
 * (EUROMOD-style scenario checks, ../shared/ANCHORS.md).
 */
import { readFileSync } from "node:fs"
import { Data } from "effect"
import { isMap, isSeq, LineCounter, parseDocument, type Document } from "yaml"
import type { z } from "zod"

export interface FileProblem {
  readonly file: string
  readonly line: number | undefined
  readonly path: string
  readonly message: string
}

export const formatProblem = (p: FileProblem): string =>
  `${p.file}${p.line !== undefined ? `:${p.line}` : ""}: ${p.path ? `${p.path}: ` : ""}${p.message}`

/** A file that does not validate; carries all its problems. */
export class InvalidFile extends Data.TaggedError("InvalidFile")<{
  readonly file: string
  readonly problems: ReadonlyArray<FileProblem>
}> {
  override get message(): string {
    return `${this.file} is not valid (${this.problems.length} problem${this.problems.length === 1 ? "" : "s"}):\n${this.problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`
  }
}

export interface ParsedYaml {
  readonly file: string
  readonly doc: Document
  readonly lines: LineCounter
  readonly value: unknown
}

export const parseYamlText = (file: string, text: string): ParsedYaml | InvalidFile => {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  if (doc.errors.length > 0) {
    return new InvalidFile({
      file,
      problems: doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line, path: "", message: e.message.split("\n")[0]! }))
    })
  }
  return { file, doc, lines, value: doc.toJS() }
}

export const readYamlFile = (file: string): ParsedYaml | InvalidFile => {
  let text: string
  try {
    text = readFileSync(file, "utf8")
  } catch (e) {
    return new InvalidFile({ file, problems: [{ file, line: undefined, path: "", message: `cannot read: ${(e as Error).message}` }] })
  }
  return parseYamlText(file, text)
}

/** The line of the node at a path (or of its nearest ancestor that exists). */
export const lineOf = (parsed: ParsedYaml, path: ReadonlyArray<PropertyKey>): number | undefined => {
  for (let n = path.length; n >= 0; n--) {
    const node = parsed.doc.getIn(path.slice(0, n) as Array<unknown>, true) as { range?: [number, number, number] } | undefined
    const range = node && typeof node === "object" && "range" in node ? node.range : undefined
    if (range) return parsed.lines.linePos(range[0]).line
    if (n === 0) {
      const c = parsed.doc.contents
      if (c && (isMap(c) || isSeq(c)) && c.range) return parsed.lines.linePos(c.range[0]).line
    }
  }
  return undefined
}

export const zodProblems = (parsed: ParsedYaml, error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): Array<FileProblem> =>
  error.issues.map((i) => {
    const path = [...prefix, ...i.path]
    return { file: parsed.file, line: lineOf(parsed, path), path: path.map(String).join("."), message: i.message }
  })

/** Parse and validate a YAML file with a zod schema, reporting all problems. */
export const loadYaml = <S extends z.ZodType>(file: string, schema: S): z.infer<S> | InvalidFile => {
  const parsed = readYamlFile(file)
  if (parsed instanceof InvalidFile) return parsed
  const result = schema.safeParse(parsed.value)
  if (!result.success) return new InvalidFile({ file, problems: zodProblems(parsed, result.error) })
  return result.data
}
