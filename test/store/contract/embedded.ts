/**
 * What the embedded stores (SQLite, memory) promise beyond the port's common
 * ground: appendMany is one transaction, so a refusal anywhere undoes every
 * batch (EventStoreDB appends stream by stream, see the port); an empty batch
 * is checked and answered like any other.
 */
import { describe, expect, it } from "vitest"
import { type AppendBatch, ExpectedRevision } from "../../../src/store/EventStore"
import { childHistory, placementChanged, placementStarted } from "../../support/events"
import { child, collect, failureOf, type MakeStore, run, useFreshStore } from "./harness"

export const describeEmbeddedStoreContract = (name: string, make: MakeStore): void => {
  describe(`embedded EventStore: ${name}`, () => {
    const { store } = useFreshStore(make)

    it("an empty batch writes nothing, still checks the expected revision, and answers where the stream stands", async () => {
      const c = child()
      expect(await run(store().append(c.stream, [], ExpectedRevision.noStream))).toEqual({ nextRevision: -1, position: 0n, written: 0 })
      expect(await run(store().streamRevision(c.stream))).toBeUndefined()
      const written = await run(store().append(c.stream, childHistory(c.id, 2), ExpectedRevision.noStream))
      expect(await run(store().append(c.stream, [], ExpectedRevision.exact(1)))).toEqual({ ...written, written: 0 })
      const error = await failureOf(store().append(c.stream, [], ExpectedRevision.noStream))
      expect(error).toMatchObject({ _tag: "WrongExpectedRevision", stream: c.stream, actual: 1 })
    })

    it("a conflict in a later batch leaves the earlier batches unwritten", async () => {
      const a = child()
      const b = child()
      await run(store().append(b.stream, [placementStarted(b.id)], ExpectedRevision.noStream))
      const error = await failureOf(
        store().appendMany([
          { stream: a.stream, events: childHistory(a.id, 3), expected: ExpectedRevision.noStream },
          { stream: b.stream, events: [placementChanged(b.id)], expected: ExpectedRevision.exact(5) }
        ])
      )
      expect(error).toMatchObject({ _tag: "WrongExpectedRevision", stream: b.stream, actual: 0 })
      expect(await collect(store().readStream(a.stream))).toEqual([])
      expect(await run(store().streamRevision(a.stream))).toBeUndefined()
      expect((await collect(store().readAll())).map((e) => e.stream)).toEqual([b.stream])
    })

    it("a duplicate id in a later batch leaves the earlier batches unwritten", async () => {
      const a = child()
      const b = child()
      const stored = placementStarted(b.id)
      await run(store().append(b.stream, [stored], ExpectedRevision.noStream))
      const c = child()
      const error = await failureOf(
        store().appendMany([
          { stream: a.stream, events: childHistory(a.id, 2), expected: ExpectedRevision.noStream },
          { stream: c.stream, events: [placementStarted(c.id), placementChanged(c.id, { eventId: stored.eventId })], expected: ExpectedRevision.any }
        ])
      )
      expect(error).toMatchObject({ _tag: "DuplicateEventId", stream: c.stream, eventId: stored.eventId })
      expect((await collect(store().readAll())).map((e) => e.eventId)).toEqual([stored.eventId])
      // The store is still usable and positions go on from there.
      const next = await run(store().append(a.stream, childHistory(a.id, 1), ExpectedRevision.noStream))
      expect(next.nextRevision).toBe(0)
    })

    it("a retried appendMany whose batches all landed writes nothing", async () => {
      const a = child()
      const b = child()
      const batches: Array<AppendBatch> = [
        { stream: a.stream, events: childHistory(a.id, 2), expected: ExpectedRevision.noStream },
        { stream: b.stream, events: childHistory(b.id, 2), expected: ExpectedRevision.noStream }
      ]
      const first = await run(store().appendMany(batches))
      const again = await run(store().appendMany(batches))
      expect(again).toEqual(first.map((r) => ({ ...r, written: 0 })))
      expect((await collect(store().readAll())).length).toBe(4)
    })
  })
}
