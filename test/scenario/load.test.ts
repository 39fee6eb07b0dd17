import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { describe, expect, it } from "vitest"
import { InvalidFile } from "../../src/io/yamlFile"
import { loadScenario } from "../../src/scenario/load"

const dir = mkdtempSync(join(tmpdir(), "geldstroom-scenario-"))
const write = (name: string, lines: ReadonlyArray<string>) => {
  const file = join(dir, name)
  writeFileSync(file, lines.join("\n") + "\n")
  return file
}
const policy = resolve("scenarios/policies/rotterdam-koplus.yaml")

describe("scenario files", () => {
  it("report all problems at once, with path and line", () => {
    const file = write("bad.yaml", ["name: bad", "period: { from: 2026-13, to: 2026-01 }", "events: { nothing: here }", `policy: ${policy}`, "parameters:", "  - { path: kot.percentages, validFrom: 2025-01-01, validUntil: 2025-12-31, value: 12 }"])
    const s = loadScenario(file)
    expect(s).toBeInstanceOf(InvalidFile)
    const problems = (s as InvalidFile).problems.map((p) => `${p.line}:${p.path}`)
    expect(problems).toEqual(expect.arrayContaining(["2:period.from", "3:events"]))
  })
  it("report a parameter override of the wrong shape with its line", () => {
    const file = write("override.yaml", ["name: o", "period: { from: 2026-01, to: 2026-12 }", "events: { file: x.jsonl }", `policy: ${policy}`, "parameters:", "  - path: kot.percentages", "    validFrom: 2025-01-01", "    validUntil: 2025-12-31", "    value: 12"])
    const s = loadScenario(file) as InvalidFile
    expect(s.problems.map((p) => `${p.line}:${p.path}`)).toEqual(["9:parameters.0.value"])
  })
  it("layer overrides over the shipped parameters as assumptions", () => {
    const file = write("ok.yaml", ["name: ok", "period: { from: 2025-01, to: 2025-12 }", "events: { file: x.jsonl }", `policy: ${policy}`, "parameters:", "  - { path: kot.maximum-uurprijs.dagopvang, validFrom: 2025-07-01, validUntil: 2025-12-31, value: '11.00', source: 'a reform' }"])
    const s = loadScenario(file)
    if (s instanceof InvalidFile) throw new Error(s.message)
    const values = s.params.parameters.get("kot.maximum-uurprijs.dagopvang")!.values
    expect(values[values.length - 1]).toMatchObject({ value: "11.00", assumption: true, validFrom: "2025-07-01" })
    expect(s.months.length).toBe(12)
  })
})

describe("pricing a design with the cost model (priceDesign)", () => {
  // Round cost inputs (as test/scenario/cost/model.test.ts): 50 opening hours, 50 weeks, so a place has 2,500 hours a year.
  const scenario = (design: ReadonlyArray<string>) =>
    write("priced.yaml", [
      "name: priced",
      "period: { from: 2026-01, to: 2026-12 }",
      "population: { seed: 1, children: { atStart: 4, inflowPerMonth: 0 } }",
      `policy: ${policy}`,
      "design:",
      ...design.map((l) => `  ${l}`),
      "costModel:",
      "  year: 2026",
      "  openingHoursPerWeek: 50",
      "  weeksPerYear: 50",
      "  wages: { pedagogical: '30', hbo: '40', careCoordinator: '40', locationSupport: '50', teamSupporter: '40', specialist: '80', coach: '45' }",
      "  overheadShare: '0.2'",
      "  housingPerGroupPerYear: '20000'"
    ])
  const heterogeneous = ["kind: heterogeneous", "groups: 3", "locations: 2", "plusPlacesPerGroup: 3", "extraStaffPerPlusChildren: 3", "coachingHoursPerWeek: 2", "hourlyPrice: '10.50'"]

  it("puts a plus child's cost price in byGroup and a child's without support needs in regularByGroup", () => {
    const s = loadScenario(scenario([...heterogeneous, "kindplek: { pricePerPlace: cost-model }"]))
    if (s instanceof InvalidFile) throw new Error(s.message)
    // G-2 is alone at L-2: regular part 380,000 / 40,000 child-hours = 9.50; with the extras 204,600 / 7,500 = 27.28 → 36.78.
    expect(s.policy.costPrices.regularByGroup?.["G-2"]?.value.toNumber()).toBe(9.5)
    expect(s.policy.costPrices.byGroup["G-2"]?.value.toNumber()).toBe(36.78)
    // G-1 shares L-1 with G-3: location support 2 h (5,000) and team supporter 18 h (36,000), so extras
    // (75,000 + 4,500 + 9,000 + 5,000 + 36,000) × 1.2 = 155,400 / 7,500 = 20.72 → 30.22; the regular part is the same.
    expect(s.policy.costPrices.regularByGroup?.["G-1"]?.value.toNumber()).toBe(9.5)
    expect(s.policy.costPrices.byGroup["G-1"]?.value.toNumber()).toBe(30.22)
    expect(s.policy.costPrices.byGroup["G-1"]?.source).toMatch(/^cost model \(2026\): .*a plus child/)
  })

  it("resolves 'pricePerPlace: cost-model' per group to the price of a plus place above the regular price", () => {
    const s = loadScenario(scenario([...heterogeneous, "kindplek: { pricePerPlace: cost-model }"]))
    if (s instanceof InvalidFile) throw new Error(s.message)
    // G-1, G-3: (30.22 − 10.50) × 2,500 = 49,300; G-2: (36.78 − 10.50) × 2,500 = 65,700.
    expect(s.design?.kindplek?.pricePerGroup).toEqual({ "G-1": "49300.00", "G-2": "65700.00", "G-3": "49300.00" })
    expect(s.assumptions.find((a) => a.path === "design.kindplek.pricePerPlace")?.value).toBe("49300.00 to 65700.00 (per group)")
  })

  it("keeps the prices a scenario names per group, and lists one price when all groups have it", () => {
    const named = loadScenario(scenario([...heterogeneous, "kindplek: { pricePerPlace: cost-model, pricePerGroup: { G-2: '1000' } }"]))
    if (named instanceof InvalidFile) throw new Error(named.message)
    expect(named.design?.kindplek?.pricePerGroup).toEqual({ "G-1": "49300.00", "G-2": "1000", "G-3": "49300.00" })
    // Two groups of 11 at one location: (368,000 − (5,000 + 36,000) × 1.2) / 11 = 318,800 / 11 = 28,981.8181...
    // less 10.50 × 2,500 = 26,250 → 2,731.82 each.
    const uniform = loadScenario(scenario(["kind: homogeneous", "groups: 2", "locations: 1", "hourlyPrice: '10.50'", "kindplek: { pricePerPlace: cost-model }"]))
    if (uniform instanceof InvalidFile) throw new Error(uniform.message)
    expect(uniform.design?.kindplek?.pricePerGroup).toEqual({ "G-1": "2731.82", "G-2": "2731.82" })
    expect(uniform.assumptions.find((a) => a.path === "design.kindplek.pricePerPlace")?.value).toBe("2731.82")
  })
})
