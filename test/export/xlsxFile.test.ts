/**
 * The XLSX export read back with exceljs: sheets, values from cents, euro
 * formats, totals rows with SUM formulas and exact cached results, a frozen
 * header row and column widths.
 */
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exportTables } from "../../src/export/ledgerTables"
import { DECIMAL_FORMAT, EURO_FORMAT, RATE_FORMAT, sheetName, writeXlsx } from "../../src/export/xlsxFile"
import { type RunDocument, runDocument } from "../../src/output/runDocument"
import { cents, runExample } from "./support"

describe("export --format xlsx", () => {
  let dir: string
  let doc: RunDocument
  let wb: ExcelJS.Workbook
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "geldstroom-xlsx-"))
    const run = await runExample()
    doc = runDocument(run)
    const file = join(dir, "ledger.xlsx")
    await writeXlsx(file, exportTables(run), { title: run.scenario.spec.name })
    wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name)
    if (ws === undefined) throw new Error(`no sheet ${name}`)
    return ws
  }
  /** Column number of a header in row 1. */
  const col = (ws: ExcelJS.Worksheet, header: string) => {
    const values = ws.getRow(1).values as Array<unknown>
    const i = values.indexOf(header)
    if (i < 1) throw new Error(`no column ${header}`)
    return i
  }

  it("has one sheet per view", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["child-months", "group-months", "totals", "budgets", "about"])
  })

  it("freezes the header row of every sheet, makes it bold and sizes the columns", () => {
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
      expect(ws.getRow(1).font?.bold).toBe(true)
      ws.columns.forEach((c) => expect(c.width).toBeGreaterThanOrEqual(10))
    }
  })

  it("writes money as numbers from cents with the euro format; every cell equals the ledger's amount to the cent", () => {
    const ws = sheet("child-months")
    const cost = col(ws, "cost")
    const rows = doc.children.flatMap((c) => c.months)
    let total = 0n
    rows.forEach((m, i) => {
      const cell = ws.getRow(i + 2).getCell(cost)
      expect(cell.numFmt).toBe(EURO_FORMAT)
      expect(typeof cell.value).toBe("number")
      // The stored double prints back as the ledger's amount: no drift.
      expect((cell.value as number).toFixed(2)).toBe(m.cost)
      total += cents((cell.value as number).toFixed(2))
    })
    expect(total).toBe(cents(doc.totals.cost))
    expect(ws.getRow(2).getCell(col(ws, "hours")).numFmt).toBe(DECIMAL_FORMAT)
  })

  it("ends each ledger sheet with a totals row: SUM formulas whose cached results are the exact totals", () => {
    const ws = sheet("child-months")
    const n = doc.children.reduce((a, c) => a + c.months.length, 0)
    const totals = ws.getRow(n + 2)
    expect(totals.getCell(1).value).toBe("total")
    expect(totals.font?.bold).toBe(true)
    const costCell = totals.getCell(col(ws, "cost"))
    expect(costCell.value).toMatchObject({ formula: `SUM(F2:F${n + 1})` })
    expect(((costCell.value as ExcelJS.CellFormulaValue).result as number).toFixed(2)).toBe(doc.totals.cost)
    expect(costCell.numFmt).toBe(EURO_FORMAT)
    for (const [stream, amount] of Object.entries(doc.totals.streams)) {
      const v = totals.getCell(col(ws, stream)).value as ExcelJS.CellFormulaValue
      expect([stream, (v.result as number).toFixed(2)]).toEqual([stream, amount])
    }
    const groups = sheet("group-months")
    const gTotals = groups.getRow(14)
    expect(gTotals.getCell(1).value).toBe("total")
    expect(((gTotals.getCell(col(groups, "vacancy")).value as ExcelJS.CellFormulaValue).result as number).toFixed(2)).toBe(doc.totals.vacancy)
    // Occupancy over the year, weighted by place-days: the run document's group rate.
    expect((gTotals.getCell(col(groups, "occupancy")).value as number).toFixed(4)).toBe(doc.groups[0]!.occupancy.rate)
    expect(groups.getRow(2).getCell(col(groups, "occupancy")).numFmt).toBe(RATE_FORMAT)
  })

  it("keeps sheet names within Excel's rules", () => {
    expect(sheetName("a/b:c*d?e[f]g\\h-and-a-very-long-name-beyond-31")).toBe("a-b-c-d-e-f-g-h-and-a-very-long") // 31 characters
  })
})
