/**
 * Actual against budget per budget line (seed 004 §XI: "De werkelijke kosten en
 * opbrengsten ... worden afgezet tegenover de ... ingediende financiële begroting.
 * Afwijkingen van meer dan 10% per begrotingsonderdeel worden hierin nader
 * toegelicht").
 *
 *   budget for the period = yearly budget × days of the period / days in the year
 *                           (the whole budget for a full year; pro rata for a half-year)
 *   actual                = what the line's streams paid in the period (the ledger's
 *                           budget use: src/domain/rules/compute.ts)
 *   deviation             = actual − budget for the period, as a share of that budget
 *   explain               = |deviation| > the threshold (./accountability.yaml: 10 %)
 */
import type { BudgetUse } from "../domain/ledger/types"
import { Dec, toCents } from "../domain/money"

export interface BudgetRow {
  readonly id: string
  readonly label: string
  readonly streams: ReadonlyArray<string>
  readonly yearBudget: bigint
  readonly budget: bigint
  readonly actual: bigint
  readonly deviation: bigint
  /** Undefined when the budget for the period is zero. */
  readonly deviationShare: Dec | undefined
  readonly explain: boolean
}

export const budgetRows = (
  budgets: ReadonlyArray<BudgetUse>,
  year: number,
  days: number,
  daysInYear: number,
  threshold: Dec
): ReadonlyArray<BudgetRow> =>
  budgets
    .filter((b) => b.year === year)
    .map((b) => {
      const budget = toCents(b.budget.times(days).dividedBy(daysInYear))
      const deviation = b.usedCents - budget
      const deviationShare = budget === 0n ? undefined : new Dec(deviation.toString()).dividedBy(budget.toString())
      return {
        id: b.budgetLineId,
        label: b.label,
        streams: b.streams,
        yearBudget: toCents(b.budget),
        budget,
        actual: b.usedCents,
        deviation,
        deviationShare,
        explain: deviationShare === undefined ? b.usedCents > 0n : deviationShare.abs().greaterThan(threshold)
      }
    })
