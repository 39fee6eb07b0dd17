/**
 * The generator reaches what the properties are about: a property over
 * histories that never cap KOT, never pay overbrugging or never correct an end
 * could not catch a bug there. Counted on a fixed sample (deterministic).
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { historyArb } from "../support/arbitraries"
import { ledgerOf } from "../support/ledgerRun"

/** A KOT formula step "… × min(€12.50, max €11.23) = …" on a price above the maximum. */
const priceAboveMaximum = (step: string) => {
  const m = /min\(€([\d.]+), max €([\d.]+)\)/.exec(step)
  return m !== null && Number(m[1]) > Number(m[2])
}

describe("the history generator", () => {
  it("covers every stream, the caps, corrections, gaps, flips, changes and overlapping indications", () => {
    const samples = fc.sample(historyArb(), { numRuns: 40, seed: 2026 })
    const seen = new Map<string, number>()
    const count = (what: string, yes: boolean) => seen.set(what, (seen.get(what) ?? 0) + (yes ? 1 : 0))
    for (const h of samples) {
      const s = h.spec
      count("two or more children", s.children.length >= 2)
      count("eight or more children", s.children.length >= 8)
      count("a kot-entitlement-ended correction", s.children.some((c) => c.kot.endCorrection !== undefined && c.kot.days.length > 0))
      count("KOT ended and started again", s.children.some((c) => c.kot.days.length >= 3))
      count("a placement-ended recorded later", s.children.some((c) => c.placements.some((p) => p.endCorrection !== undefined)))
      count("a placement change", s.children.some((c) => c.placements.some((p) => p.changes.length > 0)))
      count("entered, left, entered the waiting list", s.children.some((c) => c.waitingJeugdhulp.days.length >= 3))
      count("smi and smi-plus at once", s.children.some((c) => c.indications.some((i) => i.kind === "smi") && c.indications.some((i) => i.kind === "smi-plus")))
      count("jeugdhulp and bouwsteen-advice at once", s.children.some((c) => c.indications.some((i) => i.kind === "jeugdhulp") && c.indications.some((i) => i.kind === "bouwsteen-advice")))
      count("a recorded time with a UTC offset", h.events.some((e) => !e.recordedTime.endsWith("Z")))
      const { ledger } = ledgerOf(h.events, "rotterdam-koplus")
      const lines = ledger.children.flatMap((c) => c.lines)
      for (const rule of ["kot", "smi", "kindplek", "overbrugging", "bouwsteen", "residual"]) count(`a ${rule} line`, lines.some((l) => l.trace.rule === rule))
      count("KOT capped at 230 h", lines.some((l) => l.trace.rule === "kot" && l.trace.formula.some((f) => f.includes("capped at 230"))))
      count("KOT on a price above the maximum uurprijs", lines.some((l) => l.trace.rule === "kot" && l.trace.formula.some(priceAboveMaximum)))
      count("SMI capped by its indication", lines.some((l) => l.trace.rule === "smi" && l.trace.formula.some((f) => f.includes("capped"))))
      count("a group with vacancy", ledger.groups.some((g) => g.vacancy.greaterThan(0)))
      count("a budget overrun", ledger.budgets.some((b) => b.overrun))
    }
    const rare = [...seen].filter(([, n]) => n < 3).map(([what, n]) => `${what}: ${n} of ${samples.length}`)
    expect(rare).toEqual([])
  })
})
