/**
 * The KOT percentage table: the share of the hourly price (up to the maximum
 * uurprijs) that the kinderopvangtoeslag pays, by the household's yearly
 * income (toetsingsinkomen) and the child's rank.
 * Source: Besluit kinderopvangtoeslag, art. 6 and bijlage I (yearly);
 * ../shared/PARAMETERS.md "Percentage table 2026/2024/2025".
 */
import { Result } from "effect"
import { fromDayNumber } from "../calendar"
import { compare, Dec } from "../money"
import { type DatedValue, type KotTable, MissingParameter, type ParameterSet } from "./types"
import { valueOn } from "./lookup"
import { KOT_TABLE_PATH } from "./paths"

export interface KotPercentage {
  /** The fraction paid, e.g. 0.96. */
  readonly fraction: Dec
  /** The percentage as written in the table, e.g. "96.0". */
  readonly percentage: string
  readonly band: string
  readonly table: DatedValue<KotTable>
}

/**
 * An income edge as a band names it: whole euros with thousands separators ("56,412"), as
 * `toLocaleString("en-US")` writes them, without its number formatter for whole euros (the edges
 * are: its first use in a process costs tens of milliseconds, paid by the first KOT answer of a
 * catch-up run by the CLI). Any other edge goes by `toLocaleString`.
 */
export const euro = (s: string): string => (/^(0|[1-9]\d{0,14})$/.test(s) ? s.replace(/\B(?=(\d{3})+$)/g, ",") : Number(s).toLocaleString("en-US"))

/** A table's rows with their edges parsed once, and the answer per row and rank once made. */
interface PreparedTable {
  readonly edges: ReadonlyArray<Dec | null>
  readonly answers: { readonly first: Map<number, KotPercentage>; readonly further: Map<number, KotPercentage> }
  /**
   * The row of an income decimal, by identity (incomes are kept decimals, ../rules/kept.ts
   * `decimalOf`, asked for every child-month): the first row whose edge is open or at least the
   * income. At most ROWS_KEPT incomes, then forgotten.
   */
  rows: Map<Dec, number>
}

const ROWS_KEPT = 50_000

/** Prepared tables by the dated value they came from (a parameter set never changes once built). */
const prepared = new WeakMap<DatedValue<KotTable>, PreparedTable>()

const prepare = (table: DatedValue<KotTable>): PreparedTable => {
  let p = prepared.get(table)
  if (p === undefined) {
    p = { edges: table.value.rows.map((r) => (r.upTo === null ? null : new Dec(r.upTo))), answers: { first: new Map(), further: new Map() }, rows: new Map() }
    prepared.set(table, p)
  }
  return p
}

export const kotPercentage = (
  set: ParameterSet,
  day: number,
  income: Dec,
  rank: "first" | "further"
): Result.Result<KotPercentage, MissingParameter> => {
  const table = valueOn<KotTable>(set, KOT_TABLE_PATH, day)
  if (table._tag === "Failure") return Result.fail(table.failure)
  const rows = table.success.value.rows
  const prep = prepare(table.success)
  const { edges } = prep
  const answers = prep.answers[rank]
  const kept = prep.rows.get(income)
  if (kept !== undefined) {
    const known = answers.get(kept)
    if (known !== undefined) return Result.succeed(known)
  }
  let lower = "0"
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    const edge = edges[i]!
    // income ≤ edge, compared without decimal.js's copy (../money.ts `compare`, held equal to comparedTo by test/domain/exactArithmetic.test.ts).
    if (edge === null || compare(income, edge) <= 0) {
      if (kept === undefined) {
        if (prep.rows.size >= ROWS_KEPT) prep.rows = new Map()
        prep.rows.set(income, i)
      }
      const known = answers.get(i)
      if (known !== undefined) return Result.succeed(known)
      const band = row.upTo === null ? `above ${euro(lower)}` : `${euro(lower)}–${euro(row.upTo)}`
      const pct = row[rank]
      if (pct === null) {
        return Result.fail(
          new MissingParameter({
            path: KOT_TABLE_PATH,
            day: fromDayNumber(day),
            detail: `year ${fromDayNumber(day).slice(0, 4)}, income band ${band}, column ${rank === "first" ? "first child" : "further child"} is not confirmed`
          })
        )
      }
      const answer: KotPercentage = { fraction: new Dec(pct).dividedBy(100), percentage: pct, band, table: table.success }
      answers.set(i, answer)
      return Result.succeed(answer)
    }
    lower = row.upTo!
  }
  return Result.fail(
    new MissingParameter({
      path: KOT_TABLE_PATH,
      day: fromDayNumber(day),
      detail: `year ${fromDayNumber(day).slice(0, 4)}: the table has no row for an income of ${income.toFixed(2)}`
    })
  )
}
