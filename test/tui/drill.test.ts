import { beforeAll, describe, expect, it } from "vitest"
import type { Workbench } from "../../src/app/workbench"
import { centsToString } from "../../src/domain/money"
import { cents, childrenOf, eventIdsOf, groupsOf, monthsOf, providersOf } from "../../src/tui/drill"
import { workbenches } from "./harness"

let wb: Workbench

beforeAll(async () => {
  wb = (await workbenches()).one
})

describe("drill-down figures add up to the comparison's, to the cent", () => {
  it("the providers' cost is the cost of care of the scenario", () => {
    const col = wb.compare.scenarios[0]!
    const providers = providersOf(wb.runs[0]!.result, col)
    expect(providers.map((p) => p.id)).toEqual(["P-1"])
    expect(centsToString(providers.reduce((a, p) => a + p.costCents, 0n))).toBe(col.cost)
    expect(providers[0]!.children).toBe(col.childrenServed)
  })

  it("a provider's groups are the comparison's groups of that provider", () => {
    const col = wb.compare.scenarios[0]!
    expect(groupsOf(col, "P-1").map((g) => g.id)).toEqual(col.groups.filter((g) => g.provider === "P-1").map((g) => g.id))
  })

  it("the children of a group add up to the group's cost in the comparison", () => {
    const col = wb.compare.scenarios[0]!
    for (const g of col.groups) {
      const children = childrenOf(wb.runs[0]!.result, g.id)
      expect(children.length).toBe(g.children)
      expect(centsToString(children.reduce((a, c) => a + c.costCents, 0n))).toBe(g.cost)
    }
  })

  it("a child's months in a group are its ledger rows, in order, and their cost is the child's", () => {
    const run = wb.runs[0]!.result
    const months = monthsOf(run, "G-PLUS-1", "K-004")
    const ledger = run.ledger.children.filter((c) => c.childId === "K-004")
    expect(months.map((m) => m.month)).toEqual(ledger.map((c) => c.month).sort())
    // K-004 is in one group only, so its share of the group is its whole cost.
    const child = childrenOf(run, "G-PLUS-1").find((c) => c.id === "K-004")!
    expect(child.costCents).toBe(months.reduce((a, m) => a + m.costCents, 0n))
  })

  it("a child-month cites the events behind its lines", () => {
    const c = wb.runs[0]!.result.ledger.children.find((x) => x.childId === "K-004" && x.month === "2026-03")!
    const ids = eventIdsOf(c)
    expect(ids.size).toBeGreaterThan(0)
    expect([...ids].every((id) => c.lines.some((l) => l.trace.events.includes(id)))).toBe(true)
  })

  it("reads money strings as whole cents", () => {
    expect(cents("140837.62")).toBe(14_083_762n)
    expect(cents("-0.05")).toBe(-5n)
  })
})
