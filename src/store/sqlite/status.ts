/**
 * What `geldstroom store status` shows about an embedded store.
 */
import { existsSync, statSync } from "node:fs"
import { resolve } from "node:path"
import type { DatabaseSync } from "node:sqlite"
import { Effect } from "effect"
import { StoreFailure } from "../EventStore"
import { openDatabase } from "./open"

export interface StoreStatus {
  readonly path: string
  /** False when there is no store file at the path yet (nothing is created to find out). */
  readonly exists: boolean
  readonly events: number
  readonly streams: number
  /** Global position of the last event; undefined when the store is empty. */
  readonly headPosition: bigint | undefined
  /** Bytes on disk: the database file plus its write-ahead log. */
  readonly sizeBytes: number
}

const sizeOf = (file: string): number => (existsSync(file) ? statSync(file).size : 0)

export const statusOf = (db: DatabaseSync, path: string): StoreStatus => {
  const one = (sql: string): number | null => {
    const row = db.prepare(sql).get()
    return row === undefined ? null : (Object.values(row)[0] as number | null)
  }
  const head = one("SELECT MAX(position) FROM events")
  return {
    path,
    exists: true,
    events: one("SELECT COUNT(*) FROM events") ?? 0,
    streams: one("SELECT COUNT(DISTINCT stream) FROM events") ?? 0,
    headPosition: head === null ? undefined : BigInt(head),
    sizeBytes: sizeOf(path) + sizeOf(`${path}-wal`)
  }
}

/** Open the store at `path` just long enough to count what it holds. */
export const readStoreStatus = (path: string): Effect.Effect<StoreStatus, StoreFailure> => {
  const file = resolve(path)
  const fail = (cause: unknown) => new StoreFailure({ store: `sqlite:${file}`, operation: "status", cause })
  if (!existsSync(file)) {
    return Effect.succeed({ path: file, exists: false, events: 0, streams: 0, headPosition: undefined, sizeBytes: 0 })
  }
  return Effect.scoped(
    Effect.flatMap(
      Effect.acquireRelease(
        Effect.try({ try: () => openDatabase(file), catch: fail }),
        (db) => Effect.sync(() => db.close())
      ),
      (db) => Effect.try({ try: () => statusOf(db, file), catch: fail })
    )
  )
}
