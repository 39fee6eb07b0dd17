/**
 * Appending to the SQLite store: validate everything first, in the form it is
 * stored in (outside the write lock), then one transaction for all batches.
 * The rules are shared with the memory store (../appendPlan); UNIQUE(event_id)
 * finds duplicate ids.
 */
import type { DatabaseSync } from "node:sqlite"
import { Result } from "effect"
import type { EventEnvelope } from "../../events"
import { planAppend, type StoredLocation, validateBatch } from "../appendPlan"
import { type AppendBatch, type AppendError, type AppendResult, DuplicateEventId } from "../EventStore"
import { type StoredForm, toStoredRow } from "../storedRow"
import { lastRevisionOf, type Statements } from "./statements"

const isDuplicateIdError = (e: unknown): boolean =>
  e instanceof Error && e.message.includes("UNIQUE constraint failed: events.event_id")

/** Where an event id is stored, if it is (the store-wide event-id index). */
export const locate = (st: Statements) => (eventId: string): StoredLocation | undefined => {
  const row = st.locate.get(eventId)
  return row === undefined
    ? undefined
    : { stream: row.stream as string, revision: Number(row.revision), position: BigInt(row.position as number) }
}

const insertBatch = (
  st: Statements,
  stream: string,
  events: ReadonlyArray<EventEnvelope>,
  forms: ReadonlyArray<StoredForm>,
  firstRevision: number
): AppendResult | DuplicateEventId => {
  let position: bigint | undefined
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as EventEnvelope
    const row = toStoredRow(event, firstRevision + i, forms[i]!)
    try {
      const done = st.insert.run(
        row.event_id, row.stream, row.revision, row.type, row.schema_version,
        row.valid_time, row.recorded_time, row.recorded_key, row.data, row.metadata
      )
      position = BigInt(done.lastInsertRowid)
    } catch (e) {
      if (isDuplicateIdError(e)) return new DuplicateEventId({ stream, eventId: event.eventId })
      throw e
    }
  }
  if (position === undefined) {
    // An empty batch: nothing written; answer with where the stream stands.
    const last = st.lastPosition.get(stream)
    position = last === undefined ? 0n : BigInt(last.position as number)
  }
  return { nextRevision: firstRevision + events.length - 1, position, written: events.length }
}

/**
 * Append all batches in one transaction, or none. Returns the refusal as a
 * Result; throws only when SQLite itself fails (the caller makes that a StoreFailure).
 */
export const appendBatches = (
  db: DatabaseSync,
  st: Statements,
  batches: ReadonlyArray<AppendBatch>
): Result.Result<Array<AppendResult>, AppendError> => {
  const forms: Array<ReadonlyArray<StoredForm>> = []
  for (const batch of batches) {
    const valid = validateBatch(batch.stream, batch.events)
    if (Result.isFailure(valid)) return Result.fail(valid.failure)
    forms.push(valid.success)
  }
  const find = locate(st)
  st.begin.run()
  try {
    const results: Array<AppendResult> = []
    for (const [b, { stream, events, expected }] of batches.entries()) {
      const current = lastRevisionOf(st, stream)
      const plan = planAppend(stream, events, expected, current, find)
      if (Result.isFailure(plan)) {
        st.rollback.run()
        return Result.fail(plan.failure)
      }
      if (plan.success._tag === "AlreadyWritten") {
        results.push(plan.success.result)
        continue
      }
      const written = insertBatch(st, stream, events, forms[b]!, plan.success.firstRevision)
      if (written instanceof DuplicateEventId) {
        st.rollback.run()
        return Result.fail(written)
      }
      results.push(written)
    }
    st.commit.run()
    return Result.succeed(results)
  } catch (e) {
    if (db.isTransaction) st.rollback.run()
    throw e
  }
}
