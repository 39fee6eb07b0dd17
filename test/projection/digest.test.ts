/**
 * The streaming run's events digest (src/projection/ledgerRun.ts `countEvents`) is the scenario
 * run's: the sum of the events' hashes modulo 2^256 (src/scenario/run.ts `fingerprintOf`), however
 * the events come in subject by subject, and events counted in and out again leave it as it was.
 * The run sums a subject's hashes first and reduces once; these hold it to the plain sum.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { LedgerRun } from "../../src/projection"
import { DIGEST_MODULUS, eventHash } from "../../src/scenario/run"
import { historyArb } from "../support/arbitraries"
import { recorded, setupOf, subjectsOf } from "./support"

/** The digest as the scenario run keeps it: one event at a time, reduced every time. */
const plainDigest = (events: ReadonlyArray<Parameters<typeof eventHash>[0]>): bigint =>
  events.reduce((d, e) => (d + eventHash(e)) % DIGEST_MODULUS, 0n)

describe("the events digest of a streaming run", () => {
  it("is the sum of the events' hashes modulo 2^256, subject by subject", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 8, maxGroups: 3 }), (h) => {
        const events = recorded(h.events)
        const run = new LedgerRun(setupOf("rotterdam-koplus"))
        for (const s of subjectsOf(events)) run.countEvents(s.events)
        expect(run.digest).toBe(plainDigest(events))
        expect(run.events).toBe(events.length)
      }),
      { numRuns: 40 }
    )
  })

  it("goes back to what it was when events are counted out again (through zero)", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 6, maxGroups: 2 }), fc.nat(), (h, cutAt) => {
        const subjects = subjectsOf(recorded(h.events))
        const cut = subjects.length === 0 ? 0 : cutAt % subjects.length
        const run = new LedgerRun(setupOf("rotterdam-koplus"))
        for (const s of subjects.slice(0, cut)) run.countEvents(s.events)
        const before = run.digest
        // Out first, so the sum passes below zero when `before` is small: it wraps modulo 2^256.
        for (const s of subjects.slice(cut)) run.countEvents(s.events, -1)
        for (const s of subjects.slice(cut)) run.countEvents(s.events, 1)
        expect(run.digest).toBe(before)
        expect(run.digest >= 0n && run.digest < DIGEST_MODULUS).toBe(true)
      }),
      { numRuns: 40 }
    )
  })
})
