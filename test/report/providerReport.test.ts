/**
 * The accountability report for the worked example (scenarios/rotterdam-small.yaml),
 * checked against numbers worked out by hand.
 *
 * The group: G-PLUS-1, 11 awarded kindplekken, location L-1, provider P-1.
 * The children (days a week, first and last day of care):
 *   K-001 3 d/w from Mon 2026-01-05        K-002 5 d/w 2026-02-01 to 2026-10-31 (school-special)
 *   K-003 2 d/w from Mon 2026-01-05        K-004 5 d/w from Mon 2026-03-16
 *   K-005 2 d/w from Mon 2026-01-05 to 2026-07-15 (regular-ko; first recorded as 08-31, corrected later)
 * Opening days (Mon-Fri): Jan 22, Feb 20, Mar 22, Apr 22, May 21, Jun 22 (H1 129);
 *   Jul 23, Aug 21, Sep 22, Oct 22, Nov 21, Dec 23 (H2 132). From 5 January: 20 in January.
 * A child placed d days a week occupies d/5 of a place on each opening day.
 */
import { describe, expect, it } from "vitest"
import { canonicalLedger } from "../../src/domain/ledger/canonical"
import { Dec } from "../../src/domain/money"
import type { Table } from "../../src/export/table"
import { loadAccountability } from "../../src/report/accountability"
import { reportMarkdown } from "../../src/report/markdown"
import { reportPeriod } from "../../src/report/period"
import { type ProviderReport, providerReport } from "../../src/report/providerReport"
import { InvalidFile } from "../../src/io/yamlFile"
import { loadExample, runExample } from "../export/support"

const accountability = (() => {
  const a = loadAccountability()
  if (a instanceof InvalidFile) throw new Error(a.message)
  return a
})()

const reportFor = async (spec: { kind: "half-year"; half: 1 | 2 } | { kind: "year" }, a = accountability): Promise<ProviderReport> => {
  const scenario = loadExample()
  const period = reportPeriod(spec, 2026, scenario.months)
  const run = await runExample({ ...scenario, months: period.covered })
  return providerReport(run, period, a)
}

const table = (r: ProviderReport, name: string): Table => r.sections.find((s) => s.table.name === name)!.table
const fixed = (v: unknown, places: number) => (v as Dec).toFixed(places)

describe("occupancy of the kindplekken", () => {
  it("half-year 1: 361.8 of 1,419 place-days = 25.5 %, per group, location and in total", async () => {
    // Occupied place-days, January to June:
    //   K-001 0.6 × (20 + 20 + 22 + 22 + 21 + 22 = 127) = 76.2
    //   K-003 0.4 × 127 = 50.8;  K-005 0.4 × 127 = 50.8
    //   K-002 1.0 × (20 + 22 + 22 + 21 + 22 = 107) = 107
    //   K-004 1.0 × (12 [16-31 March] + 22 + 21 + 22 = 77) = 77
    //   total 76.2 + 50.8 + 50.8 + 107 + 77 = 361.8
    // Capacity: 11 places × 129 opening days = 1,419. Occupancy 361.8 / 1,419 = 0.25497 → 25.5 %.
    // Average occupied places 361.8 / 129 = 2.80; children per opening day (127 × 3 + 107 + 77) / 129 = 565 / 129 = 4.38.
    const r = await reportFor({ kind: "half-year", half: 1 })
    const rows = table(r, "occupancy").rows
    expect(rows.map((x) => x.level)).toEqual(["group", "location", "total"])
    for (const row of rows) {
      expect([fixed(row.capacityPlaceDays, 2), fixed(row.occupiedPlaceDays, 2), fixed(row.rate, 4)]).toEqual(["1419.00", "361.80", "0.2550"])
      expect([fixed(row.places, 2), fixed(row.occupiedPlaces, 2), fixed(row.averageChildren, 2), row.childrenPlaced]).toEqual(["11.00", "2.80", "4.38", 5])
      expect(row.norm).toBe("below 80.0 % (seed 004 §X)")
    }
    expect(rows[0]).toMatchObject({ provider: "P-1", location: "L-1", group: "G-PLUS-1" })
  })

  it("half-year 2: 356.4 of 1,452 place-days = 24.5 %", async () => {
    // K-001 0.6 × 132 = 79.2; K-003 0.4 × 132 = 52.8; K-005 0.4 × 11 [1-15 July] = 4.4;
    // K-002 1.0 × (23 + 21 + 22 + 22 = 88) = 88; K-004 1.0 × 132 = 132; total 356.4.
    // Capacity 11 × 132 = 1,452; 356.4 / 1,452 = 0.24545 → 24.5 %.
    // Children per opening day (132 + 132 + 11 + 88 + 132) / 132 = 495 / 132 = 3.75.
    const total = table(await reportFor({ kind: "half-year", half: 2 }), "occupancy").rows.at(-1)!
    expect([fixed(total.occupiedPlaceDays, 2), fixed(total.capacityPlaceDays, 2), fixed(total.rate, 4), fixed(total.averageChildren, 2), total.childrenPlaced]).toEqual([
      "356.40",
      "1452.00",
      "0.2455",
      "3.75",
      5
    ])
  })

  it("the year: (361.8 + 356.4) / (11 × 261) = 718.2 / 2,871 = 25.0 %", async () => {
    const total = table(await reportFor({ kind: "year" }), "occupancy").rows.at(-1)!
    expect([fixed(total.occupiedPlaceDays, 2), fixed(total.capacityPlaceDays, 2), fixed(total.rate, 4)]).toEqual(["718.20", "2871.00", "0.2502"])
  })
})

