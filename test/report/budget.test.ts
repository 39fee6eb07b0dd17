import { describe, expect, it } from "vitest"
import type { BudgetUse } from "../../src/domain/ledger/types"
import { Dec } from "../../src/domain/money"
import { budgetRows } from "../../src/report/budget"

const line = (budget: string, usedCents: bigint, year = 2026): BudgetUse => ({
  budgetLineId: `B-${budget}-${usedCents}`,
  label: "line",
  year,
  streams: ["kindplek"],
  budget: new Dec(budget),
  used: new Dec(usedCents.toString()).dividedBy(100),
  usedCents,
  headroom: new Dec(budget).minus(new Dec(usedCents.toString()).dividedBy(100)),
  overrun: false
})
const TEN = new Dec("0.10")
const flags = (lines: ReadonlyArray<BudgetUse>, days = 365) =>
  budgetRows(lines, 2026, days, 365, TEN).map((r) => [r.budget, r.actual, r.deviation, r.deviationShare?.toFixed(6), r.explain])

describe("budgetRows: actual against budget, more than 10 % to explain (seed 004 §XI)", () => {
  it("flags a deviation over 10 % either way, not one of exactly 10 %", () => {
    expect(flags([line("1000.00", 110_000n), line("1000.00", 110_001n), line("1000.00", 90_000n), line("1000.00", 89_999n)])).toEqual([
      [100_000n, 110_000n, 10_000n, "0.100000", false], // +100.00 / 1,000.00 = exactly 10 %
      [100_000n, 110_001n, 10_001n, "0.100010", true], // +100.01 / 1,000.00 = 10.001 %
      [100_000n, 90_000n, -10_000n, "-0.100000", false],
      [100_000n, 89_999n, -10_001n, "-0.100010", true]
    ])
  })

  it("compares a half-year with the budget pro rata by days", () => {
    // 1,000.00 × 181 / 365 = 495.8904… → 495.89; actual 440.00: −55.89 / 495.89 = −0.1127064… → explain.
    expect(flags([line("1000.00", 44_000n)], 181)).toEqual([[49_589n, 44_000n, -5_589n, "-0.112706", true]])
  })

  it("flags any spending on a zero budget, and leaves out lines of other years", () => {
    expect(flags([line("0", 1n), line("0", 0n), line("1000.00", 0n, 2027)])).toEqual([
      [0n, 1n, 1n, undefined, true],
      [0n, 0n, 0n, undefined, false]
    ])
  })
})
