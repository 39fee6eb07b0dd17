/**
 * DOMAIN.md invariant 8 (determinism) and the bitemporal replay it rests on:
 * - any delivery order of the same events gives the identical ledger
 *   (`canonicalLedger`), children's events interleaved any way;
 * - replaying an event twice changes nothing (idempotence by event id);
 * - a snapshot (a World) plus the remaining events gives the full replay's
 *   ledger, wherever the history is cut;
 * - "as known on" a cut-off: the run's as-of replay pays exactly what the
 *   history known at the cut-off pays, never for a fact recorded after it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import fc from "fast-check"
import { Effect, Stream } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { buildEvent, type DomainEvent, type EventEnvelope } from "../../src/events"
import { canonicalLedger } from "../../src/domain/ledger/canonical"
import { replay } from "../../src/domain/timeline/world"
import { InvalidFile } from "../../src/io/yamlFile"
import { type LoadedScenario, loadScenario } from "../../src/scenario/load"
import { runScenario } from "../../src/scenario/run"
import { historyArb, seededShuffle, writeInstant } from "../support/arbitraries"
import { canonical, ledgerOf, ledgerOfWorld, POLICY_IDS, type PolicyId } from "../support/ledgerRun"

const policyArb = fc.constantFrom(...POLICY_IDS)
const byRecorded = (a: EventEnvelope, b: EventEnvelope) => new Date(a.recordedTime).getTime() - new Date(b.recordedTime).getTime()

/** Named delivery orders besides random ones: as a store hands them out, backwards, one child after another. */
const orders: Record<string, (events: ReadonlyArray<EventEnvelope>) => Array<EventEnvelope>> = {
  "recorded time": (es) => [...es].sort(byRecorded),
  "recorded time, reversed": (es) => [...es].sort(byRecorded).reverse(),
  "valid time, latest first": (es) => [...es].sort((a, b) => (a.validTime < b.validTime ? 1 : a.validTime > b.validTime ? -1 : 0)),
  "by stream, streams reversed": (es) => [...es].sort((a, b) => (a.stream < b.stream ? 1 : a.stream > b.stream ? -1 : 0))
}

describe("invariant 8: the same events give the identical ledger", () => {
  it("in any delivery order (a random permutation interleaving children)", () => {
    fc.assert(
      fc.property(historyArb(), policyArb, fc.integer({ min: 1, max: 2 ** 31 }), (h, policyId, seed) => {
        const expected = canonical(ledgerOf(h.events, policyId))
        expect(canonical(ledgerOf(seededShuffle(h.events, seed), policyId))).toBe(expected)
      }),
      { numRuns: 25, interruptAfterTimeLimit: 15_000 }
    )
  })

  it("in any sub-permutation drawn by fast-check, and in store, reverse, valid-time and per-stream order", () => {
    fc.assert(
      fc.property(
        historyArb({ maxChildren: 6 }).chain((h) => fc.tuple(fc.constant(h), fc.shuffledSubarray([...h.events], { minLength: h.events.length }))),
        policyArb,
        ([h, permuted], policyId) => {
          const expected = canonical(ledgerOf(h.events, policyId))
          expect(canonical(ledgerOf(permuted, policyId)), "fast-check permutation").toBe(expected)
          for (const [name, order] of Object.entries(orders)) expect(canonical(ledgerOf(order(h.events), policyId)), name).toBe(expected)
        }
      ),
      { numRuns: 15, interruptAfterTimeLimit: 15_000 }
    )
  })

  it("when events are replayed twice, or a random subset again at random places (idempotence by event id)", () => {
    fc.assert(
      fc.property(historyArb(), policyArb, fc.nat(), fc.nat(), (h, policyId, pick, seed) => {
        const expected = canonical(ledgerOf(h.events, policyId))
        expect(canonical(ledgerOf([...h.events, ...h.events], policyId)), "everything twice").toBe(expected)
        const again = seededShuffle(h.events, pick + 1).slice(0, pick % (h.events.length + 1))
        expect(canonical(ledgerOf(seededShuffle([...h.events, ...again], seed + 1), policyId)), "some twice, shuffled").toBe(expected)
        // A snapshot fed the same events again is the same snapshot.
        expect(canonical(ledgerOfWorld(replay(h.events, replay(h.events)), policyId))).toBe(expected)
      }),
      { numRuns: 15, interruptAfterTimeLimit: 15_000 }
    )
  })
})

describe("invariant 8: snapshot + remaining events = full replay", () => {
  it("for any cut point, and for a snapshot of a snapshot", () => {
    fc.assert(
      fc.property(historyArb(), policyArb, fc.nat(), fc.nat(), (h, policyId, cutA, cutB) => {
        const events = h.events
        const expected = canonical(ledgerOf(events, policyId))
        const a = cutA % (events.length + 1)
        const snapshot = replay(events.slice(0, a))
        expect(canonical(ledgerOfWorld(replay(events.slice(a), snapshot), policyId)), `cut at ${a} of ${events.length}`).toBe(expected)
        const b = a + (cutB % (events.length - a + 1))
        const twoStep = replay(events.slice(b), replay(events.slice(a, b), snapshot))
        expect(canonical(ledgerOfWorld(twoStep, policyId)), `cut at ${a} and ${b}`).toBe(expected)
        // Replaying into a snapshot does not change the snapshot itself.
        expect(canonical(ledgerOfWorld(snapshot, policyId))).toBe(canonical(ledgerOf(events.slice(0, a), policyId)))
      }),
      { numRuns: 30, interruptAfterTimeLimit: 15_000 }
    )
  })
})

