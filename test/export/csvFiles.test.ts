/**
 * The CSV export read back: every money column sums, to the cent, to the run
 * document's totals, and the files land where docs/output-contracts.md says.
 */
import { readFileSync } from "node:fs"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { csvPaths, writeCsvFiles } from "../../src/export/csvFiles"
import { exportTables } from "../../src/export/ledgerTables"
import { parseCsv } from "../../src/io/csv"
import { type RunDocument, runDocument } from "../../src/output/runDocument"
import type { RunResult } from "../../src/scenario/run"
import { cents, runExample } from "./support"

/** A CSV file as objects keyed by header. */
const readCsv = (file: string): Array<Record<string, string>> => {
  const [header, ...rows] = parseCsv(readFileSync(file, "utf8")).records
  return rows.map((r) => Object.fromEntries(header!.cells.map((h, i) => [h, r.cells[i] ?? ""])))
}
const sum = (rows: ReadonlyArray<Record<string, string>>, column: string) => rows.reduce((a, r) => a + cents(r[column]!), 0n)

describe("export --format csv", () => {
  let dir: string
  let run: RunResult
  let doc: RunDocument
  let files: ReadonlyArray<string>
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "geldstroom-export-"))
    run = await runExample()
    doc = runDocument(run)
    files = writeCsvFiles(`${dir}/`, exportTables(run))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it("writes one file per view into a directory", () => {
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(["child-months.csv", "group-months.csv", "totals.csv", "budgets.csv", "about.csv"])
  })

  it("child-months: one row per child-month; cost and every stream column sum to the run's totals, to the cent", () => {
    const rows = readCsv(join(dir, "child-months.csv"))
    expect(rows).toHaveLength(doc.children.reduce((n, c) => n + c.months.length, 0))
    expect(sum(rows, "cost")).toBe(cents(doc.totals.cost))
    for (const [stream, amount] of Object.entries(doc.totals.streams)) expect([stream, sum(rows, stream)]).toEqual([stream, cents(amount)])
    // Each row's streams sum to its cost (conservation, DOMAIN.md invariant 1).
    for (const r of rows) expect(Object.keys(doc.totals.streams).reduce((a, s) => a + cents(r[s]!), 0n)).toBe(cents(r.cost!))
    expect(rows[0]).toMatchObject({ child: "K-001", month: "2026-01", groups: "G-PLUS-1", hours: "113.23", cost: "2755.16", kot: "1141.32" })
  })

  it("group-months: vacancy sums to the run's vacancy; the subsidy is 11 places × €12,000 × days/365 per month", () => {
    const rows = readCsv(join(dir, "group-months.csv"))
    expect(rows).toHaveLength(12)
    expect(sum(rows, "vacancy")).toBe(cents(doc.totals.vacancy))
    expect(sum(rows, "surplus")).toBe(cents(doc.totals.surplus))
    // 132,000 × 31/365 = 11,210.9589 → 11,210.96 (7 months of 31 days)
    // 132,000 × 30/365 = 10,849.3151 → 10,849.32 (4 months of 30 days)
    // 132,000 × 28/365 = 10,126.0274 → 10,126.03 (February)
    // 7 × 11,210.96 + 4 × 10,849.32 + 10,126.03 = 78,476.72 + 43,397.28 + 10,126.03 = 132,000.03
    expect(sum(rows, "subsidy")).toBe(13_200_003n)
    // January: K-001 3 d/w, K-003 and K-005 2 d/w from Monday 5 January: 20 opening days × (0.6 + 0.4 + 0.4) = 28 place-days
    // of 11 places × 22 opening days = 242; 28 / 242 = 0.1157.
    expect(rows[0]).toMatchObject({ month: "2026-01", places: "11", openingDays: "22", occupiedPlaceDays: "28.00", capacityPlaceDays: "242.00", occupancy: "0.1157" })
  })

  it("totals: one row per stream, the cost, vacancy and surplus, as in the run document", () => {
    const rows = readCsv(join(dir, "totals.csv"))
    expect(Object.fromEntries(rows.map((r) => [r.item, r.amount]))).toEqual({ ...doc.totals.streams, cost: doc.totals.cost, vacancy: doc.totals.vacancy, surplus: doc.totals.surplus })
  })

  it("budgets: used and headroom as in the run document", () => {
    expect(readCsv(join(dir, "budgets.csv"))).toEqual(
      doc.budgets.map((b) => ({ budgetLine: b.id, label: b.label, year: String(b.year), streams: b.streams.join("|"), budget: b.budget, used: b.used, headroom: b.headroom, overrun: String(b.overrun) }))
    )
  })

  it("about: the scenario, fingerprint and assumptions", () => {
    const about = readCsv(join(dir, "about.csv"))
    expect(about.find((r) => r.key === "fingerprint")?.value).toBe(doc.fingerprint)
    expect(about.filter((r) => r.key!.startsWith("assumption ")).length).toBe(doc.assumptions.length)
  })
})

describe("where CSV files go", () => {
  const tables = [{ name: "child-months" }, { name: "totals" }] as never
  it("into a directory for DIR/, as PREFIX-view.csv otherwise (a trailing .csv dropped)", () => {
    expect(csvPaths("out/", tables)).toEqual(["out/child-months.csv", "out/totals.csv"])
    expect(csvPaths("out/rotterdam", tables)).toEqual(["out/rotterdam-child-months.csv", "out/rotterdam-totals.csv"])
    expect(csvPaths("out/rotterdam.csv", tables)).toEqual(["out/rotterdam-child-months.csv", "out/rotterdam-totals.csv"])
  })
})
