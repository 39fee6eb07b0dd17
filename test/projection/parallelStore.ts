/**
 * The store the parallel replay's tests share out (./parallelReplay.test.ts,
 * ./parallelReplayFailures.test.ts): placed children in crowded groups (more plus children than
 * places, so some group-months are over-full and redone after the shares), a scenario reading it,
 * and a projection built from it as the store keeps it (its texts), on as many threads as asked.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { Effect } from "effect"
import { afterAll, beforeAll } from "vitest"
import { buildProjection, NotAProjection, type Projection, type ProjectionSpec, projectionSpecOf, storeFile } from "../../src/projection"
import type { ParallelOptions } from "../../src/projection/parallelReplay"
import { groupToJson, totalsToJson } from "../../src/projection/serialize"
import { type LoadedScenario, loadScenario } from "../../src/scenario/load"
import { applyDesign, DesignSpec } from "../../src/scenario/design"
import { generatePopulation, PopulationSpec } from "../../src/scenario/population"
import { PROJECT_ROOT } from "../cli/cli"
import { appendToStore } from "../support/appendToStore"
import { type TempStore, tempStore } from "../support/tempStore"

const design = DesignSpec.parse({ kind: "heterogeneous", groups: 3, locations: 2, capacity: 10, plusPlacesPerGroup: 6, kindplek: { pricePerPlace: "20000" } })

const scenarioText = (store: string, year: number) => `name: parallel replay test
period: { from: ${year}-01, to: ${year}-12 }
events: { store: ${store} }
policy: ${join(PROJECT_ROOT, "scenarios/policies/rotterdam-koplus.yaml")}
costPrices:
  byDesign:
    heterogeneous: { value: "16.50", source: "test", assumption: true }
budgets:
  - { id: KP-${year}, year: ${year}, label: "kindplek en SMI", amount: "150000.00", streams: [kindplek, smi] }
`

export const specOf = (file: string): ProjectionSpec => {
  const s = loadScenario(file) as LoadedScenario | { _tag: string }
  if ("_tag" in s) throw new Error(String(s))
  const p = projectionSpecOf(s)
  if (p instanceof NotAProjection) throw p
  return p
}

export interface ParallelStore {
  readonly temp: TempStore
  readonly scenarioFile: string
  readonly spec: ProjectionSpec
}

/**
 * The store (45 children and a year's inflow, placed) and the scenario file that reads it, over 2026
 * or another year (2025: KOT bands not confirmed, so the replay finds parameters missing).
 */
export const parallelStore = async (year = 2026, atStart = 45): Promise<ParallelStore> => {
  const temp = await tempStore()
  const period = { from: `${year}-01`, to: `${year}-12` }
  const demand = [...generatePopulation(PopulationSpec.parse({ seed: 5, idPrefix: "P", children: { atStart, inflowPerMonth: 1 }, supportNeeds: { share: 0.8 } }), period)]
  await appendToStore(temp.path, [...demand, ...applyDesign(design, demand, period)])
  const scenarioFile = join(temp.dir, "scenario.yaml")
  writeFileSync(scenarioFile, scenarioText(temp.path, year))
  return { temp, scenarioFile, spec: specOf(scenarioFile) }
}

/** A test file's store (`parallelStore`), made before its tests and removed after them: ask `store()` in a test. */
export const useParallelStore = (year = 2026, atStart = 45, timeout = 60_000): { readonly store: () => ParallelStore } => {
  let made: ParallelStore | undefined
  beforeAll(async () => {
    made = await parallelStore(year, atStart)
  }, timeout)
  afterAll(() => made?.temp.cleanup())
  return { store: () => made! }
}

/** How building the projection of the store at `path` as `options` say failed. */
export const failureOn = (path: string, spec: ProjectionSpec, options: ParallelOptions) =>
  Effect.runPromise(Effect.flip(Effect.scoped(Effect.flatMap(storeFile(path), (store) => buildProjection(store, spec, options)))))

/** The projection of the store at `path` built as `options` say, and in how many shares. */
export const buildOn = (path: string, spec: ProjectionSpec, options: ParallelOptions) => {
  let shares = 0
  return Effect.runPromise(
    Effect.scoped(Effect.flatMap(storeFile(path), (store) => buildProjection(store, spec, { ...options, onShares: (n) => (shares = n) })))
  ).then((p) => ({ p, shares }))
}

/** A projection as the store keeps it: its totals' text and every group's. */
export const texts = (p: Projection) => ({
  totals: totalsToJson(p.run),
  groups: p.run.allGroupIds().map((id) => [id, groupToJson(p.run, id)]),
  checkpoint: p.checkpoint
})
