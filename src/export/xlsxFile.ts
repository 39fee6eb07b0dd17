/**
 * Tables as an XLSX workbook (exceljs): one sheet per table, a bold frozen
 * header row, column widths from the content, euro formats on money, a bold
 * totals row with SUM formulas whose cached results are the exact totals.
 * Money cells are written from whole cents (cents / 100, the nearest double to
 * the ledger's amount), never from a float sum.
 */
import ExcelJS from "exceljs"
import type { Dec } from "../domain/money"
import { type Cell, cellText, type ColumnKind, type Table } from "./table"

/** `€ #,##0.00` with the euro sign quoted, as Excel itself writes literal currency signs (ECMA-376 number format codes). */
export const EURO_FORMAT = '"€ "#,##0.00'
export const DECIMAL_FORMAT = "#,##0.00"
export const RATE_FORMAT = "0.0%"

const formatOf = (kind: ColumnKind): string | undefined =>
  kind === "money" ? EURO_FORMAT : kind === "decimal" ? DECIMAL_FORMAT : kind === "rate" ? RATE_FORMAT : kind === "integer" ? "0" : undefined

/** A cell's value as the workbook stores it. */
const xlsxValue = (kind: ColumnKind, value: Cell): ExcelJS.CellValue => {
  if (value === undefined) return null
  switch (kind) {
    case "money":
      return Number(value as bigint) / 100
    case "decimal":
    case "rate":
      return (value as Dec).toNumber()
    case "integer":
      return value as number
    case "boolean":
      return value as boolean
    case "list":
      return (value as ReadonlyArray<string>).join(", ")
    default:
      return String(value)
  }
}

const columnLetter = (index: number): string => {
  let n = index + 1
  let s = ""
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
export const sheetName = (name: string): string => name.replace(/[[\]:*?/\\]/g, "-").slice(0, 31)

const addSheet = (wb: ExcelJS.Workbook, table: Table): void => {
  const ws = wb.addWorksheet(sheetName(table.name), { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" }] })
  ws.columns = table.columns.map((c) => {
    const texts = [c.header, ...table.rows.map((r) => cellText(c.kind, r[c.key], ", ")), cellText(c.kind, table.totals?.[c.key], ", ")]
    const longest = Math.max(...texts.map((t) => t.length)) + (c.kind === "money" ? 3 : 0)
    const numFmt = formatOf(c.kind)
    return { header: c.header, key: c.key, width: Math.min(60, Math.max(10, longest + 2)), ...(numFmt ? { style: { numFmt } } : {}) }
  })
  ws.getRow(1).font = { bold: true }
  for (const row of table.rows)
    ws.addRow(Object.fromEntries(table.columns.map((c) => [c.key, xlsxValue(c.kind, row[c.key])])))
  if (table.totals !== undefined) {
    const first = 2
    const last = table.rows.length + 1
    const totals = ws.addRow(
      Object.fromEntries(
        table.columns.map((c, i) => {
          const v = table.totals![c.key]
          if (v === undefined) return [c.key, null]
          const result = xlsxValue(c.kind, v)
          if ((c.kind === "money" || c.kind === "decimal") && table.rows.length > 0)
            return [c.key, { formula: `SUM(${columnLetter(i)}${first}:${columnLetter(i)}${last})`, result: result as number }]
          return [c.key, result]
        })
      )
    )
    totals.font = { bold: true }
    table.columns.forEach((c, i) => {
      const numFmt = formatOf(c.kind)
      if (numFmt) totals.getCell(i + 1).numFmt = numFmt
    })
  }
}

/** A workbook of the tables, one sheet each, in order. */
export const tablesWorkbook = (tables: ReadonlyArray<Table>, meta: { readonly title: string }): ExcelJS.Workbook => {
  const wb = new ExcelJS.Workbook()
  wb.creator = "geldstroom"
  wb.title = meta.title
  // A fixed date keeps the file's metadata reproducible; the run's fingerprint is in the `about` sheet.
  wb.created = new Date(0)
  wb.modified = new Date(0)
  for (const t of tables) addSheet(wb, t)
  return wb
}

export const writeXlsx = async (file: string, tables: ReadonlyArray<Table>, meta: { readonly title: string }): Promise<void> =>
  tablesWorkbook(tables, meta).xlsx.writeFile(file)
