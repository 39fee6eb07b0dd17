/**
 * Tables as one JSON document (docs/output-contracts.md "export"): per table
 * its columns, its rows as objects keyed by column header and its totals.
 * Money and decimals are exact strings ("1234.56"), never floats.
 */
import { type Cell, cellJson, type Table } from "./table"

export interface TablesDocument {
  readonly format: "geldstroom-tables/1"
  readonly tables: Readonly<
    Record<
      string,
      {
        readonly title: string
        readonly columns: ReadonlyArray<{ readonly name: string; readonly kind: string }>
        readonly rows: ReadonlyArray<Record<string, unknown>>
        readonly totals: Record<string, unknown> | null
      }
    >
  >
}

const rowJson = (t: Table, row: Readonly<Record<string, Cell>>): Record<string, unknown> =>
  Object.fromEntries(t.columns.filter((c) => row[c.key] !== undefined).map((c) => [c.header, cellJson(c.kind, row[c.key])]))

export const tablesDocument = (tables: ReadonlyArray<Table>): TablesDocument => ({
  format: "geldstroom-tables/1",
  tables: Object.fromEntries(
    tables.map((t) => [
      t.name,
      {
        title: t.title,
        columns: t.columns.map((c) => ({ name: c.header, kind: c.kind })),
        rows: t.rows.map((r) => rowJson(t, r)),
        totals: t.totals === undefined ? null : rowJson(t, t.totals)
      }
    ])
  )
})
