/**
 * `geldstroom store rebuild`: replays the embedded store into each projection kept in it, from its
 * scenario file; reports a projection it cannot rebuild; refuses stores that keep no projections.
 */
import { rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { EventEnvelope } from "../../src/events"
import { openProjection, projectionSpecOf, storeFile } from "../../src/projection"
import { applyDesign, DesignSpec } from "../../src/scenario/design"
import { loadScenario } from "../../src/scenario/load"
import { generatePopulation, PopulationSpec } from "../../src/scenario/population"
import { readProjectionRow } from "../../src/store/sqlite/projections"
import { appendToStore } from "../support/appendToStore"
import { type TempStore, tempStore } from "../support/tempStore"
import { geldstroom, PROJECT_ROOT } from "./cli"

let temp: TempStore
let scenarioFile: string

beforeAll(async () => {
  temp = await tempStore()
  const period = { from: "2026-01", to: "2026-12" }
  const demand = [...generatePopulation(PopulationSpec.parse({ seed: 5, idPrefix: "R", children: { atStart: 12, inflowPerMonth: 1 } }), period)]
  const events: ReadonlyArray<EventEnvelope> = [
    ...demand,
    ...applyDesign(DesignSpec.parse({ kind: "homogeneous", groups: 2, kindplek: { pricePerPlace: "20000" } }), demand, period)
  ]
  await appendToStore(temp.path, events)
  scenarioFile = join(temp.dir, "rotterdam.yaml")
  writeFileSync(
    scenarioFile,
    `name: rebuild test\nperiod: { from: 2026-01, to: 2026-12 }\nevents: { store: ${temp.path} }\npolicy: ${join(PROJECT_ROOT, "scenarios/policies/rotterdam-koplus.yaml")}\n`
  )
  const scenario = loadScenario(scenarioFile)
  if ("_tag" in scenario) throw new Error(String(scenario))
  const spec = projectionSpecOf(scenario)
  if ("_tag" in spec) throw spec
  await Effect.runPromise(Effect.scoped(Effect.flatMap(storeFile(temp.path), (store) => openProjection(store, spec))))
}, 60_000)
afterAll(() => temp.cleanup())

describe("geldstroom store rebuild", () => {
  it("rebuilds every projection in the store from its scenario", async () => {
    const r = await geldstroom("store", "rebuild", "--store", temp.path)
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^rebuilt rotterdam: \d+ events, 24 children, \d+ child-months, 0 violation\(s\), checkpoint \d+/m)
    const json = await geldstroom("store", "rebuild", "--store", temp.path, "--json")
    expect(JSON.parse(json.stdout)).toMatchObject([{ name: "rotterdam", outcome: "rebuilt", violations: 0 }])
  }, 60_000)

  it("reports a projection whose scenario file is gone, and leaves it", async () => {
    rmSync(scenarioFile)
    const before = await Effect.runPromise(Effect.scoped(Effect.map(storeFile(temp.path), (s) => readProjectionRow(s.db, "rotterdam"))))
    const r = await geldstroom("store", "rebuild", "--store", temp.path)
    expect(r.code).toBe(3)
    expect(r.stdout).toContain(`skipped rotterdam: its scenario file ${scenarioFile} is not there`)
    const after = await Effect.runPromise(Effect.scoped(Effect.map(storeFile(temp.path), (s) => readProjectionRow(s.db, "rotterdam"))))
    expect(after?.checkpoint).toBe(before?.checkpoint)
  }, 60_000)

  it("refuses EventStoreDB (projections live in the embedded store) and a store that is not there", async () => {
    const esdb = await geldstroom("store", "rebuild", "--store", "eventstoredb")
    expect(esdb.code).toBe(2)
    expect(esdb.stderr).toContain("projections are kept in the embedded store only")
    const missing = await geldstroom("store", "rebuild", "--store", join(temp.dir, "nothing.sqlite"))
    expect(missing.code).toBe(5)
  }, 60_000)
})
