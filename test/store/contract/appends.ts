/**
 * Contract cases about writing: order, expected revisions, idempotent
 * re-appends, validation and appendMany.
 */
import { describe, expect, it } from "vitest"
import type { EventEnvelope } from "../../../src/events"
import { type AppendBatch, ExpectedRevision } from "../../../src/store/EventStore"
import { childHistory, envelopeOf, placementChanged, placementStarted } from "../../support/events"
import { child, failureOf, type Harness, run } from "./harness"

export const appendCases = ({ store, marker, readAllOf, readStream }: Harness): void => {
  it("keeps order within a stream and the global order across streams", async () => {
    const after = await marker()
    const a = child()
    const b = child()
    const [a0, a1, a2] = childHistory(a.id, 3) as [EventEnvelope, EventEnvelope, EventEnvelope]
    const [b0, b1, b2] = childHistory(b.id, 3) as [EventEnvelope, EventEnvelope, EventEnvelope]
    const r1 = await run(store().append(a.stream, [a0, a1], ExpectedRevision.noStream))
    const r2 = await run(store().append(b.stream, [b0], ExpectedRevision.noStream))
    const r3 = await run(store().append(a.stream, [a2], ExpectedRevision.exact(1)))
    const r4 = await run(store().append(b.stream, [b1, b2], ExpectedRevision.any))
    expect([r1, r2, r3, r4].map((r) => [r.nextRevision, r.written])).toEqual([[1, 2], [0, 1], [2, 1], [2, 2]])

    const readA = await readStream(a.stream)
    expect(readA.map(envelopeOf)).toStrictEqual([a0, a1, a2])
    expect(readA.map((e) => e.revision)).toEqual([0, 1, 2])
    expect(await run(store().streamRevision(a.stream))).toBe(2)
    expect(await run(store().streamRevision(b.stream))).toBe(2)

    const all = await readAllOf([a.stream, b.stream], { after })
    expect(all.map((e) => e.eventId)).toEqual([a0, a1, b0, a2, b1, b2].map((e) => e.eventId))
    const positions = all.map((e) => e.position)
    positions.forEach((p, i) => i > 0 && expect(p > (positions[i - 1] as bigint)).toBe(true))
    expect(positions[0]! > after).toBe(true)
    // An append's result names the position of its last event.
    expect([r1.position, r2.position, r3.position, r4.position]).toEqual([
      positions[1], positions[2], positions[3], positions[5]
    ])
  })


  describe("expected revision", () => {
    it("NoStream: refused once the stream exists, naming stream, expected and actual; nothing written", async () => {
      const c = child()
      await run(store().append(c.stream, childHistory(c.id, 2), ExpectedRevision.noStream))
      const error = await failureOf(store().append(c.stream, [placementChanged(c.id)], ExpectedRevision.noStream))
      expect(error).toMatchObject({ _tag: "WrongExpectedRevision", stream: c.stream, expected: { _tag: "NoStream" }, actual: 1 })
      expect(error.message).toContain(c.stream)
      expect((await readStream(c.stream)).length).toBe(2)
    })

    it("Exact: refused when the stream is elsewhere or missing; accepted at the revision", async () => {
      const c = child()
      const missing = await failureOf(store().append(c.stream, [placementStarted(c.id)], ExpectedRevision.exact(0)))
      expect(missing).toMatchObject({ _tag: "WrongExpectedRevision", stream: c.stream, expected: { _tag: "Exact", revision: 0 }, actual: undefined })
      expect(await run(store().streamRevision(c.stream))).toBeUndefined()

      await run(store().append(c.stream, childHistory(c.id, 2), ExpectedRevision.noStream))
      for (const stale of [0, 2, 7]) {
        const error = await failureOf(store().append(c.stream, [placementChanged(c.id)], ExpectedRevision.exact(stale)))
        expect(error).toMatchObject({ _tag: "WrongExpectedRevision", stream: c.stream, expected: { _tag: "Exact", revision: stale }, actual: 1 })
      }
      expect((await readStream(c.stream)).length).toBe(2)
      const ok = await run(store().append(c.stream, [placementChanged(c.id)], ExpectedRevision.exact(1)))
      expect(ok).toMatchObject({ nextRevision: 2, written: 1 })
    })

    it("Any: accepted on a new and on an existing stream", async () => {
      const c = child()
      expect(await run(store().append(c.stream, [placementStarted(c.id)], ExpectedRevision.any))).toMatchObject({ nextRevision: 0, written: 1 })
      expect(await run(store().append(c.stream, [placementChanged(c.id)], ExpectedRevision.any))).toMatchObject({ nextRevision: 1, written: 1 })
    })
  })


  describe("idempotent re-append", () => {
    it("the same event ids again write nothing and answer with the original result", async () => {
      const after = await marker()
      const c = child()
      const first = childHistory(c.id, 3)
      const second = [placementChanged(c.id), placementChanged(c.id)]
      const r1 = await run(store().append(c.stream, first, ExpectedRevision.noStream))
      const r2 = await run(store().append(c.stream, second, ExpectedRevision.exact(2)))
      const again1 = { ...r1, written: 0 }
      const again2 = { ...r2, written: 0 }
      // Retries with the same expected revision (a lost acknowledgement), and with Any.
      expect(await run(store().append(c.stream, first, ExpectedRevision.noStream))).toEqual(again1)
      expect(await run(store().append(c.stream, first, ExpectedRevision.any))).toEqual(again1)
      expect(await run(store().append(c.stream, second, ExpectedRevision.exact(2)))).toEqual(again2)
      expect(await run(store().append(c.stream, second, ExpectedRevision.any))).toEqual(again2)

      const stored = await readStream(c.stream)
      expect(stored.map(envelopeOf)).toStrictEqual([...first, ...second])
      expect((await readAllOf([c.stream], { after })).length).toBe(5)
      expect(await run(store().streamRevision(c.stream))).toBe(4)
    })

    it("the same event ids under an expected revision that did not hold for them are a WrongExpectedRevision", async () => {
      const c = child()
      const first = childHistory(c.id, 2)
      const second = [placementChanged(c.id)]
      await run(store().append(c.stream, first, ExpectedRevision.noStream))
      await run(store().append(c.stream, second, ExpectedRevision.exact(1)))
      // `second` went in after revision 1, not onto a missing stream; `first` onto a missing stream, not after revision 2.
      const notNew = await failureOf(store().append(c.stream, second, ExpectedRevision.noStream))
      expect(notNew).toMatchObject({ _tag: "WrongExpectedRevision", stream: c.stream, actual: 2 })
      const notAfter = await failureOf(store().append(c.stream, first, ExpectedRevision.exact(2)))
      expect(notAfter).toMatchObject({ _tag: "WrongExpectedRevision", stream: c.stream, expected: { _tag: "Exact", revision: 2 }, actual: 2 })
      expect((await readStream(c.stream)).length).toBe(3)
    })

    it("an id stored in another stream, or a batch only overlapping a stored one, is a DuplicateEventId", async () => {
      const a = child()
      const b = child()
      const [a0, a1] = childHistory(a.id, 2) as [EventEnvelope, EventEnvelope]
      await run(store().append(a.stream, [a0, a1], ExpectedRevision.noStream))

      const reused = placementStarted(b.id, { eventId: a0.eventId })
      const elsewhere = await failureOf(store().append(b.stream, [reused], ExpectedRevision.any))
      expect(elsewhere).toMatchObject({ _tag: "DuplicateEventId", stream: b.stream, eventId: a0.eventId })
      expect(await readStream(b.stream)).toEqual([])

      const fresh = placementChanged(a.id)
      const overlap = await failureOf(store().append(a.stream, [a1, fresh], ExpectedRevision.any))
      expect(overlap).toMatchObject({ _tag: "DuplicateEventId", stream: a.stream, eventId: a1.eventId })
      expect((await readStream(a.stream)).map((e) => e.eventId)).toEqual([a0.eventId, a1.eventId])
    })

    it("the same id twice in one batch is a DuplicateEventId and nothing is written", async () => {
      const c = child()
      const e0 = placementStarted(c.id)
      const e1 = placementChanged(c.id, { eventId: e0.eventId })
      const error = await failureOf(store().append(c.stream, [e0, e1], ExpectedRevision.noStream))
      expect(error).toMatchObject({ _tag: "DuplicateEventId", eventId: e0.eventId })
      expect(await readStream(c.stream)).toEqual([])
    })
  })


  describe("validation", () => {
    const refused: ReadonlyArray<[string, (childId: string) => EventEnvelope, string]> = [
      ["a data field out of range", (id) => placementChanged(id, { data: { daysPerWeek: 9 } }), "data.daysPerWeek"],
      ["a BSN instead of a pseudonym", (id) => ({ ...placementChanged(id), data: { placementId: "P-1", childId: "111222333" } }) as EventEnvelope, "data.childId"],
      ["a recorded time without a zone", (id) => placementChanged(id, { recordedTime: "2026-01-02T09:00:00" }), "recordedTime"],
      ["a missing metadata source", (id) => ({ ...placementChanged(id), metadata: {} }) as unknown as EventEnvelope, "metadata.source"],
      ["an unknown event type", (id) => ({ ...placementChanged(id), type: "placement-teleported" }) as unknown as EventEnvelope, "type"]
    ]
    for (const [what, bad, field] of refused) {
      it(`refuses a batch with ${what}, naming ${field}; nothing is written`, async () => {
        const c = child()
        const invalid = bad(c.id)
        const error = await failureOf(
          store().append(c.stream, [placementStarted(c.id), invalid, placementChanged(c.id)], ExpectedRevision.noStream)
        )
        expect(error).toMatchObject({ _tag: "InvalidEvent", eventId: invalid.eventId })
        expect(error._tag === "InvalidEvent" && error.issues.map((i) => i.path)).toContain(field)
        expect(await readStream(c.stream)).toEqual([])
        expect(await run(store().streamRevision(c.stream))).toBeUndefined()
      })
    }

    it("judges an event by what it stores: data that looks valid but whose JSON is not (a toJSON) is refused, naming the field", async () => {
      const c = child()
      const event = placementChanged(c.id)
      // As an object it is the valid event; written, its data would read back without hoursPerDay's check passing.
      const data = { ...event.data, toJSON: () => ({ ...event.data, hoursPerDay: 25 }) }
      const error = await failureOf(store().append(c.stream, [{ ...event, data } as EventEnvelope], ExpectedRevision.any))
      expect(error).toMatchObject({ _tag: "InvalidEvent", eventId: event.eventId, issues: [{ path: "data.hoursPerDay" }] })
      expect(await readStream(c.stream)).toEqual([])
    })

    it("refuses data that cannot be stored as JSON (a bigint), naming data; nothing is written", async () => {
      const c = child()
      const event = placementChanged(c.id)
      const error = await failureOf(
        store().append(c.stream, [placementStarted(c.id), { ...event, data: { ...event.data, daysPerWeek: 3n } } as unknown as EventEnvelope], ExpectedRevision.any)
      )
      expect(error).toMatchObject({ _tag: "InvalidEvent", eventId: event.eventId, issues: [{ path: "data" }] })
      expect(error._tag === "InvalidEvent" && error.issues[0]!.message).toContain("JSON")
      expect(await readStream(c.stream)).toEqual([])
    })

    it("refuses an event with a field an envelope does not have", async () => {
      const c = child()
      const event = { ...placementChanged(c.id), note: "an extra field" } as unknown as EventEnvelope
      const error = await failureOf(store().append(c.stream, [event], ExpectedRevision.any))
      expect(error).toMatchObject({ _tag: "InvalidEvent", eventId: event.eventId })
      expect(await readStream(c.stream)).toEqual([])
    })

    it("refuses an event appended to a stream other than its own, naming stream", async () => {
      const a = child()
      const b = child()
      const error = await failureOf(store().append(b.stream, [placementStarted(a.id)], ExpectedRevision.any))
      expect(error).toMatchObject({ _tag: "InvalidEvent", issues: [{ path: "stream" }] })
      expect(await readStream(a.stream)).toEqual([])
      expect(await readStream(b.stream)).toEqual([])
    })
  })


  describe("appendMany", () => {
    it("appends batches to several streams, in order, with one result per batch", async () => {
      const after = await marker()
      const a = child()
      const b = child()
      const batches: Array<AppendBatch> = [
        { stream: a.stream, events: childHistory(a.id, 2), expected: ExpectedRevision.noStream },
        { stream: b.stream, events: childHistory(b.id, 3), expected: ExpectedRevision.any },
        { stream: a.stream, events: [placementChanged(a.id)], expected: ExpectedRevision.exact(1) }
      ]
      const results = await run(store().appendMany(batches))
      expect(results.map((r) => [r.nextRevision, r.written])).toEqual([[1, 2], [2, 3], [2, 1]])
      const all = await readAllOf([a.stream, b.stream], { after })
      expect(all.map(envelopeOf)).toStrictEqual(batches.flatMap((x) => x.events))
      expect(results.map((r) => r.position)).toEqual([all[1], all[4], all[5]].map((e) => e?.position))
    })

    it("an invalid event in any batch refuses them all", async () => {
      const a = child()
      const b = child()
      const error = await failureOf(
        store().appendMany([
          { stream: a.stream, events: childHistory(a.id, 2), expected: ExpectedRevision.noStream },
          { stream: b.stream, events: [placementChanged(b.id, { data: { hoursPerDay: 25 } })], expected: ExpectedRevision.any }
        ])
      )
      expect(error).toMatchObject({ _tag: "InvalidEvent", issues: [{ path: "data.hoursPerDay" }] })
      expect(await readStream(a.stream)).toEqual([])
      expect(await readStream(b.stream)).toEqual([])
    })

    it("a conflicting batch fails with WrongExpectedRevision naming its stream; later batches are not written", async () => {
      const a = child()
      const b = child()
      await run(store().append(a.stream, [placementStarted(a.id)], ExpectedRevision.noStream))
      const error = await failureOf(
        store().appendMany([
          { stream: a.stream, events: [placementChanged(a.id)], expected: ExpectedRevision.noStream },
          { stream: b.stream, events: [placementStarted(b.id)], expected: ExpectedRevision.noStream }
        ])
      )
      expect(error).toMatchObject({ _tag: "WrongExpectedRevision", stream: a.stream, actual: 0 })
      expect((await readStream(a.stream)).length).toBe(1)
      expect(await readStream(b.stream)).toEqual([])
    })

    it("an empty list writes nothing", async () => {
      expect(await run(store().appendMany([]))).toEqual([])
    })
  })
}