describe("inflow, outflow and drop-out", () => {
  const flows = async (spec: Parameters<typeof reportFor>[0]) =>
    table(await reportFor(spec), "flows").rows.map((r) => [r.group, r.inflow, r["out:regular-ko"], r["out:school-special"], r.outflowTotal, r.dropout])

  it("half-year 1: five placements started (three on 5 January, K-002 on 1 February, K-004 on 16 March), none ended", async () => {
    expect(await flows({ kind: "half-year", half: 1 })).toEqual([
      ["G-PLUS-1", 5, 0, 0, 0, 0],
      ["total", 5, 0, 0, 0, 0]
    ])
  })

  it("half-year 2: K-005 to regular childcare on 15 July (the corrected end), K-002 to a special school on 31 October", async () => {
    expect(await flows({ kind: "half-year", half: 2 })).toEqual([
      ["G-PLUS-1", 0, 1, 1, 2, 0],
      ["total", 0, 1, 1, 2, 0]
    ])
  })
})

describe("actual against budget", () => {
  const budgetRow = async (spec: Parameters<typeof reportFor>[0], a = accountability) => table(await reportFor(spec, a), "budget").rows[0]!
  /** What the full-year run's export tables say the line's streams (kindplek, smi) paid in some months, plus vacancy and surplus. */
  const fromFullRun = async (months: ReadonlyArray<string>) => {
    const run = await runExample()
    const inMonths = (m: string) => months.includes(m)
    let cents = 0n
    for (const c of run.ledger.children) if (inMonths(c.month)) cents += (c.streamCents.get("kindplek") ?? 0n) + (c.streamCents.get("smi") ?? 0n)
    for (const g of run.ledger.groups) if (inMonths(g.month)) cents += g.vacancyCents + g.surplusCents
    return cents
  }
  const smiOf = async (months: ReadonlyArray<string>) =>
    (await runExample()).ledger.children.filter((c) => months.includes(c.month)).reduce((a, c) => a + (c.streamCents.get("smi") ?? 0n), 0n)
  const H1 = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
  const H2 = ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]

  it("half-year 1: the budget pro rata is 150,000 × 181/365 = 74,383.56; actual ≈ 65,457.53 kindplek + 8,190.00 SMI; −0.99 %", async () => {
    // Budget for the period: 150,000.00 × 181 / 365 = 74,383.5616… → 74,383.56.
    // SMI: K-002 (SMI+, at most 4 days, seed 004 §IX.4): 4 × 9 h × 52/12 = 156 h a month × 10.50 = 1,638.00;
    //   February to June: 5 × 1,638.00 = 8,190.00 exactly.
    // Kindplek (children's shares + empty places): 11 × 12,000 × 181/365 = 65,457.534…; the ledger rounds each
    //   child-month and group-month to the cent, so the paid total is within a few cents of it.
    // Deviation ≈ (73,647.53 − 74,383.56) / 74,383.56 = −0.0099: well inside 10 %, nothing to explain.
    const r = await budgetRow({ kind: "half-year", half: 1 })
    expect(r.budget).toBe(7_438_356n)
    expect(await smiOf(H1)).toBe(819_000n)
    const kindplek = (r.actual as bigint) - 819_000n
    expect(kindplek >= 6_545_750n && kindplek <= 6_545_756n).toBe(true)
    // The report's own run over January-June gives what the full year's ledger paid in those months.
    expect(r.actual).toBe(await fromFullRun(H1))
    expect([fixed(r.deviationShare, 4), r.flag]).toEqual(["-0.0099", ""])
  })

  it("half-year 2: the budget pro rata is 150,000 × 184/365 = 75,616.44; actual ≈ 66,542.47 kindplek + 6,552.00 SMI; −3.3 %", async () => {
    // SMI July to October: 4 × 1,638.00 = 6,552.00. Kindplek: 11 × 12,000 × 184/365 = 66,542.465…
    // (73,094.47 − 75,616.44) / 75,616.44 = −0.0334.
    const r = await budgetRow({ kind: "half-year", half: 2 })
    expect(r.budget).toBe(7_561_644n)
    expect(await smiOf(H2)).toBe(655_200n)
    const kindplek = (r.actual as bigint) - 655_200n
    expect(kindplek >= 6_654_243n && kindplek <= 6_654_250n).toBe(true)
    expect(r.actual).toBe(await fromFullRun(H2))
    expect([fixed(r.deviationShare, 3), r.flag]).toEqual(["-0.033", ""])
  })

  it("the year: the whole budget of 150,000.00 against the run's budget use (≈ 132,000 kindplek + 14,742.00 SMI); −2.2 %", async () => {
    // SMI February to October: 9 × 1,638.00 = 14,742.00. Kindplek: 11 places × 12,000 = 132,000.00 for the year.
    // (146,742.00 − 150,000.00) / 150,000.00 = −0.0217.
    const full = await runExample()
    const r = await budgetRow({ kind: "year" })
    expect(r.budget).toBe(15_000_000n)
    expect(r.actual).toBe(full.ledger.budgets[0]!.usedCents)
    const kindplek = (r.actual as bigint) - 1_474_200n
    expect(kindplek >= 13_199_995n && kindplek <= 13_200_005n).toBe(true)
    expect([fixed(r.deviationShare, 3), r.flag]).toEqual(["-0.022", ""])
  })

  it("marks a line 'explain' when it deviates more than the threshold (here 2 % instead of 10 %)", async () => {
    const strict = { budgetDeviationToExplain: { value: new Dec("0.02"), validFrom: "2024-05-01", validUntil: "2099-12-31", source: "test" } }
    const r = await reportFor({ kind: "year" }, strict)
    expect(r.explain).toEqual(["KOPLUS-2026"])
    expect(table(r, "budget").rows[0]!.flag).toBe("explain")
    expect(reportMarkdown(r)).toContain("To explain: KOPLUS-2026.")
  })

  it("reads the 10 % from the report's parameter file, with its source", () => {
    expect(accountability.budgetDeviationToExplain.value.toFixed(2)).toBe("0.10")
    expect(accountability.budgetDeviationToExplain.source).toMatch(/^seed 004 §XI/)
  })
})

