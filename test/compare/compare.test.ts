/**
 * The comparison, on the hand-checked tiny scenario (test/scenario/tiny.test.ts has its arithmetic)
 * against a variant that changes one thing: the group's cost price, 15.00 → 16.00 per child-hour.
 */
import { writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { describe, expect, it } from "vitest"
import { runWorkbench } from "../../src/app/workbench"
import { tempDir } from "../support/tempDir"

const dir = tempDir("geldstroom-compare")
const variant = join(dir, "tiny-dearer.yaml")
writeFileSync(
  variant,
  [
    `extends: ${resolve("scenarios/tiny.yaml")}`,
    "name: Tiny, with a dearer group",
    "costPrices:",
    "  byGroup:",
    "    G-T: { value: '16.00', source: 'test: one euro an hour more', assumption: true }",
    ""
  ].join("\n")
)

describe("compare", async () => {
  const wb = await runWorkbench([resolve("scenarios/tiny.yaml"), variant])
  const [base, dearer] = wb.compare.scenarios
  it("shows the scenarios side by side with per-funder totals", () => {
    expect(base!.cost).toBe("7258.33")
    // Cost +1.00 an hour over 130 + 195 + 104 = 429 hours: 7,258.33 + 429.00 = 7,687.33.
    expect(dearer!.cost).toBe("7687.33")
    // gemeente: smi 1,638.00 + kindplek to children 620.00 + kindplek for empty places 2,790.00 = 5,048.00
    expect(base!.funders).toMatchObject({ rijk: "2298.66", gemeente: "5048.00", jeugdhulp: "823.33", ouders: "567.84", aanbieder: "1310.50" })
    expect(base!.payments).toBe("10048.33") // 7,258.33 + vacancy 2,790.00
    expect(base!.childrenServed).toBe(3)
    expect(base!.costPerChildHour).toBe("16.92") // 7,258.33 / 429 = 16.919…
  })
  it("measures deltas against the baseline: the extra cost falls on the provider alone", () => {
    const d = wb.compare.deltas[1]!
    expect(d.cost).toBe("429.00")
    expect(d.funders).toMatchObject({ rijk: "0.00", gemeente: "0.00", jeugdhulp: "0.00", ouders: "0.00", aanbieder: "429.00" })
    expect(wb.compare.deltas[0]!.cost).toBe("0.00")
  })
  it("lists what differs, baseline value beside scenario value", () => {
    const items = wb.compare.differences[1]!.items
    expect(items).toContainEqual({ path: "scenario.costPrices.byGroup.G-T", baseline: "15.00", scenario: "16.00" })
    expect(items).toContainEqual({ path: "policy.costPrices.byGroup.G-T", baseline: "15", scenario: "16" })
    expect(wb.compare.warnings).toEqual([])
  })
})
