/**
 * The EventStoreDB adapter's appends, against the in-process fake server
 * (test/support/esdb-fake) through the real @eventstore/db-client. Each case
 * runs twice: once with the server advertising BatchAppend (what the client
 * uses against servers since 21.10) and once without server features (the
 * client falls back to the classic Append call).
 */
import { ANY, NO_STREAM } from "@eventstore/db-client"
import { Effect, Result, Stream } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import type { EventEnvelope } from "../../src/events"
import { ExpectedRevision } from "../../src/store/EventStore"
import { EventStoreDbEventStore } from "../../src/store/eventstoredb"
import { fromEsdbRevision, toEsdbExpected } from "../../src/store/eventstoredb/mapping"
import {
  attempt,
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

describe("EventStoreDB revision mapping", () => {
  it("maps our expected revisions to the client's", () => {
    expect(toEsdbExpected(ExpectedRevision.noStream)).toBe(NO_STREAM)
    expect(toEsdbExpected(ExpectedRevision.any)).toBe(ANY)
    expect(toEsdbExpected(ExpectedRevision.exact(0))).toBe(0n)
    expect(toEsdbExpected(ExpectedRevision.exact(41))).toBe(41n)
  })

  it("maps the client's reported revisions back to ours", () => {
    expect(fromEsdbRevision(0n)).toBe(0)
    expect(fromEsdbRevision(7n)).toBe(7)
    expect(fromEsdbRevision("no_stream")).toBeUndefined()
    expect(fromEsdbRevision(-1n)).toBeUndefined()
    expect(fromEsdbRevision(undefined)).toBeUndefined()
  })
})

describe.each(["batch-append", "unimplemented"] as const)("EventStoreDB adapter appends (server features: %s)", (features) => {
  let store: FakeStore
  afterEach(async () => store?.fake.stop())
  const start = async () => {
    store = await startFakeStore({ features })
    return store
  }
  const sent = () => store.fake.appendCalls.batch + store.fake.appendCalls.classic

  it("appends with expected revisions NoStream, Exact and Any", async () => {
    const { layer } = await start()
    const child = freshChild()
    const stream = childStream(child)
    const [first, second, third, revision] = await withStore(layer, (s) =>
      Effect.all([
        s.append(stream, [kotEnded(child)], ExpectedRevision.noStream),
        s.append(stream, [kotEnded(child), kotEnded(child)], ExpectedRevision.exact(0)),
        s.append(stream, [kotEnded(child)], ExpectedRevision.any),
        s.streamRevision(stream)
      ])
    )
    expect(first).toMatchObject({ nextRevision: 0, written: 1 })
    expect(second).toMatchObject({ nextRevision: 2, written: 2 })
    expect(third).toMatchObject({ nextRevision: 3, written: 1 })
    expect(revision).toBe(3)
    expect(first.position < second.position && second.position < third.position).toBe(true)
  })

  it("reports the position of the last event of the batch, as read back", async () => {
    const { layer } = await start()
    const child = freshChild()
    const stream = childStream(child)
    const { result, read } = await withStore(layer, (s) =>
      Effect.gen(function* () {
        const result = yield* s.append(stream, [kotEnded(child), kotEnded(child), kotEnded(child)], ExpectedRevision.noStream)
        const read = yield* Stream.runCollect(s.readStream(stream))
        return { result, read }
      })
    )
    expect(read.map((e) => e.revision)).toEqual([0, 1, 2])
    expect(result.position).toBe(read[2]!.position)
  })

  it("refuses a wrong expected revision with the actual one (undefined: no stream)", async () => {
    const { layer } = await start()
    const child = freshChild()
    const stream = childStream(child)
    const outcomes = await withStore(layer, (s) =>
      Effect.gen(function* () {
        const onMissing = yield* attempt(s.append(stream, [kotEnded(child)], ExpectedRevision.exact(0)))
        yield* s.append(stream, [kotEnded(child), kotEnded(child)], ExpectedRevision.noStream)
        const tooLow = yield* attempt(s.append(stream, [kotEnded(child)], ExpectedRevision.exact(0)))
        const noStream = yield* attempt(s.append(stream, [kotEnded(child)], ExpectedRevision.noStream))
        const tooHigh = yield* attempt(s.append(stream, [kotEnded(child)], ExpectedRevision.exact(5)))
        return { onMissing, tooLow, noStream, tooHigh }
      })
    )
    expect(Result.isFailure(outcomes.onMissing) && outcomes.onMissing.failure).toMatchObject({
      _tag: "WrongExpectedRevision",
      stream,
      expected: ExpectedRevision.exact(0),
      actual: undefined
    })
    for (const [outcome, expected] of [
      [outcomes.tooLow, ExpectedRevision.exact(0)],
      [outcomes.noStream, ExpectedRevision.noStream],
      [outcomes.tooHigh, ExpectedRevision.exact(5)]
    ] as const) {
      expect(Result.isFailure(outcome) && outcome.failure).toMatchObject({ _tag: "WrongExpectedRevision", stream, expected, actual: 1 })
    }
  })

  it("maps the server's wrong-expected-version answer (a concurrent writer got in first)", async () => {
    const { layer, fake } = await start()
    const child = freshChild()
    const stream = childStream(child)
    const rival = (id: string) => ({
      id,
      type: "kot-entitlement-ended",
      contentType: "application/json",
      data: Buffer.from("{}"),
      metadata: new Uint8Array()
    })
    const outcomes = await withStore(layer, (s) =>
      Effect.gen(function* () {
        fake.hooks.beforeAppend = (name) => void fake.log.appendRaw(name, rival(crypto.randomUUID()))
        const created = yield* attempt(s.append(stream, [kotEnded(child)], ExpectedRevision.noStream))
        const next = yield* attempt(s.append(stream, [kotEnded(child)], ExpectedRevision.exact(0)))
        fake.hooks.beforeAppend = undefined
        return { created, next }
      })
    )
    // Each time the adapter saw the stream as expected; the server had the rival's event first.
    expect(Result.isFailure(outcomes.created) && outcomes.created.failure).toMatchObject({
      _tag: "WrongExpectedRevision",
      expected: ExpectedRevision.noStream,
      actual: 0
    })
    expect(Result.isFailure(outcomes.next) && outcomes.next.failure).toMatchObject({
      _tag: "WrongExpectedRevision",
      expected: ExpectedRevision.exact(0),
      actual: 1
    })
  })

  it("maps a failed answer the same way when the connection string sets throwOnAppendFailure=false", async () => {
    store = await startFakeStore({ features })
    const { fake } = store
    const layer = EventStoreDbEventStore.layer(`${fake.url}&throwOnAppendFailure=false`)
    const child = freshChild()
    const stream = childStream(child)
    const outcome = await withStore(layer, (s) =>
      Effect.gen(function* () {
        yield* s.append(stream, [kotEnded(child)], ExpectedRevision.noStream)
        fake.hooks.beforeAppend = (name) => {
          fake.hooks.beforeAppend = undefined
          fake.log.appendRaw(name, raw({ type: "kot-entitlement-ended", data: "{}" }))
          fake.log.appendRaw(name, raw({ type: "kot-entitlement-ended", data: "{}" }))
        }
        return yield* attempt(s.append(stream, [kotEnded(child)], ExpectedRevision.exact(0)))
      })
    )
    expect(Result.isFailure(outcome) && outcome.failure).toMatchObject({
      _tag: "WrongExpectedRevision",
      stream,
      expected: ExpectedRevision.exact(0),
      actual: 2
    })
  })

  it("re-appending the same batch at the same place is a no-op that answers the original result", async () => {
    const { layer, fake } = await start()
    const child = freshChild()
    const stream = childStream(child)
    const batch = [kotEnded(child), kotEnded(child)]
    const { first, again, againAny, events } = await withStore(layer, (s) =>
      Effect.gen(function* () {
        const first = yield* s.append(stream, batch, ExpectedRevision.noStream)
        const callsBefore = sent()
        const again = yield* s.append(stream, batch, ExpectedRevision.noStream)
        const againAny = yield* s.append(stream, batch, ExpectedRevision.any)
        expect(sent()).toBe(callsBefore) // decided from the stream's ids: nothing sent
        const events = yield* Stream.runCollect(s.readStream(stream))
        return { first, again, againAny, events }
      })
    )
    expect(again).toEqual({ nextRevision: first.nextRevision, position: first.position, written: 0 })
    expect(againAny).toEqual(again)
    expect(events.map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId))
    expect(fake.log.currentRevision(stream)).toBe(1n)
  })

  it.each([
    ["none", 0],
    ["original", 2]
  ] as const)(
    "a re-append that races ours is answered idempotently by the server: nothing stored twice (idempotent position: %s)",
    async (idempotentPosition, written) => {
      store = await startFakeStore({ features, idempotentPosition })
      const { layer, fake } = store
      const child = freshChild()
      const stream = childStream(child)
      const first = kotEnded(child)
      const batch = [kotEnded(child), kotEnded(child)]
      const { result, stored } = await withStore(layer, (s) =>
        Effect.gen(function* () {
          yield* s.append(stream, [first], ExpectedRevision.noStream)
          // Our own earlier attempt (a retry after a timeout, say) lands after the adapter has
          // read the stream's ids and just before the server decides this append.
          fake.hooks.beforeAppend = (name) => {
            fake.hooks.beforeAppend = undefined
            const seeded = batch.map((e) => raw({ id: e.eventId, type: e.type, data: JSON.stringify(e.data), metadata: ourMetadata(e) }))
            fake.log.append(name, { _tag: "Revision", revision: 0n }, seeded)
          }
          const result = yield* s.append(stream, batch, ExpectedRevision.exact(0))
          return { result, stored: yield* Stream.runCollect(s.readStream(stream)) }
        })
      )
      expect(stored.map((e) => e.eventId)).toEqual([first, ...batch].map((e) => e.eventId))
      expect(result.nextRevision).toBe(2)
      expect(result.position).toBe(stored[2]!.position)
      // Servers that answer without a position show it was idempotent; with the original
      // position it cannot be told from a fresh write (docs/decisions/0002).
      expect(result.written).toBe(written)
    }
  )

  it("refuses an event id stored elsewhere in the stream, or twice in one batch, sending nothing", async () => {
    const { layer } = await start()
    const child = freshChild()
    const stream = childStream(child)
    const a = kotEnded(child)
    const b = kotEnded(child)
    const outcomes = await withStore(layer, (s) =>
      Effect.gen(function* () {
        yield* s.append(stream, [a, b], ExpectedRevision.noStream)
        const callsBefore = sent()
        const reordered = yield* attempt(s.append(stream, [b, a], ExpectedRevision.any))
        const again = yield* attempt(s.append(stream, [kotEnded(child), a], ExpectedRevision.exact(1)))
        const c = kotEnded(child)
        const twice = yield* attempt(s.append(stream, [c, c], ExpectedRevision.exact(1)))
        expect(sent()).toBe(callsBefore)
        return { reordered, again, twice, revision: yield* s.streamRevision(stream) }
      })
    )
    for (const outcome of [outcomes.reordered, outcomes.again, outcomes.twice]) {
      expect(Result.isFailure(outcome) && outcome.failure).toMatchObject({ _tag: "DuplicateEventId", stream })
    }
    expect(outcomes.revision).toBe(1)
  })

  it("refuses a batch that only overlaps a stored one (DuplicateEventId), as the embedded stores do", async () => {
    const { layer } = await start()
    const child = freshChild()
    const stream = childStream(child)
    const [a0, a1] = [kotEnded(child), kotEnded(child)]
    const outcome = await withStore(layer, (s) =>
      Effect.andThen(s.append(stream, [a0, a1], ExpectedRevision.noStream), attempt(s.append(stream, [a1, kotEnded(child)], ExpectedRevision.any)))
    )
    expect(Result.isFailure(outcome) && outcome.failure).toMatchObject({ _tag: "DuplicateEventId", stream, eventId: a1.eventId })
    expect(store.fake.log.currentRevision(stream)).toBe(1n)
  })

  it("names the server's maximum append size when a batch is too large", async () => {
    store = await startFakeStore({ features, maxAppendSize: 2_000 })
    const child = freshChild()
    const events = Array.from({ length: 20 }, () => kotEnded(child))
    const outcome = await withStore(store.layer, (s) => attempt(s.append(childStream(child), events, ExpectedRevision.noStream)))
    expect(Result.isFailure(outcome) && outcome.failure).toMatchObject({ _tag: "StoreFailure" })
    expect(Result.isFailure(outcome) && outcome.failure.message).toContain("maximum append size (2000 bytes)")
    expect(store.fake.log.currentRevision(childStream(child))).toBeUndefined()
  })

  it("validates every event before sending: a bad one refuses the batch and nothing is sent", async () => {
    const { layer, fake } = await start()
    const child = freshChild()
    const stream = childStream(child)
    const bad = { ...kotEnded(child), data: { childId: "123456782" } } as EventEnvelope // passes the elfproef: looks like a BSN
    const elsewhere = kotEnded(freshChild())
    const outcomes = await withStore(layer, (s) =>
      Effect.all([
        attempt(s.append(stream, [kotEnded(child), bad], ExpectedRevision.noStream)),
        attempt(s.append(stream, [elsewhere], ExpectedRevision.noStream)),
        s.streamRevision(stream)
      ])
    )
    expect(Result.isFailure(outcomes[0]) && outcomes[0].failure).toMatchObject({ _tag: "InvalidEvent", eventId: bad.eventId })
    expect(Result.isFailure(outcomes[1]) && outcomes[1].failure).toMatchObject({
      _tag: "InvalidEvent",
      issues: [{ path: "stream" }]
    })
    expect(outcomes[2]).toBeUndefined()
    expect(fake.appendCalls).toEqual({ classic: 0, batch: 0 })
  })

  it("stores our envelope in EventStoreDB's shape: id, type, JSON data, our times in the metadata", async () => {
    const { layer, fake } = await start()
    const event = budgetLine("BL-2026-kop", "Kinderopvang plus — ‘inclusief’ ✓ 日本語 🧒")
    await withStore(layer, (s) => s.append(event.stream, [event], ExpectedRevision.noStream))
    const [stored] = fake.log.readStream(event.stream, "start", "forwards", 10)!
    expect(stored!.id).toBe(event.eventId)
    expect(stored!.type).toBe("budget-line-set")
    expect(stored!.contentType).toBe("application/json")
    expect(JSON.parse(Buffer.from(stored!.data).toString("utf8"))).toEqual(event.data)
    expect(JSON.parse(Buffer.from(stored!.metadata).toString("utf8"))).toEqual({
      schemaVersion: 1,
      validTime: "2026-01-01",
      recordedTime: "2025-12-15T16:45:30.123456+01:00",
      metadata: event.metadata
    })
  })

  it("an empty batch checks the expected revision and writes nothing", async () => {
    const { layer } = await start()
    const child = freshChild()
    const stream = childStream(child)
    const outcomes = await withStore(layer, (s) =>
      Effect.gen(function* () {
        const onMissing = yield* s.append(stream, [], ExpectedRevision.noStream)
        const wrong = yield* attempt(s.append(stream, [], ExpectedRevision.exact(0)))
        const written = yield* s.append(stream, [kotEnded(child)], ExpectedRevision.noStream)
        const after = yield* s.append(stream, [], ExpectedRevision.exact(0))
        return { onMissing, wrong, written, after }
      })
    )
    expect(outcomes.onMissing).toEqual({ nextRevision: -1, position: 0n, written: 0 })
    expect(Result.isFailure(outcomes.wrong) && outcomes.wrong.failure).toMatchObject({ _tag: "WrongExpectedRevision", actual: undefined })
    expect(outcomes.after).toEqual({ nextRevision: 0, position: outcomes.written.position, written: 0 })
  })

  it("appendMany: validates all batches first, then appends stream by stream (not atomic across streams)", async () => {
    const { layer, fake } = await start()
    const [c1, c2] = [freshChild(), freshChild()]
    const invalid = { ...kotEnded(c2), validTime: "2026-02-30" }
    const outcomes = await withStore(layer, (s) =>
      Effect.gen(function* () {
        const refused = yield* attempt(
          s.appendMany([
            { stream: childStream(c1), events: [kotEnded(c1)], expected: ExpectedRevision.noStream },
            { stream: childStream(c2), events: [invalid], expected: ExpectedRevision.noStream }
          ])
        )
        const nothingSent = fake.appendCalls.batch + fake.appendCalls.classic === 0
        const conflict = yield* attempt(
          s.appendMany([
            { stream: childStream(c1), events: [kotEnded(c1)], expected: ExpectedRevision.noStream },
            { stream: childStream(c2), events: [kotEnded(c2)], expected: ExpectedRevision.exact(3) }
          ])
        )
        const ok = yield* s.appendMany([
          { stream: childStream(c2), events: [kotEnded(c2)], expected: ExpectedRevision.noStream },
          { stream: childStream(c1), events: [kotEnded(c1)], expected: ExpectedRevision.exact(0) }
        ])
        return { refused, nothingSent, conflict, ok }
      })
    )
    expect(Result.isFailure(outcomes.refused) && outcomes.refused.failure).toMatchObject({ _tag: "InvalidEvent" })
    expect(outcomes.nothingSent).toBe(true)
    expect(Result.isFailure(outcomes.conflict) && outcomes.conflict.failure).toMatchObject({
      _tag: "WrongExpectedRevision",
      stream: childStream(c2)
    })
    // The first batch of the refused call stays written: EventStoreDB has no cross-stream transaction.
    expect(outcomes.ok.map((r) => r.nextRevision)).toEqual([0, 1])
    expect(outcomes.ok[0]!.position < outcomes.ok[1]!.position).toBe(true)
  })

  it("reads back what it wrote", async () => {
    const { layer } = await start()
    const child = freshChild()
    const events = [kotEnded(child), kotEnded(child, { source: "intake — Zaanstad ‘K-7’ ✓" })]
    const read = await withStore(layer, (s) =>
      Effect.andThen(s.append(childStream(child), events, ExpectedRevision.noStream), collect(s.readStream(childStream(child))))
    )
    expect(Result.isSuccess(read) && read.success.map(({ revision: _r, position: _p, ...e }) => e)).toEqual(events)
  })
})
