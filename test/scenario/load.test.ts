import { mkdirSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { describe, expect, it } from "vitest"
import { InvalidFile } from "../../src/io/yamlFile"
import { loadScenario } from "../../src/scenario/load"
import { tempDir } from "../support/tempDir"

const dir = tempDir("geldstroom-scenario")
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

describe("the defaults a scenario leaves to the data files (src/parameters/defaults/*.yaml)", () => {
  const withDesign = (name: string, period: string, design: ReadonlyArray<string>, cost: ReadonlyArray<string> = []) =>
    write(name, [
      `name: ${name}`,
      `period: ${period}`,
      "population: { seed: 1, children: { atStart: 2, inflowPerMonth: 0 } }",
      `policy: ${policy}`,
      "design:",
      ...design.map((l) => `  ${l}`),
      ...(cost.length > 0 ? ["costModel:", ...cost.map((l) => `  ${l}`)] : [])
    ])

  it("lists the design's default hourly price as an assumption with its source, and not a price the scenario gives", () => {
    const s = loadScenario(withDesign("price-default.yaml", "{ from: 2026-01, to: 2026-12 }", ["kind: homogeneous"]))
    if (s instanceof InvalidFile) throw new Error(s.message)
    expect(s.design?.hourlyPrice).toBe("10.50")
    expect(s.assumptions.find((a) => a.path === "design.hourlyPrice")).toEqual({
      path: "design.hourlyPrice",
      value: "10.50",
      source: "PARAMETERS.md 'Market prices': average dagopvang hourly price 2024 €10.50 (BOinK/Waarborgfonds), not indexed",
      reason: "not in our public sources: a default the scenario may replace"
    })
    const given = loadScenario(withDesign("price-given.yaml", "{ from: 2026-01, to: 2026-12 }", ["kind: homogeneous", "hourlyPrice: '10.50'"]))
    if (given instanceof InvalidFile) throw new Error(given.message)
    expect(given.assumptions.map((a) => a.path)).not.toContain("design.hourlyPrice")
  })

  it("refuses a default used outside the dates it applies on, naming the field, the data file and its dates", () => {
    // The design's hourly price applies from 2024-01-01; a 2023 period must give it.
    const early = loadScenario(withDesign("price-2023.yaml", "{ from: 2023-06, to: 2023-12 }", ["kind: homogeneous"])) as InvalidFile
    expect(early).toBeInstanceOf(InvalidFile)
    expect(early.problems.map((p) => [p.line, p.path])).toEqual([[6, "design.hourlyPrice"]])
    expect(early.problems[0]!.message).toMatch(/^the default 10\.50 \(.*src\/parameters\/defaults\/design\.yaml:\d+\) applies from 2024-01-01 to 2099-12-31, not from 2023-06-01 to 2023-12-31: give 'design\.hourlyPrice' in the scenario$/)
    expect(loadScenario(withDesign("price-2023-given.yaml", "{ from: 2023-06, to: 2023-12 }", ["kind: homogeneous", "hourlyPrice: '9.00'"]))).not.toBeInstanceOf(InvalidFile)
  })

  it("reads the cost model's defaults on 1 January of its year: the wages (from the 1 July 2025 CAO scale) are refused for 2025", () => {
    const design = ["kind: homogeneous", "hourlyPrice: '10.50'"]
    const y2025 = loadScenario(withDesign("cost-2025.yaml", "{ from: 2025-01, to: 2025-12 }", design, ["year: 2025"])) as InvalidFile
    expect(y2025).toBeInstanceOf(InvalidFile)
    expect(y2025.problems.map((p) => p.path)).toEqual(["pedagogical", "hbo", "careCoordinator", "locationSupport", "teamSupporter", "specialist", "coach"].map((w) => `costModel.wages.${w}`))
    expect(y2025.problems[0]!.message).toContain("applies from 2025-07-01 to 2099-12-31, not on 2025-01-01: give 'costModel.wages.pedagogical' in the scenario")
    const wages = "wages: { pedagogical: '30', hbo: '40', careCoordinator: '40', locationSupport: '50', teamSupporter: '40', specialist: '80', coach: '45' }"
    const given = loadScenario(withDesign("cost-2025-wages.yaml", "{ from: 2025-01, to: 2025-12 }", design, ["year: 2025", wages]))
    if (given instanceof InvalidFile) throw new Error(given.message)
    // The defaults still used are listed with their sources.
    expect(given.assumptions.find((a) => a.path === "costModel.overheadShare")?.source).toMatch(/^assumption: management/)
  })
})

describe("a generated population", () => {
  it("is listed as one assumption, with its seed and size; a scenario of recorded events lists none", () => {
    const drawn = loadScenario(write("drawn.yaml", ["name: drawn", "period: { from: 2026-01, to: 2026-03 }", `policy: ${policy}`, "population:", "  seed: 7", "  children: { atStart: 12, inflowPerMonth: 2 }"]))
    if (drawn instanceof InvalidFile) throw new Error(drawn.message)
    const population = drawn.assumptions.filter((a) => a.path === "population")
    expect(population).toHaveLength(1)
    expect(population[0]!.value).toBe("seed 7: 12 children in care on the first day, 2 new requests a month")
    const recorded = loadScenario(write("recorded.yaml", ["name: recorded", "period: { from: 2026-01, to: 2026-03 }", "events: { store: default }", `policy: ${policy}`]))
    if (recorded instanceof InvalidFile) throw new Error(recorded.message)
    expect(recorded.assumptions.some((a) => a.path === "population")).toBe(false)
  })
})

describe("extends: a scenario", () => {
  const base = () =>
    write("chain-base.yaml", [
      "name: base",
      "description: the base",
      "period: { from: 2026-01, to: 2026-12 }",
      "events: { file: base-events.jsonl }",
      `policy: ${policy}`,
      "budgets:",
      "  - { id: B-1, year: 2026, label: one, amount: '100.00', streams: [kindplek] }"
    ])

  it("follows two levels: fields override, objects merge, lists replace, a name is never inherited, paths stay relative to their file", () => {
    base()
    write("chain-middle.yaml", ["extends: chain-base.yaml", "name: middle", "period: { to: 2026-06 }"])
    const top = write("chain-top.yaml", ["extends: chain-middle.yaml", "name: top", "budgets: []"])
    const s = loadScenario(top)
    if (s instanceof InvalidFile) throw new Error(s.message)
    expect(s.spec.name).toBe("top")
    expect(s.spec.description).toBeUndefined()
    expect(s.spec.period).toEqual({ from: "2026-01", to: "2026-06" })
    expect(s.spec.budgets).toEqual([])
    expect(s.spec.events).toEqual({ file: join(dir, "base-events.jsonl") })
    expect(s.texts.length).toBe(3)
    expect(s.texts[0]).toContain("name: base")
    expect(s.texts[2]).toContain("name: top")
  })

  it("takes a store named in a file it extends from that file's folder, as a file named there", () => {
    mkdirSync(join(dir, "sub"), { recursive: true })
    write("store-base.yaml", ["name: base", "period: { from: 2026-01, to: 2026-12 }", "events: { store: data/events.sqlite }", `policy: ${policy}`])
    const child = write("sub/store-child.yaml", ["extends: ../store-base.yaml", "name: child"])
    const s = loadScenario(child)
    if (s instanceof InvalidFile) throw new Error(s.message)
    expect(s.spec.events).toEqual({ store: join(dir, "data/events.sqlite") })
    // default and EventStoreDB are names, not paths.
    write("store-default.yaml", ["name: base", "period: { from: 2026-01, to: 2026-12 }", "events: { store: default }", `policy: ${policy}`])
    const d = loadScenario(write("sub/default-child.yaml", ["extends: ../store-default.yaml", "name: child"]))
    if (d instanceof InvalidFile) throw new Error(d.message)
    expect(d.spec.events).toEqual({ store: "default" })
  })

  it("refuses a cycle with one problem at the extends line naming the files", () => {
    write("cycle-a.yaml", ["name: a", "extends: cycle-b.yaml"])
    const b = write("cycle-b.yaml", ["name: b", "extends: cycle-a.yaml"])
    const s = loadScenario(b) as InvalidFile
    expect(s).toBeInstanceOf(InvalidFile)
    expect(s.problems.map((p) => [p.file, p.line, p.path, p.message])).toEqual([
      [join(dir, "cycle-a.yaml"), 2, "extends", `extends form a cycle: ${join(dir, "cycle-b.yaml")} extends ${join(dir, "cycle-a.yaml")} extends ${join(dir, "cycle-b.yaml")}`]
    ])
  })

  it("refuses a file it extends that cannot be read, at the extends line, naming both files", () => {
    const child = write("orphan.yaml", ["name: orphan", "extends: no-such-base.yaml"])
    const s = loadScenario(child) as InvalidFile
    expect(s.problems.map((p) => [p.file, p.line, p.path])).toEqual([[child, 2, "extends"]])
    expect(s.problems[0]!.message).toMatch(new RegExp(`^${child} extends ${join(dir, "no-such-base.yaml")}, which cannot be read: ENOENT`))
  })
})
