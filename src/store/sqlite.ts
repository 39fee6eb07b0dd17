/**
 * The embedded default event store: one SQLite file through Node's built-in
 * `node:sqlite`. WAL journal with synchronous = FULL, one transaction per
 * append (one for all batches of an appendMany), owner-only file permissions.
 * Why: docs/decisions/0001-embedded-event-store.md.
 *
 * node:sqlite is synchronous: each append and each page read runs to the end
 * on the calling thread, so no two operations of one store interleave.
 */
import type { DatabaseSync } from "node:sqlite"
import { resolve } from "node:path"
import { Effect, Layer } from "effect"
import { EventStore, type EventStoreShape, StoreFailure } from "./EventStore"
import { appendBatches } from "./sqlite/append"
import { openDatabase } from "./sqlite/open"
import { makeReader } from "./sqlite/read"
import { lastRevisionOf, prepareStatements } from "./sqlite/statements"

export { defaultStorePath } from "./sqlite/open"
export { readStoreStatus, type StoreStatus } from "./sqlite/status"

export interface SqliteOptions {
  /** Rows per page when reading (default 5,000): one page is what a read holds in memory. */
  readonly pageSize?: number
}

const DEFAULT_PAGE_SIZE = 5_000

const makeShape = (db: DatabaseSync, file: string, options: SqliteOptions): EventStoreShape => {
  const name = `sqlite:${file}`
  const st = prepareStatements(db)
  const reader = makeReader(st, name, options.pageSize ?? DEFAULT_PAGE_SIZE)
  const failure = (operation: string) => (cause: unknown) => new StoreFailure({ store: name, operation, cause })

  const appendMany: EventStoreShape["appendMany"] = (batches) =>
    Effect.flatMap(
      Effect.try({ try: () => appendBatches(db, st, batches), catch: failure("append") }),
      Effect.fromResult
    )

  return {
    name,
    append: (stream, events, expected) =>
      Effect.map(appendMany([{ stream, events, expected }]), (results) => results[0]!),
    appendMany,
    readStream: reader.readStream,
    readAll: reader.readAll,
    streamRevision: (stream) =>
      Effect.try({ try: () => lastRevisionOf(st, stream), catch: failure("streamRevision") })
  }
}

export const SqliteEventStore = {
  /**
   * The store at `path` (created, with its directory, if missing). The database
   * is closed when the layer's scope closes.
   */
  layer: (path: string, options: SqliteOptions = {}): Layer.Layer<EventStore, StoreFailure> => {
    const file = resolve(path)
    return Layer.effect(
      EventStore,
      Effect.map(
        Effect.acquireRelease(
          Effect.try({
            try: () => openDatabase(file),
            catch: (cause) => new StoreFailure({ store: `sqlite:${file}`, operation: "open", cause })
          }),
          (db) => Effect.sync(() => db.close())
        ),
        (db) => makeShape(db, file, options)
      )
    )
  }
} as const
