/** The JSON export: money as exact strings; totals as in the run document. */
import { describe, expect, it } from "vitest"
import { tablesDocument } from "../../src/export/jsonDocument"
import { exportTables } from "../../src/export/ledgerTables"
import { runDocument } from "../../src/output/runDocument"
import { cents, runExample } from "./support"

describe("export --format json", () => {
  it("writes every view with money as two-decimal strings that sum to the run's totals", async () => {
    const run = await runExample()
    const doc = runDocument(run)
    const json = tablesDocument(exportTables(run))
    const childMonths = json.tables["child-months"]!
    expect(childMonths.columns.slice(0, 6)).toEqual([
      { name: "child", kind: "text" },
      { name: "month", kind: "text" },
      { name: "groups", kind: "list" },
      { name: "providers", kind: "list" },
      { name: "hours", kind: "decimal" },
      { name: "cost", kind: "money" }
    ])
    expect(childMonths.rows[0]).toMatchObject({ child: "K-001", month: "2026-01", groups: ["G-PLUS-1"], cost: "2755.16" })
    expect(childMonths.rows.reduce((a, r) => a + cents(r.cost as string), 0n)).toBe(cents(doc.totals.cost))
    expect(childMonths.totals).toMatchObject({ child: "total", cost: doc.totals.cost, hours: doc.totals.hours, ...doc.totals.streams })
    expect(json.tables.budgets!.rows[0]).toMatchObject({ budgetLine: "KOPLUS-2026", year: 2026, used: doc.budgets[0]!.used, overrun: false })
  })
})
