/**
 * The streaming run (src/projection/ledgerRun.ts) against the full computation: children computed
 * one at a time, with the capacity as every kindplek denominator and over-full group-months redone
 * with the full tally, give the very figures `computeLedger` and `metricsOf` give, under every
 * shipped policy. And the checks find what `checkInvariants` finds.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { historyArb } from "../support/arbitraries"
import { POLICY_IDS, violationsOf } from "../support/ledgerRun"
import { fullMetrics, ledgerOf, metricsOfStreaming, plain, recorded, streamingRun } from "./support"

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
