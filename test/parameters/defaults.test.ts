/**
 * The defaults of policy and scenario files are dated, sourced data (src/parameters/defaults/*.yaml),
 * checked with the schema of the field each fills, and the schemas take them from there.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { z } from "zod"
import { InvalidFile } from "../../src/io/yamlFile"
import { loadDefaults } from "../../src/parameters/defaults"
import { POLICY_DEFAULTS, PolicySchema } from "../../src/policy/schema"
import { COST_DEFAULTS, CostModelSpec } from "../../src/scenario/cost/schema"
import { DESIGN_DEFAULTS, DesignSpec } from "../../src/scenario/design/schema"
import { tempDir } from "../support/tempDir"

const dir = tempDir("geldstroom-defaults")
const write = (name: string, text: string) => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}
const ok = <T>(x: T | InvalidFile): T => {
  if (x instanceof InvalidFile) throw new Error(x.message)
  return x
}

describe("the shipped defaults files", () => {
  it.each([
    ["policy", POLICY_DEFAULTS],
    ["cost model", COST_DEFAULTS],
    ["design", DESIGN_DEFAULTS]
  ] as const)("%s: every default has a value, dates in order, a source and an assumption flag", (_, defaults) => {
    const loaded = ok(defaults.load())
    for (const [key, d] of Object.entries(loaded)) {
      expect(d.validFrom <= d.validUntil, key).toBe(true)
      expect(d.source.length, key).toBeGreaterThan(3)
      expect(typeof d.assumption, key).toBe("boolean")
      expect(d.file).toBe(defaults.file)
      expect(d.line, key).toBeGreaterThan(0)
    }
  })

  it("hold the values that used to be written in code, unchanged (every ledger amount depends on them)", () => {
    expect(POLICY_DEFAULTS.get().contractWeeksPerYear.value).toBe("52")
    expect(DESIGN_DEFAULTS.get().hourlyPrice.value).toBe("10.50")
    const cost = COST_DEFAULTS.get()
    expect(Object.fromEntries(Object.entries(cost).map(([k, d]) => [k, d.value]))).toEqual({
      openingHoursPerWeek: 55,
      weeksPerYear: 52,
      fullTimeHoursPerWeek: 36,
      "wages.pedagogical": "32.50",
      "wages.hbo": "37.50",
      "wages.careCoordinator": "40.00",
      "wages.locationSupport": "50.00",
      "wages.teamSupporter": "37.50",
      "wages.specialist": "80.00",
      "wages.coach": "42.00",
      careCoordinatorHoursPerChildPerWeek: 1.5,
      locationSupportHoursPerWeek: 4,
      teamSupporterFtePerLocation: 1,
      overheadShare: "0.20",
      housingPerGroupPerYear: "18000.00",
      housingPerPlacePerYear: "0",
      specialistInCostPrice: true
    })
    // Seed 004 §IX.3 gives 1.5 h a child a week: a sourced figure, not an assumption.
    expect(cost.careCoordinatorHoursPerChildPerWeek.assumption).toBe(false)
    expect(cost["wages.pedagogical"].assumption).toBe(true)
  })

  it("fill the schemas' defaults", () => {
    const spec = CostModelSpec.parse({ year: 2026 })
    expect(spec.wages.pedagogical).toBe(COST_DEFAULTS.get()["wages.pedagogical"].value)
    expect(spec.housingPerGroupPerYear).toBe(COST_DEFAULTS.get().housingPerGroupPerYear.value)
    expect(DesignSpec.parse({ kind: "homogeneous" }).hourlyPrice).toBe(DESIGN_DEFAULTS.get().hourlyPrice.value)
    const layer = { payers: [], residual: "parent" }
    const policy = PolicySchema.parse({ id: "p", name: "p", description: "p", source: "a test", layers: { regular: layer, plus: layer, jeugdhulp: layer } })
    const weeks = POLICY_DEFAULTS.get().contractWeeksPerYear
    expect(policy.contractWeeksPerYear).toEqual({ value: weeks.value, source: weeks.source, assumption: weeks.assumption })
  })
})

describe("a defaults file that does not validate", () => {
  const fields = { price: z.string().regex(/^\d+\.\d\d$/, { message: "an amount like 10.50" }), weeks: z.number().positive() }
  const entry = (value: string, extra = "") =>
    [`    value: ${value}`, "    validFrom: 2024-01-01", "    validUntil: 2099-12-31", '    source: "a test"', "    assumption: true", extra].filter(Boolean).join("\n")

  it("loads when every field has a valid entry", () => {
    const file = write("good.yaml", ["defaults:", "  price:", entry('"10.50"'), "  weeks:", entry("52"), ""].join("\n"))
    const d = ok(loadDefaults(file, fields))
    expect(d.price).toMatchObject({ value: "10.50", validFrom: "2024-01-01", validUntil: "2099-12-31", source: "a test", assumption: true, file, line: 3 })
    expect(d.weeks.value).toBe(52)
  })

  it("names the file, line and field of every problem at once: a bad value, an unknown default, a missing source", () => {
    const file = write(
      "bad.yaml",
      [
        "defaults:",
        "  price:",
        entry('"ten"'),
        "  extra:",
        entry("1"),
        "  weeks:",
        "    value: 52",
        "    validFrom: 2024-01-01",
        "    validUntil: 2023-12-31",
        "    assumption: true",
        ""
      ].join("\n")
    )
    const d = loadDefaults(file, fields)
    expect(d).toBeInstanceOf(InvalidFile)
    const problems = (d as InvalidFile).problems.map((p) => [p.file, p.line, p.path])
    expect(problems).toEqual(
      expect.arrayContaining([
        [file, 3, "defaults.price.value"],
        [file, 9, "defaults.extra"],
        [file, 15, "defaults.weeks.source"]
      ])
    )
    expect((d as InvalidFile).problems.find((p) => p.path === "defaults.price.value")!.message).toBe("an amount like 10.50")
    expect((d as InvalidFile).problems.find((p) => p.path === "defaults.extra")!.message).toMatch(/^not a default geldstroom knows/)
    expect((d as InvalidFile).message).toContain(file)
  })

  it("refuses dates out of order and a default the file leaves out", () => {
    const file = write("dates.yaml", ["defaults:", "  price:", entry('"10.50"').replace("validUntil: 2099-12-31", "validUntil: 2023-12-31"), ""].join("\n"))
    const problems = (loadDefaults(file, fields) as InvalidFile).problems
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ["defaults.price.validUntil", "validUntil is before validFrom"],
      ["defaults.weeks", "missing: every default needs its value, dates and source"]
    ])
  })
})
