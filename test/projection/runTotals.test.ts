/**
 * `run --totals` lists violations in the order a full run's `checkInvariants` does
 * (src/domain/invariants/check.ts): children by id (each child's as its months were checked), then
 * every group's month lines by group and month, then the groups' years, then the budget lines;
 * whatever order the projection came to hold them in (src/projection/runTotals.ts).
 */
import { describe, expect, it } from "vitest"
import type { Violation } from "../../src/domain/ledger/types"
import { LedgerRun } from "../../src/projection"
import { violationsInRunOrder } from "../../src/projection/runTotals"
import { setupOf } from "./support"

const v = (invariant: number, subject: string, month: string | undefined): Violation => ({ invariant, name: `inv ${invariant}`, subject, month, detail: `${subject} ${month ?? "year"}` })

describe("violations of run --totals", () => {
  it("come in the full run's order", () => {
    const run = new LedgerRun(setupOf("rotterdam-koplus"))
    // Held as a catch-up leaves them: children and groups in the order they were last touched; a
    // group's months not made again kept before those made again.
    run.state.childViolations.set("K-2", [v(1, "child K-2", "2026-01"), v(7, "child K-2", "2026-03")])
    run.state.childViolations.set("K-1", [v(6, "child K-1", "2026-02")])
    run.state.groupViolations.set("G-B", [v(7, "group G-B", "2026-05"), v(7, "group G-B", "2026-02"), v(5, "group G-B", undefined)])
    run.state.groupViolations.set("G-A", [v(1, "group G-A", "2026-04"), v(5, "group G-A", undefined)])
    const budget = v(5, "budget line B-1", undefined)
    expect(violationsInRunOrder({ run }, [budget]).map((x) => x.detail)).toEqual([
      "child K-1 2026-02",
      "child K-2 2026-01",
      "child K-2 2026-03",
      "group G-A 2026-04",
      "group G-B 2026-02",
      "group G-B 2026-05",
      "group G-A year",
      "group G-B year",
      "budget line B-1 year"
    ])
  })
})
