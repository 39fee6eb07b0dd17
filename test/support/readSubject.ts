/**
 * One stream's events read alone, in plain SQL (up to a head position, and recorded up to an
 * instant), in revision order: the reference the store's reads of many streams at once
 * (src/store/sqlite/subjects.ts `readSubjects`, `readStreams`, `readChangedStreams`) are held to.
 */
import type { DatabaseSync, StatementSync } from "node:sqlite"
import { Effect, Result } from "effect"
import type { RecordedEvent } from "../../src/events"
import { type ReadError, StoreFailure } from "../../src/store/EventStore"
import { recordedBound } from "../../src/store/recordedTime"
import { decodeStoredRow } from "../../src/store/storedRow"
import { EVENT_COLUMNS } from "../../src/store/sqlite/schema"

/** The statements reading one subject, prepared once per database. */
const prepared = new WeakMap<DatabaseSync, { readonly all: StatementSync; readonly filtered: StatementSync }>()
const subjectStatements = (db: DatabaseSync) => {
  let s = prepared.get(db)
  if (s === undefined) {
    const sql = `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND position <= ?`
    s = { all: db.prepare(`${sql} ORDER BY revision`), filtered: db.prepare(`${sql} AND recorded_key <= ? ORDER BY revision`) }
    prepared.set(db, s)
  }
  return s
}

/** One subject's events up to a head position (and recorded up to an instant), in revision order. */
export const readSubject = (
  db: DatabaseSync,
  storeName: string,
  stream: string,
  options: { readonly head: bigint; readonly recordedUpTo?: string | undefined }
): Effect.Effect<ReadonlyArray<RecordedEvent>, ReadError> => {
  const key = recordedBound(options.recordedUpTo)
  if (Result.isFailure(key))
    return Effect.fail(new StoreFailure({ store: storeName, operation: "readSubject (recordedUpTo)", cause: key.failure }))
  const recorded = key.success
  return Effect.flatMap(
    Effect.try({
      try: () => {
        const statements = subjectStatements(db)
        return recorded !== undefined
          ? statements.filtered.all(stream, Number(options.head), recorded)
          : statements.all.all(stream, Number(options.head))
      },
      catch: (cause) => new StoreFailure({ store: storeName, operation: "readSubject", cause })
    }),
    (rows) => {
      const out: Array<RecordedEvent> = []
      for (const row of rows) {
        const decoded = decodeStoredRow(row)
        if (Result.isFailure(decoded)) return Effect.fail(decoded.failure)
        out.push(decoded.success)
      }
      return Effect.succeed(out)
    }
  )
}
