/**
 * The EventStoreDB adapter's reads against the in-process fake server:
 * stream and `$all` reads in pages, system events left out, `after` and
 * `recordedUpTo`, and stored events that no longer decode (CorruptEvent,
 * never skipped).
 */
import { Effect, Result, Stream } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { ExpectedRevision } from "../../src/store/EventStore"
import {
  budgetLine,
  childStream,
  collect,
  type FakeStore,
  freshChild,
  kotEnded,
  ourMetadata,
  raw,
  startFakeStore,
  withStore
} from "./eventstoredb.fixtures"

let store: FakeStore
afterEach(async () => store?.fake.stop())

const PAGE = 2

describe("EventStoreDB adapter reads", () => {
  it("reads a stream from a revision, in pages of at most the page size", async () => {
    store = await startFakeStore({}, { pageSize: PAGE })
    const child = freshChild()
    const stream = childStream(child)
    const events = Array.from({ length: 5 }, () => kotEnded(child))
    const { all, fromThree, beyond } = await withStore(store.layer, (s) =>
      Effect.gen(function* () {
        yield* s.append(stream, events, ExpectedRevision.noStream)
        store.fake.reads.length = 0
        const all = yield* Stream.runCollect(s.readStream(stream))
        const fromThree = yield* Stream.runCollect(s.readStream(stream, { fromRevision: 3 }))
        const beyond = yield* Stream.runCollect(s.readStream(stream, { fromRevision: 9 }))
        return { all, fromThree, beyond }
      })
    )
    expect(all.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId))
    expect(all.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4])
    expect(fromThree.map((e) => e.revision)).toEqual([3, 4])
    expect(beyond).toEqual([])
    const streamReads = store.fake.reads.filter((r) => r.target === stream)
    expect(streamReads.every((r) => r.count === PAGE)).toBe(true)
    expect(streamReads.length).toBeGreaterThanOrEqual(3) // 5 events in pages of 2
  })

  it("reads a missing stream as empty, and its revision as undefined", async () => {
    store = await startFakeStore()
    const result = await withStore(store.layer, (s) =>
      Effect.all([Stream.runCollect(s.readStream("child-nobody")), s.streamRevision("child-nobody")])
    )
    expect(result).toEqual([[], undefined])
  })

  it("reads $all in global order, in pages, without EventStoreDB's system events", async () => {
    store = await startFakeStore({}, { pageSize: PAGE })
    const [c1, c2] = [freshChild(), freshChild()]
    const { fake } = store
    const all = await withStore(store.layer, (s) =>
      Effect.gen(function* () {
        yield* s.append(childStream(c1), [kotEnded(c1)], ExpectedRevision.noStream)
        // System events between ours: a `$`-stream with data that is not JSON, a `$`-type in a normal stream.
        fake.log.appendRaw("$stats-127.0.0.1:2113", raw({ type: "$statsCollected", data: "not json" }))
        fake.log.appendRaw(childStream(c2), raw({ type: "$>", data: "0@child-x", contentType: "application/octet-stream" }))
        fake.log.appendRaw("$$" + childStream(c1), raw({ type: "$metadata", data: `{"$maxCount":10}` }))
        yield* s.append(childStream(c1), [kotEnded(c1), kotEnded(c1)], ExpectedRevision.exact(0))
        fake.reads.length = 0
        return yield* Stream.runCollect(s.readAll())
      })
    )
    expect(all.map((e) => [e.stream, e.revision])).toEqual([
      [childStream(c1), 0],
      [childStream(c1), 1],
      [childStream(c1), 2]
    ])
    const positions = all.map((e) => e.position)
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions)
    // Paged: a page continuing from a position asks for one more (the event at that position, skipped).
    expect(fake.reads.every((r) => r.target === "$all" && r.count <= PAGE + 1)).toBe(true)
    // 9 events in $all (3 seeded system events, 3 ours, 3 more system): pages of 2, 2, 2, 2, 1 new events.
    expect(fake.log.size).toBe(9)
    expect(fake.reads.length).toBe(5)
  })

  it("readAll after a position is strictly after it", async () => {
    store = await startFakeStore({}, { pageSize: PAGE })
    const child = freshChild()
    const stream = childStream(child)
    const { written, afterFirst, afterLast, afterNegative } = await withStore(store.layer, (s) =>
      Effect.gen(function* () {
        const written = [] as Array<bigint>
        for (let i = 0; i < 4; i++) {
          written.push((yield* s.append(stream, [kotEnded(child)], ExpectedRevision.any)).position)
        }
        return {
          written,
          afterFirst: yield* Stream.runCollect(s.readAll({ after: written[0]! })),
          afterLast: yield* Stream.runCollect(s.readAll({ after: written[3]! })),
          afterNegative: yield* Stream.runCollect(s.readAll({ after: -1n }))
        }
      })
    )
    expect(afterFirst.map((e) => e.position)).toEqual(written.slice(1))
    expect(afterLast).toEqual([])
    expect(afterNegative.map((e) => e.position)).toEqual(written)
  })

  it("readAll recordedUpTo keeps events recorded up to and including that instant, whatever the offset", async () => {
    store = await startFakeStore()
    const child = freshChild()
    const stream = childStream(child)
    const times = ["2026-03-01T08:00:00Z", "2026-03-01T10:00:00+01:00", "2026-03-01T09:00:00.000001Z", "2026-03-02T00:30:00+01:00"]
    const events = times.map((recordedTime) => kotEnded(child, { recordedTime }))
    const upTo = await withStore(store.layer, (s) =>
      Effect.gen(function* () {
        yield* s.append(stream, events, ExpectedRevision.noStream)
        return yield* Stream.runCollect(s.readAll({ recordedUpTo: "2026-03-01T10:00:00+01:00" }))
      })
    )
    // 08:00Z and 10:00+01:00 (= 09:00Z) are in; 09:00:00.000001Z is after 09:00Z; 00:30+01:00 on the 2nd is 23:30Z on the 1st: after.
    expect(upTo.map((e) => e.recordedTime)).toEqual([times[0], times[1]])
  })

  it("refuses a recordedUpTo that is not an instant", async () => {
    store = await startFakeStore()
    const outcome = await withStore(store.layer, (s) => collect(s.readAll({ recordedUpTo: "gisteren" })))
    expect(Result.isFailure(outcome) && outcome.failure).toMatchObject({ _tag: "StoreFailure" })
  })

  it("reads back exactly what was written, unicode included", async () => {
    store = await startFakeStore()
    const event = budgetLine("BL-2026-01", "Kinderopvang plus — ‘inclusief’ ✓ 日本語 🧒 ñ")
    const [fromStream, fromAll] = await withStore(store.layer, (s) =>
      Effect.andThen(
        s.append(event.stream, [event], ExpectedRevision.noStream),
        Effect.all([Stream.runCollect(s.readStream(event.stream)), Stream.runCollect(s.readAll())])
      )
    )
    expect(fromStream).toHaveLength(1)
    const { revision, position, ...envelope } = fromStream[0]!
    expect(envelope).toEqual(event)
    expect(revision).toBe(0)
    expect(fromAll).toEqual(fromStream)
    expect(position).toBe(store.fake.log.readStream(event.stream, 0n, "forwards", 1)![0]!.position.commit)
  })

  it("upcasts older schema versions on read", async () => {
    store = await startFakeStore()
    const child = "K-upcast-1"
    const v1 = {
      eventId: "1d1c2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
      type: "placement-started",
      schemaVersion: 1,
      stream: childStream(child),
      validTime: "2025-09-01",
      recordedTime: "2025-08-20T10:00:00Z",
      data: {
        placementId: "P-1",
        childId: child,
        providerId: "A-1",
        locationId: "L-1",
        groupId: "G-1",
        careType: "dagopvang",
        daysPerWeek: 2,
        hoursPerDay: 10,
        hourlyRateCents: 1027
      },
      metadata: { source: "legacy import" }
    }
    store.fake.log.appendRaw(v1.stream, raw({ id: v1.eventId, type: v1.type, data: JSON.stringify(v1.data), metadata: ourMetadata(v1 as never) }))
    const [read] = await withStore(store.layer, (s) => Stream.runCollect(s.readStream(v1.stream)))
    expect(read).toMatchObject({ schemaVersion: 2, data: { hourlyPrice: "10.27" } })
    expect(read!.data).not.toHaveProperty("hourlyRateCents")
  })
})

