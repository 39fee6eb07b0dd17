/**
 * Reading the embedded store subject by subject (src/store/sqlite/subjects.ts): the same events as
 * reading it in global order, grouped per stream in revision order, budget lines and groups before
 * children; whatever the page size; up to a head position; as known on an instant.
 */
import { Effect, Stream } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { RecordedEvent } from "../../../src/events"
import { openDatabase } from "../../../src/store/sqlite/open"
import { headPosition, readSubjects, type Subject } from "../../../src/store/sqlite/subjects"
import { readSubject } from "../../support/readSubject"
import { historyArb } from "../../support/arbitraries"
import { appendInterleaved } from "../../support/interleaved"
import { tempStore } from "../../support/tempStore"

const KIND = { budget: 0, group: 1, child: 2 } as const

const write = appendInterleaved

const subjects = (path: string, options: Parameters<typeof readSubjects>[2]) =>
  Effect.runPromise(
    Effect.sync(() => openDatabase(path)).pipe(
      Effect.flatMap((db) => Effect.ensuring(Stream.runCollect(readSubjects(db, path, options)), Effect.sync(() => db.close())))
    )
  )

/** The subjects readAll's events make, in the order readSubjects promises. */
const expected = (all: ReadonlyArray<RecordedEvent>): ReadonlyArray<Pick<Subject, "stream" | "events">> => {
  const by = new Map<string, Array<RecordedEvent>>()
  for (const e of all) by.set(e.stream, [...(by.get(e.stream) ?? []), e])
  const kind = (s: string) => KIND[s.slice(0, s.indexOf("-")) as keyof typeof KIND]
  return [...by]
    .sort(([a], [b]) => kind(a) - kind(b) || (a < b ? -1 : 1))
    .map(([stream, events]) => ({ stream, events: [...events].sort((x, y) => x.revision - y.revision) }))
}

describe("readSubjects", () => {
  it("gives every event once, subject by subject, whatever the page size", async () => {
    await fc.assert(
      fc.asyncProperty(historyArb({ maxChildren: 5 }), fc.constantFrom(1, 2, 3, 7, 5000), async (h, pageSize) => {
        const temp = await tempStore()
        try {
          const all = await write(temp.path, h.events)
          const got = await subjects(temp.path, { head: BigInt(all.length), pageSize })
          expect(got.map((s) => ({ stream: s.stream, events: s.events }))).toEqual(expected(all))
          for (const s of got) expect(s.stream).toBe(`${s.kind}-${s.id}`)
        } finally {
          await temp.cleanup()
        }
      }),
      { numRuns: 15 }
    )
  })

  it("reads nothing past its head, and only what was recorded up to an instant", async () => {
    await fc.assert(
      fc.asyncProperty(historyArb({ maxChildren: 4 }), fc.integer({ min: 0, max: 100 }), async (h, percent) => {
        const temp = await tempStore()
        try {
          const all = await write(temp.path, h.events)
          const head = Math.floor((all.length * percent) / 100)
          const instant = "2026-06-30T12:00:00+02:00"
          const cutoff = new Date(instant).getTime()
          const got = await subjects(temp.path, { head: BigInt(head), recordedUpTo: instant, pageSize: 4 })
          const kept = all.filter((e) => e.position <= BigInt(head) && new Date(e.recordedTime).getTime() <= cutoff)
          expect(got.map((s) => ({ stream: s.stream, events: s.events }))).toEqual(expected(kept))
          const db = openDatabase(temp.path)
          try {
            expect(headPosition(db)).toBe(BigInt(all.length))
            for (const s of got) expect(await Effect.runPromise(readSubject(db, temp.path, s.stream, { head: BigInt(head), recordedUpTo: instant }))).toEqual(s.events)
          } finally {
            db.close()
          }
        } finally {
          await temp.cleanup()
        }
      }),
      { numRuns: 15 }
    )
  })
})
