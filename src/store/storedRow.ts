/**
 * The row an embedded store keeps per event, shared by the SQLite and the
 * in-memory adapters so both store and decode alike.
 *
 * A row keeps what the caller wrote: the raw schema version and the raw data
 * (as JSON text). Every read decodes the row again with `decodeEvent`, so older
 * versions are upcast on read and a row that no longer decodes is reported
 * as `CorruptEvent`, never skipped.
 */
import { Result } from "effect"
import { decodeEvent, type EventEnvelope, type RecordedEvent } from "../events"
import { recordedKey } from "./recordedTime"
import { CorruptEvent } from "./EventStore"

export interface StoredRow {
  readonly position: number
  readonly event_id: string
  readonly stream: string
  readonly revision: number
  readonly type: string
  readonly schema_version: number
  readonly valid_time: string
  readonly recorded_time: string
  /** `recordedKey(recorded_time)`: sortable UTC form used by `recordedUpTo`. */
  readonly recorded_key: string
  readonly data: string
  readonly metadata: string
}

/** The row for an event the caller wrote (already validated), before the store assigns its position. */
export const toStoredRow = (event: EventEnvelope, revision: number): Omit<StoredRow, "position"> => ({
  event_id: event.eventId,
  stream: event.stream,
  revision,
  type: event.type,
  schema_version: event.schemaVersion,
  valid_time: event.validTime,
  recorded_time: event.recordedTime,
  // Validation has parsed recordedTime with the same instant shape, so this cannot fail here.
  recorded_key: Result.getOrElse(recordedKey(event.recordedTime), () => event.recordedTime),
  data: JSON.stringify(event.data),
  metadata: JSON.stringify(event.metadata)
})

const parseJson = (text: unknown, column: string): Result.Result<unknown, string> => {
  if (typeof text !== "string") return Result.fail(`${column} is not text`)
  try {
    return Result.succeed(JSON.parse(text))
  } catch (e) {
    return Result.fail(`${column} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/**
 * Decode a stored row into the current-version event. Columns are typed
 * `unknown` on purpose: a row is read from disk and may have been damaged.
 */
export const decodeStoredRow = (row: Record<string, unknown>): Result.Result<RecordedEvent, CorruptEvent> => {
  const position = BigInt(typeof row.position === "number" || typeof row.position === "bigint" ? row.position : -1)
  const stream = typeof row.stream === "string" ? row.stream : undefined
  const revision = typeof row.revision === "number" ? row.revision : undefined
  const corrupt = (reason: string) => Result.fail(new CorruptEvent({ position, stream, revision, reason }))
  if (stream === undefined || revision === undefined) return corrupt("stream or revision column is damaged")
  const data = parseJson(row.data, "data")
  if (Result.isFailure(data)) return corrupt(data.failure)
  const metadata = parseJson(row.metadata, "metadata")
  if (Result.isFailure(metadata)) return corrupt(metadata.failure)
  const decoded = decodeEvent({
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    stream,
    validTime: row.valid_time,
    recordedTime: row.recorded_time,
    data: data.success,
    metadata: metadata.success
  })
  if (Result.isFailure(decoded)) return corrupt(decoded.failure.message)
  return Result.succeed({ ...decoded.success, revision, position })
}