describe("the report as a whole", () => {
  it("computes the report's months exactly as the full-year run does (each month stands on its own)", async () => {
    const scenario = loadExample()
    const h1 = reportPeriod({ kind: "half-year", half: 1 }, 2026, scenario.months)
    const part = await runExample({ ...scenario, months: h1.covered })
    const full = await runExample(scenario)
    const only = (l: typeof full.ledger) => ({ ...l, children: l.children.filter((c) => h1.covered.includes(c.month)), groups: l.groups.filter((g) => h1.covered.includes(g.month)), budgets: [] })
    expect(canonicalLedger(only(part.ledger))).toBe(canonicalLedger(only(full.ledger)))
  })

  it("cites seed 004 §XI and quotes it in Markdown", async () => {
    const md = reportMarkdown(await reportFor({ kind: "half-year", half: 1 }))
    expect(md).toMatch(/^# Accountability report KOplus, half-year 1 of 2026/)
    expect(md).toContain("seed 004 §XI")
    expect(md).toContain("Afwijkingen van meer dan 10% per begrotingsonderdeel worden hierin nader toegelicht")
    expect(md).toContain("| group | P-1 | L-1 | G-PLUS-1 | 11.00 | 2.80 | 25.5 % |")
    expect(md).toMatch(/\| KOPLUS-2026 \| KOplus kindplekken en SMI 2026 \| kindplek, smi \| € 150,000\.00 \| € 74,383\.56 \| € 73,647\.\d\d \| -€ 736\.\d\d \| -1\.0 % \|/)
  })
})
