/**
 * Opening the SQLite store: owner-only permissions on the directory, the file
 * and its WAL/shared-memory files (whatever the umask), the default path, the
 * pragmas, and the status helper.
 */
import { chmodSync, existsSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { Effect, ManagedRuntime } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { EventStore, ExpectedRevision } from "../../src/store/EventStore"
import { defaultStorePath, readStoreStatus, SqliteEventStore } from "../../src/store/sqlite"
import { openDatabase } from "../../src/store/sqlite/open"
import { childHistory, pseudonym } from "../support/events"
import { type TempStore, tempStore } from "../support/tempStore"

const modeOf = (path: string): number => statSync(path).mode & 0o777

const withStore = async <A>(path: string, f: (store: EventStore["Service"]) => Effect.Effect<A, unknown>): Promise<A> => {
  const runtime = ManagedRuntime.make(SqliteEventStore.layer(path))
  try {
    return await runtime.runPromise(EventStore.use(f))
  } finally {
    await runtime.dispose()
  }
}

const appendSome = (store: EventStore["Service"], count: number) => {
  const id = pseudonym()
  return store.append(`child-${id}`, childHistory(id, count), ExpectedRevision.noStream)
}

describe("sqlite store, opening", () => {
  let temp: TempStore
  let umask: number
  beforeEach(async () => {
    temp = await tempStore()
    // The most permissive umask: the modes must come from the store, not from the environment.
    umask = process.umask(0o000)
  })
  afterEach(async () => {
    process.umask(umask)
    await temp.cleanup()
  })

  it("creates a missing directory 0700 and the file, its -wal and -shm 0600", async () => {
    const path = join(temp.dir, "data", "geldstroom", "events.sqlite")
    // Keep the store open while looking: the -wal and -shm files exist only then.
    await withStore(path, (store) =>
      Effect.andThen(appendSome(store, 3), () =>
        Effect.sync(() => {
          expect(modeOf(join(temp.dir, "data", "geldstroom")).toString(8)).toBe("700")
          for (const file of [path, `${path}-wal`, `${path}-shm`]) {
            expect(existsSync(file), file).toBe(true)
            expect(modeOf(file).toString(8), file).toBe("600")
          }
        })
      )
    )
  })

  it("tightens an existing store file that others could read", async () => {
    const path = join(temp.dir, "events.sqlite")
    await withStore(path, (store) => appendSome(store, 1))
    chmodSync(path, 0o644)
    await withStore(path, () => Effect.void)
    expect(modeOf(path).toString(8)).toBe("600")
  })

  it("opens with WAL, synchronous = FULL and the schema version", async () => {
    const path = join(temp.dir, "events.sqlite")
    const db = openDatabase(path)
    try {
      expect(db.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" })
      expect(db.prepare("PRAGMA synchronous").get()).toEqual({ synchronous: 2 }) // 2 = FULL
      expect(db.prepare("PRAGMA user_version").get()).toEqual({ user_version: 1 })
    } finally {
      db.close()
    }
    expect(await withStore(path, (s) => Effect.succeed(s.name))).toBe(`sqlite:${path}`)
  })

  it("refuses a file that is not a SQLite database, with a StoreFailure naming it", async () => {
    const path = join(temp.dir, "events.sqlite")
    writeFileSync(path, "this is not a database, just some text that is long enough to be read as a header".repeat(20))
    const runtime = ManagedRuntime.make(SqliteEventStore.layer(path))
    const exit = await runtime.runPromiseExit(EventStore.useSync((s) => s.name))
    expect(exit._tag).toBe("Failure")
    expect(JSON.stringify(exit)).toContain("StoreFailure")
    await runtime.dispose()
  })

  it("refuses a store written by a newer geldstroom", async () => {
    const path = join(temp.dir, "events.sqlite")
    await withStore(path, () => Effect.void)
    const db = new DatabaseSync(path)
    db.exec("PRAGMA user_version = 99")
    db.close()
    const status = await Effect.runPromise(Effect.result(readStoreStatus(path)))
    expect(status).toMatchObject({ _tag: "Failure", failure: { _tag: "StoreFailure", operation: "status" } })
    expect(String((status as { failure: Error }).failure.message)).toMatch(/newer geldstroom \(store schema 99/)
  })

  it("status: counts events and streams, without creating a missing store", async () => {
    const path = join(temp.dir, "events.sqlite")
    expect(await Effect.runPromise(readStoreStatus(path))).toMatchObject({ path, exists: false, events: 0, streams: 0 })
    expect(existsSync(path)).toBe(false)
    const results = await withStore(path, (store) => Effect.all([appendSome(store, 3), appendSome(store, 2)]))
    const status = await Effect.runPromise(readStoreStatus(path))
    expect(status).toMatchObject({ path, exists: true, events: 5, streams: 2, headPosition: results[1].position })
    expect(status.headPosition).toBe(5n)
    expect(status.sizeBytes).toBeGreaterThan(0)
  })
})

describe("defaultStorePath", () => {
  it("is under $XDG_DATA_HOME when it is set to an absolute path", () => {
    expect(defaultStorePath({ XDG_DATA_HOME: "/data/me" }, "/home/me")).toBe("/data/me/geldstroom/events.sqlite")
  })
  it("is under ~/.local/share otherwise (a relative or empty XDG_DATA_HOME is ignored)", () => {
    for (const env of [{}, { XDG_DATA_HOME: "" }, { XDG_DATA_HOME: "relative/dir" }]) {
      expect(defaultStorePath(env, "/home/me")).toBe("/home/me/.local/share/geldstroom/events.sqlite")
    }
  })
})
