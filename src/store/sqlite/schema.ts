/**
 * The embedded store's schema. One table; the global position is the rowid
 * (AUTOINCREMENT: a position is never handed out twice), so `$all` order is
 * commit order and paging by position walks the primary key.
 *
 * Version in `PRAGMA user_version`; bump SCHEMA_VERSION and add a migration
 * step in ./open.ts when this changes.
 */
export const SCHEMA_VERSION = 1

export const schemaSql = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id       TEXT    NOT NULL,
  stream         TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  valid_time     TEXT    NOT NULL,
  recorded_time  TEXT    NOT NULL,
  recorded_key   TEXT    NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  CONSTRAINT events_stream_revision UNIQUE (stream, revision),
  CONSTRAINT events_event_id UNIQUE (event_id)
);
CREATE INDEX IF NOT EXISTS events_recorded_key ON events (recorded_key);
`

/** The columns a read returns, in the shape storedRow.decodeStoredRow expects. */
export const EVENT_COLUMNS =
  "position, event_id, stream, revision, type, schema_version, valid_time, recorded_time, data, metadata"
