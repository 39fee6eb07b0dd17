/**
 * Reading many streams in one query (src/store/sqlite/subjects.ts `readStreams`, `readChangedStreams`):
 * each stream's events exactly as reading it alone gives them (`readSubject`), up to a head position and
 * as known on an instant; the streams named, or those with an event after a position.
 */
import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { RecordedEvent } from "../../../src/events"
import { openDatabase } from "../../../src/store/sqlite/open"
import { readChangedStreams, readStreams } from "../../../src/store/sqlite/subjects"
import { readSubject } from "../../support/readSubject"
import { historyArb } from "../../support/arbitraries"
import { appendInterleaved } from "../../support/interleaved"
import { tempStore } from "../../support/tempStore"

const write = appendInterleaved

const INSTANTS = [undefined, "2026-06-30T12:00:00+02:00", "2025-01-01T00:00:00Z"] as const

describe("reading many streams in one query", () => {
  it("gives each stream what reading it alone gives, for the streams named or changed after a position", async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb({ maxChildren: 5 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom(...INSTANTS),
        async (h, headPercent, afterPercent, recordedUpTo) => {
          const temp = await tempStore()
          try {
            const all = await write(temp.path, h.events)
            const head = BigInt(Math.floor((all.length * headPercent) / 100))
            const after = BigInt(Math.floor((Number(head) * afterPercent) / 100))
            const options = { head, recordedUpTo }
            const streams = [...new Set(all.map((e) => e.stream))].sort()
            const db = openDatabase(temp.path)
            try {
              const alone = new Map<string, ReadonlyArray<RecordedEvent>>()
              for (const s of streams) {
                const events = await Effect.runPromise(readSubject(db, temp.path, s, options))
                if (events.length > 0) alone.set(s, events)
              }
              // Named: every stream, one that does not exist, and the names in another order.
              const named = await Effect.runPromise(readStreams(db, temp.path, ["child-nobody", ...[...streams].reverse()], options))
              expect([...named]).toEqual([...alone])
              // Changed: the streams with an event at a position after `after`, up to the head (as known then or not).
              const changedNames = new Set(all.filter((e) => e.position > after && e.position <= head).map((e) => e.stream))
              const changed = await Effect.runPromise(readChangedStreams(db, temp.path, after, options))
              expect([...changed]).toEqual([...alone].filter(([s]) => changedNames.has(s)))
            } finally {
              db.close()
            }
          } finally {
            await temp.cleanup()
          }
        }
      ),
      { numRuns: 20 }
    )
  })

  it("reads nothing when no stream is named or nothing came after the position", async () => {
    const temp = await tempStore()
    try {
      const db = openDatabase(temp.path)
      try {
        expect((await Effect.runPromise(readStreams(db, temp.path, [], { head: 10n }))).size).toBe(0)
        expect((await Effect.runPromise(readChangedStreams(db, temp.path, 10n, { head: 10n }))).size).toBe(0)
      } finally {
        db.close()
      }
    } finally {
      await temp.cleanup()
    }
  })

  it("fails on a recorded-time bound that is not an instant", async () => {
    const temp = await tempStore()
    try {
      const db = openDatabase(temp.path)
      try {
        const exit = await Effect.runPromiseExit(readStreams(db, temp.path, ["child-K"], { head: 1n, recordedUpTo: "not a time" }))
        expect(exit._tag).toBe("Failure")
      } finally {
        db.close()
      }
    } finally {
      await temp.cleanup()
    }
  })
})
