/**
 * The row an embedded store keeps per event, shared by the SQLite and the
 * in-memory adapters so both store and decode alike.
 *
 * A row keeps what the caller wrote: the raw schema version and the raw data
 * (as JSON text). An event is validated in that form before it is written
 * (`validateStored`), and every read decodes the row again with `decodeEvent`,
 * so older versions are upcast on read and a row that no longer decodes is
 * reported as `CorruptEvent`, never skipped.
 */
import { Result } from "effect"
import { decodeEvent, EnvelopeShape, type EventEnvelope, InvalidEvent, type RecordedEvent } from "../events"
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

/**
 * The columns an event is kept in that are not the caller's fields as they are: its data and
 * metadata as JSON text, and its recorded time's sortable key. Made once, when the event is
 * validated in this form (`validateStored`), and written as they are.
 */
export interface StoredForm {
  readonly recorded_key: string
  readonly data: string
  readonly metadata: string
}

/** The row for an event the caller wrote, validated in its stored form, before the store assigns its position. */
export const toStoredRow = (event: EventEnvelope, revision: number, form: StoredForm): Omit<StoredRow, "position"> => ({
  event_id: event.eventId,
  stream: event.stream,
  revision,
  type: event.type,
  schema_version: event.schemaVersion,
  valid_time: event.validTime,
  recorded_time: event.recordedTime,
  recorded_key: form.recorded_key,
  data: form.data,
  metadata: form.metadata
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
 * The envelope a read decodes, from a row's columns (its JSON parsed). One place makes it, for a
 * row read back and for an event about to be written alike, so both are validated as the same
 * object: what is refused on append is what a read could not decode.
 */
const envelopeOf = (
  eventId: unknown,
  type: unknown,
  schemaVersion: unknown,
  stream: string,
  validTime: unknown,
  recordedTime: unknown,
  data: unknown,
  metadata: unknown
) => ({ eventId, type, schemaVersion, stream, validTime, recordedTime, data, metadata })

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
  const decoded = decodeEvent(envelopeOf(row.event_id, row.type, row.schema_version, stream, row.valid_time, row.recorded_time, data.success, metadata.success))
  if (Result.isFailure(decoded)) return corrupt(decoded.failure.message)
  return Result.succeed({ ...decoded.success, revision, position })
}

/** The fields of an envelope, the only ones an event may have (its schema is strict). */
const ENVELOPE_FIELDS: ReadonlySet<string> = new Set(Object.keys(EnvelopeShape.shape))

/** A field of the event that an envelope does not have, if there is one. */
const extraField = (event: EventEnvelope): string | undefined => {
  for (const field in event) if (!ENVELOPE_FIELDS.has(field)) return field
  return undefined
}

/** A value's JSON text (undefined for undefined, as JSON.stringify gives), or why it has none. */
const jsonText = (value: unknown, field: string, event: EventEnvelope): Result.Result<string | undefined, InvalidEvent> => {
  try {
    return Result.succeed(JSON.stringify(value) as string | undefined)
  } catch (e) {
    return Result.fail(
      new InvalidEvent({
        eventId: typeof event.eventId === "string" ? event.eventId : undefined,
        type: typeof event.type === "string" ? event.type : undefined,
        issues: [{ path: field, message: `cannot be stored as JSON: ${e instanceof Error ? e.message : String(e)}` }]
      })
    )
  }
}

/**
 * Validate an event the caller wants written in the form it will be stored and read in: its data
 * and metadata made JSON text and parsed back, the envelope then decoded as a read decodes a row
 * (`decodeEvent`: schema, upcasting, stream). What passes is what every later read decodes; a value
 * whose JSON is not what it looked like (a `toJSON`, a `Date`) is judged by its JSON. An event with a
 * field an envelope does not have is refused as the strict envelope schema refuses it.
 */
export const validateStored = (event: EventEnvelope): Result.Result<StoredForm, InvalidEvent> => {
  const extra = extraField(event)
  if (extra !== undefined) {
    // The strict envelope schema names it, as it always did; the stored form would drop it unseen.
    const refused = decodeEvent(event)
    return Result.fail(Result.isFailure(refused) ? refused.failure : new InvalidEvent({ eventId: event.eventId, type: event.type, issues: [{ path: extra, message: "not a field of an event" }] }))
  }
  const data = jsonText(event.data, "data", event)
  if (Result.isFailure(data)) return Result.fail(data.failure)
  const metadata = jsonText(event.metadata, "metadata", event)
  if (Result.isFailure(metadata)) return Result.fail(metadata.failure)
  const parse = (text: string | undefined): unknown => (text === undefined ? undefined : JSON.parse(text))
  const decoded = decodeEvent(
    envelopeOf(event.eventId, event.type, event.schemaVersion, event.stream, event.validTime, event.recordedTime, parse(data.success), parse(metadata.success))
  )
  // Decoded, so data and metadata were there (both are required) and have their JSON text.
  if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
  // Validation has parsed recordedTime with the same instant shape, so this cannot fail here.
  const key = Result.getOrElse(recordedKey(event.recordedTime), () => event.recordedTime)
  return Result.succeed({ recorded_key: key, data: data.success!, metadata: metadata.success! })
}
