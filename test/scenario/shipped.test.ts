/** Every shipped scenario (scenarios/*.yaml) runs, with every invariant checked. */
import { readdirSync } from "node:fs"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { InvalidFile } from "../../src/io/yamlFile"
import { scenarioEvents } from "../../src/scenario/eventSource"
import { loadScenario } from "../../src/scenario/load"
import { runScenario } from "../../src/scenario/run"

const files = readdirSync("scenarios").filter((f) => f.endsWith(".yaml")).sort()

describe("shipped scenarios", () => {
  it("include the Rotterdam designs, the 2029 reform and the tiny hand-checked one", () => {
    expect(files).toEqual(expect.arrayContaining(["rotterdam-homogeneous.yaml", "rotterdam-heterogeneous.yaml", "rotterdam-hybrid.yaml", "rotterdam-2029.yaml", "tiny.yaml"]))
  })
  it.each(files)("%s runs with no invariant violated", async (f) => {
    const s = loadScenario(`scenarios/${f}`)
    if (s instanceof InvalidFile) throw new Error(s.message)
    const r = await Effect.runPromise(runScenario(s, scenarioEvents(s)))
    expect(r.violations).toEqual([])
    expect(r.ledger.children.length).toBeGreaterThan(0)
  }, 120_000)
})