// ---------------------------------------------------------------------------
// As-of replay

const DAY = 86_400_000

/**
 * A scenario as the loader makes it (so the test follows the scenario format as it grows), for a
 * shipped policy over 2026, read once per policy from a scratch file; `asOf` is then set per run.
 * Its events come from the test, as a Stream, not from the file it names.
 */
let scratch: string | undefined
const loaded = new Map<PolicyId, LoadedScenario>()
const scenarioFor = (policyId: PolicyId, asOf: string): LoadedScenario => {
  let s = loaded.get(policyId)
  if (s === undefined) {
    scratch ??= mkdtempSync(join(tmpdir(), "geldstroom-asof-"))
    const file = join(scratch, `${policyId}.yaml`)
    writeFileSync(
      file,
      [
        `name: as-of property (${policyId})`,
        "period: { from: 2026-01, to: 2026-12 }",
        "events: { file: events.jsonl }",
        `policy: ${JSON.stringify(fileURLToPath(new URL(`../../scenarios/policies/${policyId}.yaml`, import.meta.url)))}`
      ].join("\n")
    )
    const r = loadScenario(file)
    if (r instanceof InvalidFile) throw new Error(r.message)
    s = r
    loaded.set(policyId, s)
  }
  return { ...s, spec: { ...s.spec, asOf } }
}
afterAll(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true })
})

/** The same fact, stated again `lateMs` after the cut-off (a new event: its id is of its content and times). */
const restatedAfter = (e: EventEnvelope, cutoffMs: number, lateMs: number, zone: number): EventEnvelope =>
  buildEvent({ type: e.type, data: e.data } as DomainEvent, { validTime: e.validTime, recordedTime: writeInstant(cutoffMs + lateMs, zone) })

describe("as-of replay: nothing recorded after the cut-off is paid for", () => {
  it("the run's as-of ledger equals the ledger of the history known at the cut-off, and cites only events known then", () => {
    fc.assert(
      fc.property(
        historyArb({ maxChildren: 8 }),
        historyArb({ maxChildren: 8 }),
        policyArb,
        fc.integer({ min: -30, max: 400 }),
        fc.integer({ min: 0, max: DAY - 1 }),
        (h, later, policyId, cutDay, cutMs) => {
          const cutoffMs = Date.UTC(2026, 0, 1) + cutDay * DAY + cutMs
          const asOf = new Date(cutoffMs).toISOString()
          // Built independently of the run's filter: what was known at the cut-off ...
          const known = h.events.filter((e) => new Date(e.recordedTime).getTime() <= cutoffMs)
          const expected = ledgerOf(known, policyId)
          // ... and, mixed in, facts about the same children, groups and budget lines told only after it
          // (late corrections, new placements, other awards): the as-of run must not see any of them.
          const late = later.events.map((e, i) => restatedAfter(e, cutoffMs, 1 + i * 3_600_000, [0, 60, -300][i % 3]!))
          const mixed = seededShuffle([...h.events, ...late], later.spec.deliverySeed + 1)
          const run = Effect.runSync(runScenario(scenarioFor(policyId, asOf), Stream.fromIterable(mixed)))
          expect(canonicalLedger(run.ledger)).toBe(canonical(expected))
          expect(run.eventCount, "events folded by the as-of run").toBe(known.length)
          expect(run.violations.filter((v) => v.invariant === 8)).toEqual([])
          const knownIds = new Set(known.map((e) => e.eventId))
          for (const c of run.ledger.children)
            for (const l of c.lines)
              for (const id of l.trace.events) expect(knownIds.has(id), `${c.childId} ${c.month} ${l.stream} cites ${id}, recorded after ${asOf}`).toBe(true)
          for (const g of run.ledger.groups)
            for (const id of g.trace.events) expect(knownIds.has(id), `${g.groupId} ${g.month} cites ${id}, recorded after ${asOf}`).toBe(true)
        }
      ),
      { numRuns: 25, interruptAfterTimeLimit: 15_000 }
    )
  })

  it("a correction recorded after the cut-off does not change the as-of ledger, and does change the current one", () => {
    // K-1 placed all year; on 2026-06-10 it is recorded that the placement ended on 2026-03-31.
    const start = buildEvent(
      {
        type: "placement-started",
        data: { placementId: "P-1", childId: "K-1", providerId: "PR-1", locationId: "L-1", groupId: "G-1", careType: "dagopvang", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.00" }
      },
      { validTime: "2026-01-05", recordedTime: "2026-01-02T09:00:00Z" }
    )
    const ended = buildEvent(
      { type: "placement-ended", data: { placementId: "P-1", childId: "K-1", outflow: "regular-ko" } },
      { validTime: "2026-03-31", recordedTime: "2026-06-10T09:00:00+02:00" }
    )
    const asOfRun = (asOf: string) => Effect.runSync(runScenario(scenarioFor("model-7-provider-regular-group", asOf), Stream.fromIterable([ended, start])))
    const monthsPaid = (asOf: string) => asOfRun(asOf).ledger.children.map((c) => c.month)
    // 2026-06-10T09:00+02:00 is 07:00 UTC: known from that instant on, not a millisecond before.
    expect(monthsPaid("2026-06-10T06:59:59.999Z")).toHaveLength(12)
    expect(monthsPaid("2026-06-10T07:00:00.000Z")).toEqual(["2026-01", "2026-02", "2026-03"])
  })
})
