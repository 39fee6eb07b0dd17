/** The report as XLSX, read back: one sheet per section, euro formats, the flag column. */
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { centsToString } from "../../src/domain/money"
import { EURO_FORMAT, writeXlsx } from "../../src/export/xlsxFile"
import { InvalidFile } from "../../src/io/yamlFile"
import { loadAccountability } from "../../src/report/accountability"
import { reportPeriod } from "../../src/report/period"
import { providerReport } from "../../src/report/providerReport"
import { loadExample, runExample } from "../export/support"

describe("report --format xlsx", () => {
  it("writes the about sheet and one sheet per section, money in euro format", async () => {
    const a = loadAccountability()
    if (a instanceof InvalidFile) throw new Error(a.message)
    const scenario = loadExample()
    const period = reportPeriod({ kind: "year" }, 2026, scenario.months)
    const report = providerReport(await runExample({ ...scenario, months: period.covered }), period, a)
    const dir = await mkdtemp(join(tmpdir(), "geldstroom-report-"))
    try {
      const file = join(dir, "report.xlsx")
      await writeXlsx(file, [report.about, ...report.sections.map((s) => s.table)], { title: report.title })
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(file)
      expect(wb.worksheets.map((w) => w.name)).toEqual(["about", "occupancy", "flows", "budget", "finance"])
      const budget = wb.getWorksheet("budget")!
      expect(budget.getRow(1).values).toEqual([undefined, "budgetLine", "label", "streams", "yearBudget", "budgetForPeriod", "actual", "deviation", "deviationShare", "flag", "explanation"])
      const used = report.sections.find((s) => s.table.name === "budget")!.table.rows[0]!.actual as bigint
      expect((budget.getRow(2).getCell(6).value as number).toFixed(2)).toBe(centsToString(used))
      expect(budget.getRow(2).getCell(6).numFmt).toBe(EURO_FORMAT)
      expect((budget.getRow(2).getCell(7).value as number).toFixed(2)).toBe(centsToString(used - 15_000_000n))
      expect(wb.getWorksheet("occupancy")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
