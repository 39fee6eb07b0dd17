/**
 * Reading an import file, CSV or JSON lines, into events: every row validated,
 * and on any problem the whole file refused with ALL its problems (line and
 * column each), so nothing is half-imported. Pure apart from reading the file.
 */
import { readFileSync } from "node:fs"
import { basename, extname } from "node:path"
import { Data, Result } from "effect"
import { parseCsv } from "./csv"
import { ALL_COLUMNS } from "./importColumns"
import { type ConvertedRow, type ImportProblem, type RowInput, type RowOptions, rowToEvent } from "./importRow"
import { envelopeEvent, isJsonLine, type JsonLine, readJsonLine } from "./jsonLine"
import { PSEUDONYMISE_ADVICE, PSEUDONYMISE_HINT } from "./privacy"

/** A file that cannot be imported; carries every problem found. */
export class InvalidImport extends Data.TaggedError("InvalidImport")<{
  readonly file: string
  readonly problems: ReadonlyArray<ImportProblem>
}> {
  override get message(): string {
    const n = this.problems.length
    const privacy = this.problems.some((p) => p.message.includes(PSEUDONYMISE_HINT))
    return (
      `${this.file}: nothing imported, ${n} problem${n === 1 ? "" : "s"}:\n${this.problems.map((p) => `  ${formatImportProblem(this.file, p)}`).join("\n")}` +
      (privacy ? `\n${PSEUDONYMISE_ADVICE}` : "")
    )
  }
}

export const formatImportProblem = (file: string, p: ImportProblem): string =>
  `${file}${p.line !== undefined ? `:${p.line}` : ""}: ${p.column !== undefined ? `column ${p.column}: ` : ""}${p.message}`

export type ImportFormat = "csv" | "jsonl"

export interface ImportPlan {
  readonly file: string
  readonly format: ImportFormat
  /** Data rows read (comments and blank lines not counted). */
  readonly rows: number
  readonly events: ReadonlyArray<ConvertedRow>
}

export const formatOf = (file: string): ImportFormat | undefined => {
  const ext = extname(file).toLowerCase()
  return ext === ".csv" ? "csv" : ext === ".jsonl" || ext === ".ndjson" ? "jsonl" : undefined
}

const canonicalColumn = new Map(ALL_COLUMNS.map((c) => [c.toLowerCase(), c]))

const csvRows = (text: string, problems: Array<ImportProblem>): Array<RowInput> => {
  const parsed = parseCsv(text)
  problems.push(...parsed.problems.map((p) => ({ line: p.line, column: undefined, message: p.message })))
  const records = parsed.records.filter((r) => !r.cells[0]?.startsWith("#"))
  const header = records[0]
  if (header === undefined) {
    problems.push({ line: 1, column: undefined, message: "the file is empty: the first line must be the header (kind,validTime,...)" })
    return []
  }
  const names = header.cells.map((h) => canonicalColumn.get(h.toLowerCase()))
  header.cells.forEach((h, i) => {
    if (names[i] === undefined)
      problems.push({ line: header.line, column: h || `#${i + 1}`, message: "unknown column (the columns of the import layout are listed in docs/import.md)" })
    else if (names.indexOf(names[i]) !== i) problems.push({ line: header.line, column: h, message: "this column appears twice in the header" })
  })
  if (!names.includes("kind")) problems.push({ line: header.line, column: "kind", message: "the header has no 'kind' column (the event type of each row)" })
  return records.slice(1).map((r) => {
    const extra = r.cells.slice(header.cells.length).filter((c) => c !== "")
    if (extra.length > 0)
      problems.push({ line: r.line, column: undefined, message: `the row has ${r.cells.length} cells, the header ${header.cells.length}` })
    const cells = new Map<string, string>()
    r.cells.forEach((c, i) => {
      const name = names[i]
      if (name !== undefined && c !== "") cells.set(name, c)
    })
    return { line: r.line, cells }
  })
}

/** The JSON lines of a file (./jsonLine.ts decides what each is); problems for lines that are neither. */
const jsonLines = (text: string, problems: Array<ImportProblem>): Array<JsonLine> => {
  const out: Array<JsonLine> = []
  text.split(/\r?\n/).forEach((content, i) => {
    const read = readJsonLine(i + 1, content)
    if (read === undefined) return
    if (isJsonLine(read)) out.push(read)
    else problems.push(read)
  })
  return out
}

/** Convert the text of an import file. Fails with every problem in the file. */
export const readImportText = (
  file: string,
  text: string,
  format: ImportFormat,
  options: Omit<RowOptions, "sourceName"> & { readonly sourceName?: string }
): Result.Result<ImportPlan, InvalidImport> => {
  const problems: Array<ImportProblem> = []
  const rowOptions: RowOptions = { ...options, sourceName: options.sourceName ?? basename(file) }
  const lines: Array<JsonLine> = format === "csv" ? csvRows(text, problems).map((row) => ({ kind: "row", row })) : jsonLines(text, problems)
  const events: Array<ConvertedRow> = []
  const seen = new Map<string, number>()
  for (const l of lines) {
    const converted = Result.match(l.kind === "envelope" ? envelopeEvent(l.line, l.raw) : rowToEvent(l.row, rowOptions), {
      onSuccess: (r): ConvertedRow | undefined => r,
      onFailure: (ps) => {
        problems.push(...ps)
        return undefined
      }
    })
    if (converted === undefined) continue
    const first = seen.get(converted.event.eventId)
    if (first !== undefined) {
      problems.push({
        line: converted.line,
        column: undefined,
        message:
          converted.identity.startsWith("envelope|")
            ? `repeats line ${first}: the same event id twice`
            : `repeats line ${first}: the same fact twice (same kind, valid time and data). Remove one, or give each its own recordedTime if both statements are meant`
      })
      continue
    }
    seen.set(converted.event.eventId, converted.line)
    events.push(converted)
  }
  if (problems.length > 0) return Result.fail(new InvalidImport({ file, problems }))
  return Result.succeed({ file, format, rows: lines.length, events })
}

/** Read and convert an import file (`.csv`, or `.jsonl`/`.ndjson`). */
export const readImportFile = (
  file: string,
  options: Omit<RowOptions, "sourceName"> & { readonly sourceName?: string }
): Result.Result<ImportPlan, InvalidImport> => {
  const format = formatOf(file)
  if (format === undefined)
    return Result.fail(new InvalidImport({ file, problems: [{ line: undefined, column: undefined, message: "not a .csv or .jsonl file" }] }))
  let text: string
  try {
    text = readFileSync(file, "utf8")
  } catch (e) {
    return Result.fail(new InvalidImport({ file, problems: [{ line: undefined, column: undefined, message: `cannot read: ${(e as Error).message}` }] }))
  }
  return readImportText(file, text, format, options)
}
