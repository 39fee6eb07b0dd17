/**
 * One line of a JSON-lines file of events, as `geldstroom import` and a
 * scenario's `events: { file }` both read it: one rule deciding what the line
 * is, and one check of an envelope, so the two never disagree.
 *
 * - An object with a string `type` and a `data` field is an event envelope
 *   (docs/events.md); it keeps its own event id.
 * - Any other object with a `kind` field is an import row (docs/import.md).
 * - Anything else is neither, and refused.
 *
 * An envelope passes the privacy guard (./privacy.ts) before it is decoded:
 * its data's ids and texts, and its metadata too (the `source` text and the
 * correlation and causation ids), so a BSN or a name cannot slip in through
 * the envelope where a row's columns would have been refused.
 */
import { Result } from "effect"
import { decodeEvent, type EventEnvelope } from "../events/envelope"
import { COLUMN_TYPES } from "./importColumns"
import type { ConvertedRow, ImportProblem, RowInput } from "./importRow"
import { privacyProblem } from "./privacy"

export type JsonLine =
  | { readonly kind: "envelope"; readonly line: number; readonly raw: Record<string, unknown> }
  | { readonly kind: "row"; readonly row: RowInput }

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

/** What a parsed JSON line is (the rule above), or why it is neither. */
export const classifyJsonLine = (line: number, raw: unknown): JsonLine | ImportProblem => {
  const obj = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined
  if (obj !== undefined && typeof obj.type === "string" && "data" in obj) return { kind: "envelope", line, raw: obj }
  if (obj !== undefined && "kind" in obj) return { kind: "row", row: rowFromJson(line, obj) }
  return { line, column: undefined, message: "neither an event envelope (eventId, type, data, ...) nor an import row (kind, validTime, ...)" }
}

/**
 * One line of text: undefined for a blank line or a `#` comment, else what it holds or why it
 * cannot be read (not JSON, or neither an envelope nor a row).
 */
export const readJsonLine = (line: number, content: string): JsonLine | ImportProblem | undefined => {
  if (content.trim() === "" || content.trimStart().startsWith("#")) return undefined
  let raw: unknown
  try {
    raw = JSON.parse(content)
  } catch (e) {
    return { line, column: undefined, message: `not JSON: ${(e as Error).message}` }
  }
  return classifyJsonLine(line, raw)
}

export const isJsonLine = (x: JsonLine | ImportProblem): x is JsonLine => "kind" in x

/** The metadata fields that carry text, and how each is checked: `source` is free text, the others ids. */
const METADATA_TEXT: ReadonlyArray<readonly [string, "id" | "text"]> = [
  ["source", "text"],
  ["correlationId", "id"],
  ["causationId", "id"]
]

/** The privacy guard over an envelope: its data's id and text fields and its metadata text. */
export const envelopePrivacyProblems = (line: number, raw: Record<string, unknown>): Array<ImportProblem> => {
  const problems: Array<ImportProblem> = []
  const data = raw.data
  if (data !== null && typeof data === "object" && !Array.isArray(data))
    for (const [column, value] of flatten(data as Record<string, unknown>)) {
      const type = COLUMN_TYPES[column]
      const why = type === "id" || type === "text" ? privacyProblem(type, value) : undefined
      if (why !== undefined) problems.push({ line, column: `data.${column}`, message: why })
    }
  const metadata = raw.metadata
  if (metadata !== null && typeof metadata === "object" && !Array.isArray(metadata))
    for (const [field, type] of METADATA_TEXT) {
      const value = (metadata as Record<string, unknown>)[field]
      if (typeof value !== "string") continue
      // As the columns: an id is refused when it is a BSN or looks like a name (a whole value, so a uuid
      // never matches by chance); the source text when it contains a BSN anywhere.
      const why = privacyProblem(type, value)
      if (why !== undefined) problems.push({ line, column: `metadata.${field}`, message: why })
    }
  return problems
}

/** An envelope line: refused by the privacy guard, else decoded by the catalogue. */
export const envelopeEvent = (line: number, raw: Record<string, unknown>): Result.Result<ConvertedRow, ReadonlyArray<ImportProblem>> => {
  const refused = envelopePrivacyProblems(line, raw)
  if (refused.length > 0) return Result.fail(refused)
  const decoded = decodeEvent(raw)
  if (Result.isFailure(decoded)) return Result.fail(decoded.failure.issues.map((i) => ({ line, column: i.path || undefined, message: i.message })))
  const e: EventEnvelope = decoded.success
  return Result.succeed({ line, event: e, identity: `envelope|${e.eventId}` })
}
