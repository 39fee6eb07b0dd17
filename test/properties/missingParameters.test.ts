/**
 * Years whose KOT table has unconfirmed bands (2025: only the anchors are
 * confirmed, PARAMETERS.md): a run that needs such a value stops with
 * MissingParameters naming it, and pays nothing, instead of guessing.
 */
import fc from "fast-check"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { type ChildSpec, type HistorySpec, historyOf, historySpecArb } from "../support/arbitraries"
import { computeResult, POLICY_IDS, yearMonths } from "../support/ledgerRun"

const policyArb = fc.constantFrom(...POLICY_IDS)
const MONTHS_2025 = yearMonths(2025)

/** A child placed all of 2025 with a KOT entitlement at `income`. */
const entitledAllYear = (income: number, rank: "first" | "further"): ChildSpec => ({
  placements: [
    { groupIdx: 0, careType: "dagopvang", start: 0, startStamp: { lagMinutes: 0, zone: 0 }, daysPerWeek: 3, hoursPerDay: 10, priceCents: 1000, changes: [], end: undefined, endCorrection: undefined }
  ],
  kot: { days: [0], stamps: [{ lagMinutes: 0, zone: 0 }], incomes: [income, income], ranks: [rank, rank], change: undefined, endCorrection: undefined },
  indications: [],
  waitingJeugdhulp: { days: [], stamps: [] },
  waitingPlusPlace: { days: [], stamps: [] }
})

/** The same history with every KOT income in 2025's confirmed first band (up to 47,403: 96 %). */
const confirmedIncomes = (spec: HistorySpec): HistorySpec => ({
  ...spec,
  children: spec.children.map((c) => ({
    ...c,
    kot: {
      ...c.kot,
      incomes: c.kot.incomes.map((i) => Math.min(i, 47_403)),
      change: c.kot.change === undefined ? undefined : { ...c.kot.change, income: c.kot.change.income === undefined ? undefined : Math.min(c.kot.change.income, 47_403) }
    }
  }))
})

describe("2025: unconfirmed KOT bands", () => {
  it("a history that needs an unconfirmed band fails with MissingParameters naming the year, band and column, and no ledger", () => {
    fc.assert(
      fc.property(
        historySpecArb({ year: 2025, maxChildren: 4 }),
        fc.integer({ min: 47_404, max: 159_224 }),
        fc.constantFrom<"first" | "further">("first", "further"),
        policyArb,
        (spec, income, rank, policyId) => {
          const h = historyOf({ ...spec, children: [...spec.children, entitledAllYear(income, rank)] })
          const r = computeResult(h.events, policyId, MONTHS_2025)
          expect(Result.isFailure(r), "the run must stop, not pay").toBe(true)
          if (Result.isFailure(r)) {
            const kot = r.failure.missing.filter((m) => m.path === "kot.percentages")
            expect(kot.length).toBeGreaterThan(0)
            expect(kot.map((m) => m.detail)).toContain(`year 2025, income band 47,403–159,224, column ${rank === "first" ? "first child" : "further child"} is not confirmed`)
            for (const m of r.failure.missing) expect(m.day.startsWith("2025-"), m.message).toBe(true)
            expect(r.failure.message).toContain("kot.percentages")
          }
        }
      ),
      { numRuns: 30, interruptAfterTimeLimit: 15_000 }
    )
  })

  it("any 2025 history either computes or names only KOT table values of 2025", () => {
    fc.assert(
      fc.property(historySpecArb({ year: 2025, maxChildren: 6 }), policyArb, (spec, policyId) => {
        const r = computeResult(historyOf(spec).events, policyId, MONTHS_2025)
        if (Result.isFailure(r))
          for (const m of r.failure.missing) {
            expect(m.path, m.message).toBe("kot.percentages")
            expect(m.detail, m.message).toMatch(/^year 2025, income band .* is not confirmed$/)
          }
      }),
      { numRuns: 30, interruptAfterTimeLimit: 15_000 }
    )
  })

  it("with every income in a confirmed band the same 2025 history computes", () => {
    fc.assert(
      fc.property(historySpecArb({ year: 2025, maxChildren: 6 }), policyArb, (spec, policyId) => {
        const h = historyOf(confirmedIncomes(spec))
        const r = computeResult(h.events, policyId, MONTHS_2025)
        expect(Result.isSuccess(r), Result.isFailure(r) ? r.failure.message : "").toBe(true)
      }),
      { numRuns: 20, interruptAfterTimeLimit: 15_000 }
    )
  })
})
