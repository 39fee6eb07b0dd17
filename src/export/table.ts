/**
 * A table to write out: typed columns, rows, an optional totals row. The
 * export (CSV, XLSX, JSON) and the report (Markdown, XLSX) all write tables,
 * so a money cell is handled one way everywhere: whole cents (bigint) in,
 * written from the cents, never from a float sum.
 */
import { centsToString, type Dec } from "../domain/money"

export type ColumnKind =
  /** bigint cents */
  | "money"
  /** Dec, two decimals (hours, place-days, average children) */
  | "decimal"
  /** Dec fraction (0.255 = 25.5 %) */
  | "rate"
  | "integer"
  | "text"
  | "list"
  | "boolean"

export type Cell = bigint | Dec | number | string | boolean | ReadonlyArray<string> | undefined

export interface Column {
  readonly key: string
  readonly header: string
  readonly kind: ColumnKind
}

export interface Table {
  /** File and sheet name: `child-months`. */
  readonly name: string
  readonly title: string
  readonly columns: ReadonlyArray<Column>
  readonly rows: ReadonlyArray<Readonly<Record<string, Cell>>>
  /** The totals row, computed exactly (sums of cents, weighted rates). */
  readonly totals?: Readonly<Record<string, Cell>>
}

/** A cell as text, the way CSV and Markdown write it: money 1234.56, rates 0.2550, lists a|b. */
export const cellText = (kind: ColumnKind, value: Cell, listSeparator = "|"): string => {
  if (value === undefined) return ""
  switch (kind) {
    case "money":
      return centsToString(value as bigint)
    case "decimal":
      return (value as Dec).toFixed(2)
    case "rate":
      return (value as Dec).toFixed(4)
    case "list":
      return (value as ReadonlyArray<string>).join(listSeparator)
    default:
      return String(value)
  }
}

/** A cell as JSON: money and decimals as exact strings, integers and booleans as such, lists as arrays. */
export const cellJson = (kind: ColumnKind, value: Cell): unknown => {
  if (value === undefined) return null
  switch (kind) {
    case "integer":
    case "boolean":
      return value
    case "list":
      return [...(value as ReadonlyArray<string>)]
    default:
      return cellText(kind, value)
  }
}

/** Sum a money column in cents. */
export const sumCents = (rows: ReadonlyArray<Readonly<Record<string, Cell>>>, key: string): bigint =>
  rows.reduce((acc, r) => acc + ((r[key] as bigint | undefined) ?? 0n), 0n)