describe("EventStoreDB adapter: stored events that no longer decode", () => {
  const corruptCases = [
    ["data that is not JSON", (e: ReturnType<typeof kotEnded>) => raw({ id: e.eventId, type: e.type, data: "{childId:", metadata: ourMetadata(e) })],
    ["data that breaks the schema", (e: ReturnType<typeof kotEnded>) => raw({ id: e.eventId, type: e.type, data: `{"childId":""}`, metadata: ourMetadata(e) })],
    ["metadata that is not ours", (e: ReturnType<typeof kotEnded>) => raw({ id: e.eventId, type: e.type, data: JSON.stringify(e.data), metadata: "" })],
    [
      "binary content",
      (e: ReturnType<typeof kotEnded>) =>
        raw({ id: e.eventId, type: e.type, data: JSON.stringify(e.data), metadata: ourMetadata(e), contentType: "application/octet-stream" })
    ],
    ["an unknown event type", (e: ReturnType<typeof kotEnded>) => raw({ id: e.eventId, type: "kot-entitlement-paused", data: JSON.stringify(e.data), metadata: ourMetadata(e) })]
  ] as const

  it.each(corruptCases)("fails the read with CorruptEvent at its place: %s", async (_what, corrupt) => {
    store = await startFakeStore({}, { pageSize: PAGE })
    const child = freshChild()
    const stream = childStream(child)
    const good = [kotEnded(child), kotEnded(child)]
    const bad = kotEnded(child)
    const { fromStream, fromAll, prefix, prefixAll, after } = await withStore(store.layer, (s) =>
      Effect.gen(function* () {
        yield* s.append(stream, good, ExpectedRevision.noStream)
        store.fake.log.appendRaw(stream, corrupt(bad))
        yield* s.append(stream, [kotEnded(child)], ExpectedRevision.exact(2))
        return {
          fromStream: yield* collect(s.readStream(stream)),
          fromAll: yield* collect(s.readAll()),
          prefix: yield* Stream.runCollect(Stream.take(s.readStream(stream), 2)),
          prefixAll: yield* Stream.runCollect(Stream.take(s.readAll(), 2)),
          after: yield* collect(s.readStream(stream, { fromRevision: 3 }))
        }
      })
    )
    const position = store.fake.log.readStream(stream, 2n, "forwards", 1)![0]!.position.commit
    for (const outcome of [fromStream, fromAll]) {
      expect(Result.isFailure(outcome) && outcome.failure).toMatchObject({ _tag: "CorruptEvent", position, stream, revision: 2 })
      expect(Result.isFailure(outcome) && outcome.failure._tag === "CorruptEvent" && outcome.failure.reason).toMatch(/\S/)
    }
    // The good events before it are still delivered; the ones after it are reachable by reading past it.
    expect(prefix.map((e) => e.eventId)).toEqual(good.map((e) => e.eventId))
    expect(prefixAll.map((e) => e.eventId)).toEqual(good.map((e) => e.eventId))
    expect(Result.isSuccess(after) && after.success.map((e) => e.revision)).toEqual([3])
  })
})
