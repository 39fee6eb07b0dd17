/** store status and verify: counts, and every corrupt event reported with its position. */
import { existsSync } from "node:fs"
import { DatabaseSync } from "node:sqlite"
import { Effect, ManagedRuntime, Result } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { readImportFile } from "../../src/io/importFile"
import { importToStore } from "../../src/io/importToStore"
import { readAllStatus, sqliteStatus, verifyStore } from "../../src/io/storeInspect"
import { SqliteEventStore } from "../../src/store/sqlite"
import { type TempStore, tempStore } from "../support/tempStore"

describe("store status and verify", () => {
  let temp: TempStore
  beforeEach(async () => {
    temp = await tempStore()
    const plan = readImportFile("docs/import-template.csv", { defaultRecordedTime: () => "2026-11-26T10:00:00Z" })
    if (Result.isFailure(plan)) throw new Error(plan.failure.message)
    const rt = ManagedRuntime.make(SqliteEventStore.layer(temp.path))
    await rt.runPromise(importToStore(plan.success, { dryRun: false }))
    await rt.dispose()
  })
  afterEach(async () => {
    await temp.cleanup()
  })

  it("status counts events, streams and the head, in SQL and by reading all alike", async () => {
    const sql = await Effect.runPromise(sqliteStatus(temp.path))
    expect(sql).toMatchObject({ exists: true, events: 20, streams: 7, headPosition: "20" })
    expect(sql.sizeBytes).toBeGreaterThan(0)
    const read = await Effect.runPromise(Effect.scoped(Effect.provide(readAllStatus, SqliteEventStore.layer(temp.path))))
    expect(read).toMatchObject({ events: 20, streams: 7, headPosition: "20", sizeBytes: null })
  })

  it("status of a path without a store creates nothing", async () => {
    const missing = `${temp.dir}/none.sqlite`
    expect(await Effect.runPromise(sqliteStatus(missing))).toMatchObject({ exists: false, events: 0, headPosition: null })
    expect(existsSync(missing)).toBe(false)
  })

  it("verify passes a sound store and reports every damaged event with its position", async () => {
    const verify = () => Effect.runPromise(Effect.scoped(Effect.provide(verifyStore, SqliteEventStore.layer(temp.path))))
    expect(await verify()).toMatchObject({ ok: 20, corrupt: [] })
    const raw = new DatabaseSync(temp.path)
    raw.exec("UPDATE events SET data = '{\"broken' WHERE position = 5")
    raw.exec("UPDATE events SET type = 'placement-teleported' WHERE position = 12")
    raw.close()
    const v = await verify()
    expect(v.ok).toBe(18)
    expect(v.corrupt.map((c) => [c.position, c.reason])).toEqual([
      ["5", expect.stringMatching(/not valid JSON/)],
      ["12", expect.stringMatching(/unknown event type/)]
    ])
  })
})
