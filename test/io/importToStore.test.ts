/**
 * Appending an import: one appendMany for all streams, idempotent on a second
 * import, only the missing events on a partial overlap, nothing on a dry run.
 */
import { Effect, Layer, ManagedRuntime, Result, Stream } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { type ImportPlan, readImportFile, readImportText } from "../../src/io/importFile"
import { importToStore, outcomeWithoutStore } from "../../src/io/importToStore"
import { type AppendBatch, EventStore } from "../../src/store/EventStore"
import { MemoryEventStore } from "../../src/store/memory"
import { SqliteEventStore } from "../../src/store/sqlite"
import { type TempStore, tempStore } from "../support/tempStore"

const plan = (file: string): ImportPlan => {
  const r = readImportFile(file, { defaultRecordedTime: () => "2026-11-26T10:00:00Z" })
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success
}
const TEMPLATE = plan("docs/import-template.csv")

const countAll = EventStore.use((s) => Stream.runCount(s.readAll()))

describe("importing into the embedded store", () => {
  let temp: TempStore
  beforeEach(async () => {
    temp = await tempStore()
  })
  afterEach(async () => {
    await temp.cleanup()
  })

  it("appends every event once; a second import of the same file finds them all and appends nothing", async () => {
    const rt = ManagedRuntime.make(SqliteEventStore.layer(temp.path))
    try {
      const first = await rt.runPromise(importToStore(TEMPLATE, { dryRun: false }))
      // 20 rows: 3 group/budget events in 3 streams, 17 child events in 5 child streams.
      expect(first).toMatchObject({ rows: 20, events: 20, new: 20, alreadyThere: 0, streams: 7, streamsWritten: 7 })
      const second = await rt.runPromise(importToStore(TEMPLATE, { dryRun: false }))
      expect(second).toMatchObject({ new: 0, alreadyThere: 20, streamsWritten: 0 })
      expect(second.byKind["placement-started"]).toEqual({ new: 0, alreadyThere: 5 })
      expect(await rt.runPromise(countAll)).toBe(20)
    } finally {
      await rt.dispose()
    }
  })

  it("appends only the new rows of a file that repeats earlier ones", async () => {
    const rt = ManagedRuntime.make(SqliteEventStore.layer(temp.path))
    try {
      await rt.runPromise(importToStore(TEMPLATE, { dryRun: false }))
      const more = readImportText(
        "later.csv",
        [
          "kind,validTime,recordedTime,childId,placementId,outflow,providerId,locationId,groupId,careType,daysPerWeek,hoursPerDay,hourlyPrice",
          // Already there (the template's line 8, same facts):
          "placement-started,2026-01-05,2026-01-05T12:00:00Z,K-001,PL-001,,P-1,L-1,G-PLUS-1,dagopvang,3,10,10.5",
          // New: K-001 leaves at the end of November for a regular group.
          "placement-ended,2026-11-30,,K-001,PL-001,regular-ko,,,,,,,"
        ].join("\n"),
        "csv",
        { defaultRecordedTime: () => "2026-12-01T09:00:00Z" }
      )
      if (Result.isFailure(more)) throw new Error(more.failure.message)
      const outcome = await rt.runPromise(importToStore(more.success, { dryRun: false }))
      expect(outcome).toMatchObject({ events: 2, new: 1, alreadyThere: 1, streams: 1, streamsWritten: 1 })
      expect(await rt.runPromise(countAll)).toBe(21)
    } finally {
      await rt.dispose()
    }
  })

  it("writes nothing on a dry run, but counts against what is stored", async () => {
    const rt = ManagedRuntime.make(SqliteEventStore.layer(temp.path))
    try {
      const dry = await rt.runPromise(importToStore(TEMPLATE, { dryRun: true }))
      expect(dry).toMatchObject({ new: 20, alreadyThere: 0, dryRun: true })
      expect(await rt.runPromise(countAll)).toBe(0)
    } finally {
      await rt.dispose()
    }
    expect(outcomeWithoutStore(TEMPLATE)).toMatchObject({ new: 20, alreadyThere: 0, streams: 7, dryRun: true })
  })
})

describe("one append for the whole file", () => {
  it("hands every stream's new events to a single appendMany", async () => {
    const calls: Array<ReadonlyArray<AppendBatch>> = []
    const spy = Layer.effect(
      EventStore,
      Effect.map(Effect.sync(MemoryEventStore.make), (inner) => ({
        ...inner,
        appendMany: (batches: ReadonlyArray<AppendBatch>) => {
          calls.push(batches)
          return inner.appendMany(batches)
        }
      }))
    )
    await Effect.runPromise(Effect.provide(importToStore(TEMPLATE, { dryRun: false }), spy))
    expect(calls).toHaveLength(1)
    expect(calls[0]!.map((b) => [b.stream, b.events.length, b.expected._tag])).toEqual([
      ["group-G-PLUS-1", 2, "NoStream"],
      ["budget-KOPLUS-2026", 1, "NoStream"],
      ["child-K-001", 4, "NoStream"],
      ["child-K-002", 3, "NoStream"],
      ["child-K-003", 5, "NoStream"],
      ["child-K-004", 2, "NoStream"],
      ["child-K-005", 3, "NoStream"]
    ])
  })
})
