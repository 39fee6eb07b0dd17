/**
 * Every statement the store runs, prepared once when the store opens.
 */
import type { DatabaseSync, StatementSync } from "node:sqlite"
import { EVENT_COLUMNS } from "./schema"

export interface Statements {
  readonly begin: StatementSync
  readonly commit: StatementSync
  readonly rollback: StatementSync
  /** (stream) → { r: last revision | null } */
  readonly lastRevision: StatementSync
  /** (stream) → { position } of the stream's last event */
  readonly lastPosition: StatementSync
  /** (event_id) → { stream, revision, position } */
  readonly locate: StatementSync
  readonly insert: StatementSync
  /** (after, limit) */
  readonly readAll: StatementSync
  /** (recorded_key) → { p: highest position recorded up to it | null } */
  readonly headRecordedUpTo: StatementSync
  /** (after, head, recorded_key, limit) */
  readonly readAllRecordedUpTo: StatementSync
  /** (stream, fromRevision, limit) */
  readonly readStream: StatementSync
}

export const prepareStatements = (db: DatabaseSync): Statements => ({
  // IMMEDIATE takes the write lock up front: the revision read and the insert see one state.
  begin: db.prepare("BEGIN IMMEDIATE"),
  commit: db.prepare("COMMIT"),
  rollback: db.prepare("ROLLBACK"),
  lastRevision: db.prepare("SELECT MAX(revision) AS r FROM events WHERE stream = ?"),
  lastPosition: db.prepare("SELECT position FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1"),
  locate: db.prepare("SELECT stream, revision, position FROM events WHERE event_id = ?"),
  insert: db.prepare(
    `INSERT INTO events (event_id, stream, revision, type, schema_version, valid_time, recorded_time, recorded_key, data, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ),
  readAll: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
  // The recorded-time index bounds the scan: nothing after the last event recorded up to the instant is read.
  headRecordedUpTo: db.prepare(
    "SELECT MAX(position) AS p FROM events INDEXED BY events_recorded_key WHERE recorded_key <= ?"
  ),
  readAllRecordedUpTo: db.prepare(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE position > ? AND position <= ? AND recorded_key <= ? ORDER BY position LIMIT ?`
  ),
  readStream: db.prepare(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`
  )
})

/** The stream's last revision, or undefined when it does not exist. */
export const lastRevisionOf = (st: Statements, stream: string): number | undefined => {
  const r = st.lastRevision.get(stream)?.r
  return r === null || r === undefined ? undefined : Number(r)
}
