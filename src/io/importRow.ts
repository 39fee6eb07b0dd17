/**
 * One import row → one event envelope, or every problem of the row named by
 * its column. Pure. Validation reuses the catalogue's zod schemas; the
 * privacy guard (./privacy.ts) runs first so a BSN or a name is refused with
 * advice rather than a bare "not a pseudonymous id".
 *
 * The event id is a name-based UUID of the row's identity (./identity.ts), so
 * importing the same facts twice gives the same ids and changes nothing.
 */
import { Result } from "effect"
import { decodeEvent, type EventEnvelope, envelope } from "../events/envelope"
import { catalogue, type DomainEvent, isEventType } from "../events/catalogue"
import { IsoDate, IsoDateTime } from "../events/fields"
import { uuidV5 } from "../events/ids"
import { COLUMN_TYPES, columnOfPath, DATA_COLUMNS, type DataColumn, ENVELOPE_COLUMNS } from "./importColumns"
import { rowIdentity } from "./identity"
import { privacyProblem } from "./privacy"

export interface ImportProblem {
  readonly line: number | undefined
  /** The column (CSV header name, JSONL key) the problem is in; undefined for the whole row or file. */
  readonly column: string | undefined
  readonly message: string
}

/** A row as read from a file: its line and its non-empty cells by column name. */
export interface RowInput {
  readonly line: number
  readonly cells: ReadonlyMap<string, string>
}

export interface RowOptions {
  /** How the file is named in each event's `metadata.source`, e.g. `placements.csv`. */
  readonly sourceName: string
  /** The recorded time of a row that gives none: the import instant, or (in a scenario) the valid time at noon UTC. */
  readonly defaultRecordedTime: (validTime: string) => string
  /** Groups the events of one import in their metadata (not part of their identity). */
  readonly correlationId?: string
}

export interface ConvertedRow {
  readonly line: number
  readonly event: EventEnvelope
  /** The row's identity: same facts, same identity (and so the same event id). */
  readonly identity: string
}

const DECIMAL = /^-?\d+(\.\d+)?$/
const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false, ja: true, nee: false, "1": true, "0": false }

/** A cell's typed value, or a message saying how to write it. */
const readCell = (column: DataColumn, raw: string): Result.Result<unknown, string> => {
  switch (column.type) {
    case "number":
    case "integer":
      if (/^-?\d+,\d+$/.test(raw)) return Result.fail(`write decimals with a point: ${raw.replace(",", ".")}, not ${raw}`)
      return DECIMAL.test(raw) ? Result.succeed(Number(raw)) : Result.fail(`must be a number (got '${raw}')`)
    case "amount":
      // 10,50 or 50.000,00 (Dutch writing): show the writing the layout wants.
      if (/^\d{1,3}([. ]\d{3})*,\d{1,6}$|^\d+,\d{1,6}$/.test(raw))
        return Result.fail(`write amounts with a decimal point and no thousands separator: ${raw.replace(/[. ]/g, "").replace(",", ".")}, not ${raw}`)
      return Result.succeed(raw)
    case "boolean": {
      const b = BOOLEANS[raw.toLowerCase()]
      return b === undefined ? Result.fail(`must be true or false (got '${raw}')`) : Result.succeed(b)
    }
    case "list":
      return Result.succeed(raw.split("|").map((s) => s.trim()).filter((s) => s !== ""))
    default:
      return Result.succeed(raw)
  }
}

const setPath = (target: Record<string, unknown>, path: ReadonlyArray<string>, value: unknown): void => {
  let at = target
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>
  at[path[path.length - 1]!] = value
}

/** Convert one row. Fails with every problem of the row (never only the first). */
export const rowToEvent = (row: RowInput, options: RowOptions): Result.Result<ConvertedRow, ReadonlyArray<ImportProblem>> => {
  const problems: Array<ImportProblem> = []
  const problem = (column: string | undefined, message: string) => problems.push({ line: row.line, column, message })
  const kind = row.cells.get("kind")
  if (kind === undefined) {
    problem("kind", `required: the event type, one of ${Object.keys(catalogue).join(", ")}`)
    return Result.fail(problems)
  }
  if (!isEventType(kind)) {
    problem("kind", `unknown event type '${kind}'; one of ${Object.keys(catalogue).join(", ")}`)
    return Result.fail(problems)
  }
  const columns = DATA_COLUMNS[kind]
  const byName = new Map(columns.map((c) => [c.column, c]))
  const flagged = new Set<string>()
  const flag = (column: string, message: string) => {
    flagged.add(column)
    problem(column, message)
  }

  // Privacy first: a refused value gets the advice, not a generic format message.
  for (const [column, raw] of row.cells) {
    const type = COLUMN_TYPES[column]
    if (type === "id" || type === "text") {
      const refused = privacyProblem(type, raw)
      if (refused !== undefined) flag(column, refused)
    }
  }

  for (const column of row.cells.keys())
    if (!byName.has(column) && !(ENVELOPE_COLUMNS as ReadonlyArray<string>).includes(column))
      flag(column, `not a column of ${kind}; leave it empty for this kind (${kind} uses ${columns.map((c) => c.column).join(", ")})`)

  const validTime = row.cells.get("validTime")
  if (validTime === undefined) flag("validTime", "required: the day the fact took effect, YYYY-MM-DD")
  else if (!IsoDate.safeParse(validTime).success) flag("validTime", `must be a calendar date written YYYY-MM-DD (got '${validTime}')`)
  const recordedTime = row.cells.get("recordedTime")
  if (recordedTime !== undefined && !IsoDateTime.safeParse(recordedTime).success)
    flag("recordedTime", `must be an instant with a zone, like 2026-03-01T09:00:00Z (got '${recordedTime}')`)

  const data: Record<string, unknown> = {}
  for (const c of columns) {
    const raw = row.cells.get(c.column)
    if (raw === undefined) {
      if (c.required) flag(c.column, `required for ${kind}${c.description ? `: ${c.description}` : ""}`)
      continue
    }
    if (flagged.has(c.column)) continue
    const value = readCell(c, raw)
    if (Result.isFailure(value)) flag(c.column, value.failure)
    else setPath(data, c.path, value.success)
  }

  const parsed = catalogue[kind].schema.safeParse(data)
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const column = columnOfPath(kind, issue.path)
      if (column !== undefined && flagged.has(column)) continue
      problem(column, column && row.cells.has(column) ? `${issue.message} (got '${row.cells.get(column)}')` : issue.message)
    }
  if (problems.length > 0 || validTime === undefined || !parsed.success) return Result.fail(problems)

  const source = row.cells.get("source")
  const identity = rowIdentity(kind, validTime, parsed.data as Record<string, unknown>, recordedTime)
  const event = envelope({ type: kind, data: parsed.data } as DomainEvent, {
    eventId: uuidV5(identity),
    validTime,
    recordedTime: recordedTime ?? options.defaultRecordedTime(validTime),
    metadata: {
      source: `${options.sourceName}:${row.line}${source ? ` (${source})` : ""}`.slice(0, 500),
      ...(options.correlationId === undefined ? {} : { correlationId: options.correlationId })
    }
  })
  const decoded = decodeEvent(event)
  if (Result.isFailure(decoded)) {
    for (const i of decoded.failure.issues) problem(i.path.startsWith("data.") ? columnOfPath(kind, i.path.slice(5).split(".")) : i.path, i.message)
    return Result.fail(problems)
  }
  return Result.succeed({ line: row.line, event: decoded.success, identity })
}
