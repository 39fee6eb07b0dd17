/**
 * `geldstroom run --totals` works from the projection kept in the embedded store (built the first
 * time, reused, caught up after an append) and gives the full run's document without its
 * child-months, figure for figure: totals, groups and their month lines, occupancy per location,
 * budget lines, violations, assumptions. Only the determinism check (invariant 8) is the full run's.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DesignSpec } from "../../src/scenario/design"
import { appendPlaced, demandOf } from "../support/placedPopulation"
import { type TempStore, tempStore } from "../support/tempStore"
import { geldstroom, PROJECT_ROOT } from "./cli"

// Kindplekken in two locations, some groups under the occupancy floor: group lines, flags and locations all have work.
const design = DesignSpec.parse({ kind: "heterogeneous", groups: 3, locations: 2, kindplek: { pricePerPlace: "20000" } })

let temp: TempStore
let scenario: string

beforeAll(async () => {
  temp = await tempStore()
  await appendPlaced(temp.path, design, demandOf(31, "T", 20))
  scenario = join(temp.dir, "totals.yaml")
  writeFileSync(
    scenario,
    [
      "name: totals",
      "period: { from: 2026-01, to: 2026-12 }",
      `events: { store: ${temp.path} }`,
      `policy: ${join(PROJECT_ROOT, "scenarios/policies/rotterdam-koplus.yaml")}`,
      "budgets:",
      "  - { id: KP-2026, year: 2026, label: Kindplekken, amount: '50000.00', streams: [kindplek] }",
      ""
    ].join("\n")
  )
}, 60_000)
afterAll(() => temp.cleanup())

/** The full run's document as `--totals` gives it: no child-months; invariants 1-7 (no second replay). */
const withoutChildMonths = (stdout: string): Record<string, unknown> => {
  const { children: _children, checks, ...rest } = JSON.parse(stdout) as { children: unknown; checks: { events: number } }
  return { ...rest, checks: { events: checks.events, invariants: [1, 2, 3, 4, 5, 6, 7], determinismCheckedAtRunTime: false } }
}

describe("geldstroom run --totals", () => {
  it("builds the projection, then reuses it, and gives the full run's document without child-months", async () => {
    const full = await geldstroom("run", scenario, "--json")
    expect(full.code).toBe(0)
    const expected = withoutChildMonths(full.stdout)
    // The case has what the comparison should cover: group lines with flags, two locations, a budget line.
    expect((expected.groups as Array<unknown>).length).toBe(3)
    expect(JSON.stringify(expected.groups)).toContain("below")
    expect((expected.occupancy as { locations: Array<unknown> }).locations.length).toBe(2)

    const first = await geldstroom("run", scenario, "--totals", "--json")
    expect(first.code).toBe(0)
    expect(first.stderr).toMatch(/^totals: projection built by replaying .* and kept there/m)
    const doc = JSON.parse(first.stdout) as Record<string, unknown>
    expect(doc).not.toHaveProperty("children")
    expect(doc).toEqual(expected)

    const second = await geldstroom("run", scenario, "--totals", "--json")
    expect(second.stderr).toMatch(/^totals: projection in .* up to date/m)
    expect(JSON.parse(second.stdout)).toEqual(expected)
  }, 120_000)

  it("catches the projection up with events appended since, to what the full run gives", async () => {
    await geldstroom("run", scenario, "--totals", "--json")
    // Placed in the groups already there: the design's group events are in the store already.
    await appendPlaced(temp.path, design, demandOf(32, "U", 6), false)
    const caught = await geldstroom("run", scenario, "--totals", "--json")
    expect(caught.code).toBe(0)
    expect(caught.stderr).toMatch(/^totals: projection in .* caught up with \d+ new events/m)
    const full = await geldstroom("run", scenario, "--json")
    expect(JSON.parse(caught.stdout)).toEqual(withoutChildMonths(full.stdout))
  }, 120_000)

  it("prints the same summary as the full run, but for the invariants it checked", async () => {
    const full = await geldstroom("run", scenario)
    const totals = await geldstroom("run", scenario, "--totals")
    expect(totals.code).toBe(0)
    expect(totals.stdout).toBe(full.stdout.replace("invariants 1, 2, 3, 4, 5, 6, 7, 8:", "invariants 1, 2, 3, 4, 5, 6, 7:"))
  }, 120_000)

  it("refuses a scenario that draws its population (exit 2): it has no projection", async () => {
    const r = await geldstroom("run", join(PROJECT_ROOT, "scenarios/tiny.yaml"), "--totals")
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("--totals works from a projection")
    expect(r.stdout).toBe("")
  }, 60_000)
})
