/**
 * Reading an import file, CSV or JSON lines, into events: every row validated,
 * and on any problem the whole file refused with ALL its problems (line and
 * column each), so nothing is half-imported. Pure apart from reading the file.
 */
import { readFileSync } from "node:fs"
import { basename, extname } from "node:path"
import { Data, Result } from "effect"
import { decodeEvent, type EventEnvelope } from "../events/envelope"
import { parseCsv } from "./csv"
import { ALL_COLUMNS, COLUMN_TYPES } from "./importColumns"
import { type ConvertedRow, type ImportProblem, type RowInput, type RowOptions, rowToEvent } from "./importRow"
import { privacyProblem, PSEUDONYMISE_ADVICE, PSEUDONYMISE_HINT } from "./privacy"

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

/** A JSON value as the text of a cell: lists joined with `|`, nested objects flattened to dotted columns. */
const flatten = (obj: Record<string, unknown>, prefix = "", into = new Map<string, string>()): Map<string, string> => {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (v === null || v === undefined || v === "") continue
    if (Array.isArray(v)) into.set(key, v.map(String).join("|"))
    else if (typeof v === "object") flatten(v as Record<string, unknown>, key, into)
    else into.set(key, String(v).trim())
  }
  return into
}

/** A JSON-lines import row (`{"kind": ..., "validTime": ..., ...}`) as the cells of a row. */
export const rowFromJson = (line: number, obj: Record<string, unknown>): RowInput => ({ line, cells: flatten(obj) })

type JsonLine = { readonly kind: "row"; readonly row: RowInput } | { readonly kind: "envelope"; readonly line: number; readonly raw: unknown }

const jsonLines = (text: string, problems: Array<ImportProblem>): Array<JsonLine> => {
  const out: Array<JsonLine> = []
  text.split(/\r?\n/).forEach((content, i) => {
    const line = i + 1
    if (content.trim() === "" || content.trimStart().startsWith("#")) return
    let raw: unknown
    try {
      raw = JSON.parse(content)
    } catch (e) {
      problems.push({ line, column: undefined, message: `not JSON: ${(e as Error).message}` })
      return
    }
    const obj = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined
    if (obj !== undefined && typeof obj.type === "string" && "data" in obj) out.push({ kind: "envelope", line, raw })
    else if (obj !== undefined && "kind" in obj) out.push({ kind: "row", row: rowFromJson(line, obj) })
    else problems.push({ line, column: undefined, message: "neither an event envelope (eventId, type, data, ...) nor an import row (kind, validTime, ...)" })
  })
  return out
}

/** An envelope line: decoded by the catalogue, its ids and texts checked by the privacy guard. */
const envelopeRow = (line: number, raw: unknown, problems: Array<ImportProblem>): ConvertedRow | undefined => {
  const data = (raw as { data?: unknown }).data
  let refused = false
  if (data !== null && typeof data === "object")
    for (const [column, value] of flatten(data as Record<string, unknown>)) {
      const type = COLUMN_TYPES[column]
      const why = type === "id" || type === "text" ? privacyProblem(type, value) : undefined
      if (why !== undefined) {
        refused = true
        problems.push({ line, column: `data.${column}`, message: why })
      }
    }
  if (refused) return undefined
  const decoded = decodeEvent(raw)
  if (Result.isFailure(decoded)) {
    problems.push(...decoded.failure.issues.map((i) => ({ line, column: i.path || undefined, message: i.message })))
    return undefined
  }
  const e: EventEnvelope = decoded.success
  return { line, event: e, identity: `envelope|${e.eventId}` }
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
    const converted =
      l.kind === "envelope"
        ? envelopeRow(l.line, l.raw, problems)
        : Result.match(rowToEvent(l.row, rowOptions), {
            onSuccess: (r) => r,
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
