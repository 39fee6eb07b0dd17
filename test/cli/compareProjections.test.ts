/**
 * `geldstroom compare` of scenarios that read an embedded store works from the projections kept in
 * that store: built the first time, up to date the next, caught up after an import; the document
 * is the one `--replay` (every event, full runs) gives. Scenarios that generate a population still
 * run in full.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DesignSpec } from "../../src/scenario/design"
import { appendPlaced, demandOf } from "../support/placedPopulation"
import { type TempStore, tempStore } from "../support/tempStore"
import { geldstroom, PROJECT_ROOT } from "./cli"

const design = DesignSpec.parse({ kind: "homogeneous", groups: 2, kindplek: { pricePerPlace: "20000" } })

const scenario = (dir: string, name: string, store: string, policy: string) => {
  const file = join(dir, `${name}.yaml`)
  writeFileSync(file, `name: ${name}\nperiod: { from: 2026-01, to: 2026-12 }\nevents: { store: ${store} }\npolicy: ${join(PROJECT_ROOT, "scenarios/policies", `${policy}.yaml`)}\n`)
  return file
}

let temp: TempStore
let koplus: string
let model5: string

beforeAll(async () => {
  temp = await tempStore()
  await appendPlaced(temp.path, design, demandOf(21, "P", 14))
  koplus = scenario(temp.dir, "koplus", temp.path, "rotterdam-koplus")
  model5 = scenario(temp.dir, "model5", temp.path, "model-5-kot-direct-no-indication")
}, 60_000)
afterAll(() => temp.cleanup())

const comparable = (stdout: string) => JSON.parse(stdout) as unknown

describe("geldstroom compare from projections", () => {
  it("builds the projections the first time, reuses them the next, and gives what full runs give", async () => {
    const first = await geldstroom("compare", koplus, model5, "--json")
    expect(first.code).toBe(0)
    expect(first.stderr).toMatch(/^koplus: projection built by replaying .* and kept there/m)
    expect(first.stderr).toMatch(/^model5: projection built by replaying/m)
    const second = await geldstroom("compare", koplus, model5, "--json")
    expect(second.stderr).toMatch(/^koplus: projection in .* up to date/m)
    expect(second.stderr).toMatch(/^model5: projection in .* up to date/m)
    const replayed = await geldstroom("compare", koplus, model5, "--json", "--replay")
    expect(replayed.stderr).toBe("")
    expect(comparable(second.stdout)).toEqual(comparable(replayed.stdout))
    expect(comparable(first.stdout)).toEqual(comparable(replayed.stdout))
  }, 120_000)

  it("catches the projections up with events appended since, to what full runs give", async () => {
    await geldstroom("compare", koplus, model5, "--json")
    // Placed in the groups already there: the design's group events are in the store already.
    await appendPlaced(temp.path, design, demandOf(22, "Q", 5), false)
    const caught = await geldstroom("compare", koplus, model5, "--json")
    expect(caught.code).toBe(0)
    expect(caught.stderr).toMatch(/^koplus: projection in .* caught up with \d+ new events \(\d+ children recomputed/m)
    const replayed = await geldstroom("compare", koplus, model5, "--json", "--replay")
    expect(comparable(caught.stdout)).toEqual(comparable(replayed.stdout))
  }, 120_000)

  it("runs scenarios that generate their population in full (no projection)", async () => {
    const r = await geldstroom("compare", join(PROJECT_ROOT, "scenarios/tiny.yaml"), "--json")
    expect(r.code).toBe(0)
    expect(r.stderr).not.toContain("projection")
  }, 60_000)
})
