/**
 * A damaged row met on read: the read delivers the events before it, then
 * fails with CorruptEvent naming the row's position (and stream, revision);
 * it never skips the row and goes on.
 */
import { DatabaseSync } from "node:sqlite"
import { Effect, ManagedRuntime, Result, Stream } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import type { RecordedEvent } from "../../src/events"
import { EventStore, ExpectedRevision, type ReadError } from "../../src/store/EventStore"
import { SqliteEventStore } from "../../src/store/sqlite"
import { childHistory, pseudonym } from "../support/events"
import { type TempStore, tempStore } from "../support/tempStore"

/** Everything a stream delivers before it ends, and how it ends. */
const drain = async (stream: Stream.Stream<RecordedEvent, ReadError>) => {
  const seen: Array<RecordedEvent> = []
  const end = await Effect.runPromise(Effect.result(Stream.runForEach(stream, (e) => Effect.sync(() => seen.push(e)))))
  return { seen, failure: Result.isFailure(end) ? end.failure : undefined }
}

const damages: ReadonlyArray<[string, string, RegExp]> = [
  ["garbage in the data column", "data = '{\"placementId\": garb'", /data is not valid JSON/],
  ["data that fails its schema", "data = '{\"placementId\":\"P-1\",\"childId\":\"K-1\",\"daysPerWeek\":99}'", /data\.daysPerWeek/],
  ["garbage in the metadata column", "metadata = 'not json'", /metadata is not valid JSON/],
  ["an event type this program does not know", "type = 'placement-teleported'", /unknown event type/],
  ["a schema version newer than this program", "schema_version = 9", /newer than this program knows/]
]

describe("sqlite store, a corrupted row met on read", () => {
  let temp: TempStore
  beforeEach(async () => {
    temp = await tempStore()
  })
  afterEach(async () => {
    await temp.cleanup()
  })

  for (const pageSize of [5_000, 4]) {
    for (const [what, damage, reason] of damages) {
      it(`${what} fails the read with CorruptEvent at its position (${pageSize} rows a page)`, async () => {
        const childId = pseudonym()
        const stream = `child-${childId}`
        const events = childHistory(childId, 10)
        const write = ManagedRuntime.make(SqliteEventStore.layer(temp.path))
        await write.runPromise(EventStore.use((s) => s.append(stream, events, ExpectedRevision.noStream)))
        await write.dispose()

        const raw = new DatabaseSync(temp.path)
        const bad = raw.prepare("SELECT position FROM events WHERE revision = 6").get()?.position as number
        raw.exec(`UPDATE events SET ${damage} WHERE position = ${bad}`)
        raw.close()

        const read = ManagedRuntime.make(SqliteEventStore.layer(temp.path, { pageSize }))
        try {
          const store = await read.runPromise(EventStore.useSync((s) => s))
          for (const result of [await drain(store.readAll()), await drain(store.readStream(stream))]) {
            expect(result.seen.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5])
            expect(result.failure).toMatchObject({ _tag: "CorruptEvent", position: BigInt(bad), stream, revision: 6 })
            expect(result.failure?._tag === "CorruptEvent" && result.failure.reason).toMatch(reason)
          }
          // Reading past the bad row still works; the damage is not hidden by starting later either.
          const after = await drain(store.readAll({ after: BigInt(bad) }))
          expect(after.seen.map((e) => e.revision)).toEqual([7, 8, 9])
          expect((await drain(store.readStream(stream, { fromRevision: 3 }))).failure).toMatchObject({ position: BigInt(bad) })
        } finally {
          await read.dispose()
        }
      })
    }
  }
})
