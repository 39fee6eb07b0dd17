/**
 * Tables as CSV files, one file per table (docs/output-contracts.md "export"):
 * comma-separated, a header row, CRLF line ends, money in euros with two
 * decimals and a point (1234.56) written from the ledger's cents, lists joined
 * with `|`. No totals row in the files: the totals are the `totals` table, and
 * a column summed in a spreadsheet is not counted twice.
 *
 * Where the files go (`-o`): a directory (`-o out/`, or an existing directory)
 * gets `out/child-months.csv`, `out/group-months.csv`, ...; anything else is a
 * prefix: `-o out/rotterdam` (or `out/rotterdam.csv`) gives
 * `out/rotterdam-child-months.csv`, ...
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { toCsv } from "../io/csv"
import { cellText, type Table } from "./table"

export const tableCsv = (table: Table): string =>
  toCsv([table.columns.map((c) => c.header), ...table.rows.map((r) => table.columns.map((c) => cellText(c.kind, r[c.key])))])

/** The file each table is written to, for an `-o` target. */
export const csvPaths = (target: string, tables: ReadonlyArray<Table>): ReadonlyArray<string> => {
  const isDir = /[/\\]$/.test(target) || (existsSync(target) && statSync(target).isDirectory())
  const prefix = target.replace(/\.csv$/i, "")
  return tables.map((t) => (isDir ? join(target, `${t.name}.csv`) : `${prefix}-${t.name}.csv`))
}

/** Write every table; returns the files written. */
export const writeCsvFiles = (target: string, tables: ReadonlyArray<Table>): ReadonlyArray<string> => {
  const paths = csvPaths(target, tables)
  tables.forEach((t, i) => {
    const path = paths[i]!
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, tableCsv(t))
  })
  return paths
}
