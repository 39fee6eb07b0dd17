/**
 * Contract cases about reading: what was written comes back exactly (unicode,
 * large payloads, a 10,000-event batch, upcasting), from a revision, after a
 * position, recorded up to an instant.
 */
import { describe, expect, it } from "vitest"
import type { RecordedEvent } from "../../../src/events"
import { ExpectedRevision } from "../../../src/store/EventStore"
import {
  budgetLineSet,
  childHistory,
  envelopeOf,
  placementChanged,
  placementStarted,
  placementStartedV1,
  pseudonym
} from "../../support/events"
import { child, type Harness, run } from "./harness"

const unicodeText =
  "Één café in 's-Hertogenbosch: coöperatie, naïeve ‘ideeën’ — 👶🏽👨‍👩‍👧 " +
  "مرحبا بالعالم שלום עולם ‏RTL‏ — tab\tnewline\n\"quote\" \\backslash\\ NUL\u0000 ẞ ﬁ e\u0301"

/** A string of exactly `length` UTF-16 code units, with astral characters (emoji) and diacritics in it. */
const textOfLength = (length: number): string => {
  let text = ""
  const pieces = ["ë", "👶🏽", "ĳ", "ש", "€", "a"]
  for (let i = 0; text.length < length; i++) {
    const piece = pieces[i % pieces.length] as string
    text += text.length + piece.length <= length ? piece : "x"
  }
  return text
}

export const readCases = ({ store, marker, readAllOf, readStream }: Harness): void => {
  it("reads an unknown stream as empty, without a revision", async () => {
    const c = child()
    expect(await readStream(c.stream)).toEqual([])
    expect(await run(store().streamRevision(c.stream))).toBeUndefined()
  })


  it("appends and reads back a 10,000-event batch in order", async () => {
    const c = child()
    const events = childHistory(c.id, 10_000)
    const result = await run(store().append(c.stream, events, ExpectedRevision.noStream))
    expect(result).toMatchObject({ nextRevision: 9_999, written: 10_000 })
    const read = await readStream(c.stream)
    expect(read.length).toBe(10_000)
    expect(read.map((e) => e.revision)).toEqual(events.map((_, i) => i))
    expect(read.map(envelopeOf)).toStrictEqual(events)
  })


  describe("what was written comes back exactly", () => {
    it("unicode: Dutch diacritics, emoji, right-to-left text, control characters", async () => {
      const line = pseudonym("BL")
      const event = budgetLineSet(line, {
        data: { label: `${textOfLength(150)} Één 👶🏽 שלום` },
        metadata: { source: unicodeText, correlationId: "ĳsvogel-👨‍👩‍👧", causationId: "مرحبا" }
      })
      expect(event.data).toMatchObject({ label: expect.stringContaining("👶🏽") })
      await run(store().append(event.stream, [event], ExpectedRevision.noStream))
      const [read] = await readStream(event.stream)
      expect(envelopeOf(read as RecordedEvent)).toStrictEqual(event)
    })

    it("large payloads: a source at its 500-character limit on many events, a data field of thousands of entries", async () => {
      const c = child()
      const source = textOfLength(500)
      expect(source.length).toBe(500)
      const events = childHistory(c.id, 500).map((e) => ({ ...e, metadata: { source, correlationId: "x".repeat(200) } }))
      for (let i = 0; i < events.length; i += 100) {
        await run(store().append(c.stream, events.slice(i, i + 100), ExpectedRevision.any))
      }
      expect((await readStream(c.stream)).map(envelopeOf)).toStrictEqual(events)

      const line = pseudonym("BL")
      const big = budgetLineSet(line, { data: { streams: Array.from({ length: 5_000 }, (_, i) => `stroom-${i}`) } })
      await run(store().append(big.stream, [big], ExpectedRevision.noStream))
      expect((await readStream(big.stream)).map(envelopeOf)).toStrictEqual([big])
    })

    it("an event written in an older schema version is upcast on read", async () => {
      const c = child()
      const old = placementStartedV1(c.id, 1234)
      await run(store().append(c.stream, [old], ExpectedRevision.noStream))
      const [read] = await readStream(c.stream)
      expect(read).toMatchObject({ eventId: old.eventId, schemaVersion: 2, data: { hourlyPrice: "12.34" } })
      expect(read?.data).not.toHaveProperty("hourlyRateCents")
    })
  })


  it("readStream from a revision", async () => {
    const c = child()
    const events = childHistory(c.id, 5)
    await run(store().append(c.stream, events, ExpectedRevision.noStream))
    expect((await readStream(c.stream, 2)).map((e) => [e.revision, e.eventId])).toEqual(
      [2, 3, 4].map((r) => [r, events[r]?.eventId])
    )
    expect(await readStream(c.stream, 5)).toEqual([])
    expect((await readStream(c.stream, 0)).length).toBe(5)
  })

  it("readAll strictly after a position", async () => {
    const c = child()
    const events = childHistory(c.id, 4)
    await run(store().append(c.stream, events.slice(0, 2), ExpectedRevision.noStream))
    const second = (await readStream(c.stream))[1] as RecordedEvent
    await run(store().append(c.stream, events.slice(2), ExpectedRevision.exact(1)))
    expect((await readAllOf([c.stream], { after: second.position })).map((e) => e.eventId)).toEqual(
      [events[2], events[3]].map((e) => e?.eventId)
    )
    const last = (await readStream(c.stream))[3] as RecordedEvent
    expect(await readAllOf([c.stream], { after: last.position })).toEqual([])
  })

  it("readAll recordedUpTo compares instants, not their writing, and includes the bound", async () => {
    const after = await marker()
    const c = child()
    const times = ["2026-01-10T09:00:00Z", "2026-02-01T00:30:00+01:00", "2026-03-01T12:00:00.5Z"]
    const events = times.map((recordedTime, i) =>
      i === 0 ? placementStarted(c.id, { recordedTime }) : placementChanged(c.id, { recordedTime })
    )
    await run(store().append(c.stream, events, ExpectedRevision.noStream))
    const upTo = async (recordedUpTo: string) =>
      (await readAllOf([c.stream], { after, recordedUpTo })).map((e) => e.recordedTime)
    // 2026-02-01T00:30:00+01:00 is 2026-01-31T23:30:00Z: in by instant, though it sorts after as a string.
    expect(await upTo("2026-01-31T23:30:00Z")).toEqual(times.slice(0, 2))
    expect(await upTo("2026-01-31T23:29:59.999Z")).toEqual(times.slice(0, 1))
    expect(await upTo("2026-03-01T12:00:00.50Z")).toEqual(times)
    expect(await upTo("2026-03-01T13:00:00.499+01:00")).toEqual(times.slice(0, 2))
    expect(await upTo("2025-12-31T23:59:59Z")).toEqual([])
  })

}
