/**
 * The streaming run (src/projection/ledgerRun.ts) against the full computation: children computed
 * one at a time, with the capacity as every kindplek denominator and over-full group-months redone
 * with the full tally, give the very figures `computeLedger` and `metricsOf` give, under every
 * shipped policy. And the checks find what `checkInvariants` finds.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { historyArb } from "../support/arbitraries"
import { placementStarted } from "../support/events"
import { POLICY_IDS, violationsOf } from "../support/ledgerRun"
import { fullMetrics, groupWithKindplek, ledgerOf, metricsOfStreaming, plain, recorded, streamingRun } from "./support"

const policyArb = fc.constantFrom(...POLICY_IDS)

describe("the streaming run", () => {
  it("gives the full run's figures for any history, under every shipped policy", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 14, maxGroups: 3 }), policyArb, (h, policyId) => {
        const full = ledgerOf(h.events, policyId)
        const run = streamingRun(recorded(h.events), policyId)
        expect(plain(metricsOfStreaming(run))).toEqual(plain(fullMetrics(full)))
        expect(run.state.childMonths).toBe(full.ledger.children.length)
        expect(run.state.violations()).toEqual(violationsOf(full))
      }),
      { numRuns: 80, interruptAfterTimeLimit: 40_000 }
    )
  })

  it("counts every child with events, placed or not, and every group line", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 8 }), (h) => {
        const full = ledgerOf(h.events, "rotterdam-koplus")
        const run = streamingRun(recorded(h.events), "rotterdam-koplus")
        expect(run.state.children).toBe(full.world.children.size)
        const lines = [...run.state.groups.values()].reduce((n, g) => n + g.lines.filter((l) => l !== undefined).length, 0)
        expect(lines).toBe(full.ledger.groups.length)
        expect(run.events).toBe(h.events.length)
      }),
      { numRuns: 40 }
    )
  })
})

describe("a child redone for an over-full group-month, placed in another group too", () => {
  /*
   * G-1 and G-2 each have one kindplek (1 awarded place, €12,000 a year: 12,000 × 31/365 = €1,019.18 in
   * January) and a cost price of €30.00 an hour. K-A is placed 2 days a week in G-1 and 3 days in G-2,
   * 10 hours a day, at €29.00 an hour: its plus layer is €1.00 an hour, (20 + 30) × 52 / 12 = 216 2/3
   * hours, €216.67 in January (and every month: the placements run all year), less than its kindplek claim, which it caps. K-B is placed 5 days a week in
   * G-1, which is then over-full (1.4 places of 1). Replayed child by child with the capacity as every
   * denominator, K-A claims 0.4 × 1,019.18 in G-1 and 0.6 × 1,019.18 = €611.51 in G-2, and is paid
   * 611.51 × 216.67 / 1,019.18 = €130.00 of it in G-2. Redone with G-1's occupied place-days as its
   * denominator, its claim in G-1 falls to 0.4/1.4 × 1,019.18 = €291.19, so its pay in G-2 rises to
   * 611.51 × 216.67 / (291.19 + 611.51) = €146.77: G-2's line (its surplus) moves though G-2 is not
   * over-full, and must be made again with G-1's.
   */
  const placed = (childId: string, placementId: string, groupId: string, daysPerWeek: number) =>
    placementStarted(childId, {
      validTime: "2026-01-01",
      recordedTime: "2026-01-01T09:00:00Z",
      data: { placementId, groupId, daysPerWeek, hoursPerDay: 10, hourlyPrice: "29.00" }
    })

  it("makes the other group's line again: every line is the full run's", () => {
    const events = [...groupWithKindplek("G-1", "KP-1"), ...groupWithKindplek("G-2", "KP-2"), placed("K-A", "P-A1", "G-1", 2), placed("K-A", "P-A2", "G-2", 3), placed("K-B", "P-B", "G-1", 5)]
    const full = ledgerOf(events, "rotterdam-koplus")
    const run = streamingRun(recorded(events), "rotterdam-koplus")
    const january = (groupId: string) => full.ledger.groups.find((g) => g.groupId === groupId && g.month === "2026-01")!
    // The case is what it says: G-1 over-full in January, G-2 not, and K-A's pay in G-2 as worked out above.
    expect(run.overFullGroupMonths()).toEqual(new Set(Array.from({ length: 12 }, (_, i) => `G-1|${i}`)))
    expect(january("G-2").occupancy.rate.toFixed(2)).toBe("0.60")
    expect(january("G-2").allocated.minus(january("G-2").surplus).toFixed(2)).toBe("146.77")
    for (const groupId of ["G-1", "G-2"]) {
      const line = run.state.groups.get(groupId)!.lines[0]!
      expect([line.subsidy.toFixed(2), line.vacancyCents, line.surplusCents]).toEqual([january(groupId).subsidy.toFixed(2), january(groupId).vacancyCents, january(groupId).surplusCents])
    }
    expect(plain(metricsOfStreaming(run))).toEqual(plain(fullMetrics(full)))
  })
})
