import { beforeAll, describe, expect, it } from "vitest"
import { Cancelled, type Progress, type Workbench } from "../../src/app/workbench"
import { compareRuns } from "../../src/compare/document"
import { runScenarios } from "../../src/tui/runner"
import { MODEL5, SMALL, workbenches } from "./harness"

let two: Workbench

beforeAll(async () => {
  two = (await workbenches()).two
})

describe("running scenario by scenario for the UI", () => {
  it("gives the workbench's comparison, with progress numbered across all scenarios", async () => {
    const seen: Array<Progress> = []
    const wb = await runScenarios([SMALL, MODEL5], { baseline: 1, onProgress: (p) => seen.push(p) })
    // The same document as the workbench's own run of both scenarios, measured against model 5.
    expect(wb.compare).toEqual(compareRuns(two.runs, 1))
    expect(wb.runs.map((r) => r.result.fingerprint)).toEqual(two.runs.map((r) => r.result.fingerprint))
    expect(seen.filter((p) => p.phase === "done").map((p) => [p.scenario, p.scenarios, p.name])).toEqual([
      [0, 2, "rotterdam-small"],
      [1, 2, "rotterdam-model5"]
    ])
    expect(seen[0]).toMatchObject({ scenario: 0, phase: "loading" })
  })

  it("an abort between scenarios stops before the next one and throws Cancelled", async () => {
    const controller = new AbortController()
    const seen: Array<Progress> = []
    const run = runScenarios([SMALL, MODEL5], {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p)
        if (p.scenario === 0 && p.phase === "done") controller.abort()
      }
    })
    await expect(run).rejects.toBeInstanceOf(Cancelled)
    expect(seen.filter((p) => p.scenario === 1 && p.phase !== "loading")).toEqual([])
  })
})
