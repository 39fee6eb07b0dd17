/**
 * Projections kept in the embedded store (src/projection/projection.ts): built by one replay of the
 * store, written with their checkpoint, loaded and caught up with what was appended since; the
 * comparison made from them is the comparison `compare` makes from full runs.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { compareRuns } from "../../src/compare/document"
import { buildEvent } from "../../src/events"
import {
  catchUpProjection,
  compareProjections,
  loadProjection,
  NotAProjection,
  openProjection,
  type ProjectionSpec,
  projectionSpecOf,
  storeFile
} from "../../src/projection"
import { scenarioEvents } from "../../src/scenario/eventSource"
import { DesignSpec } from "../../src/scenario/design"
import { type LoadedScenario, loadScenario } from "../../src/scenario/load"
import { runScenario } from "../../src/scenario/run"
import { readProjectionRow } from "../../src/store/sqlite/projections"
import { appendToStore } from "../support/appendToStore"
import { appendPlaced, demandOf, placed } from "../support/placedPopulation"
import { type TempStore, tempStore } from "../support/tempStore"
import { PROJECT_ROOT } from "../cli/cli"

const mixed = { supportNeeds: { share: 0.6 } }

const design = DesignSpec.parse({ kind: "heterogeneous", groups: 4, locations: 2, capacity: 12, plusPlacesPerGroup: 6, kindplek: { pricePerPlace: "20000" } })

const scenarioText = (store: string, policy: string, extra = "") => `name: projection test (${policy})
period: { from: 2026-01, to: 2026-12 }
events: { store: ${store} }
policy: ${join(PROJECT_ROOT, "scenarios/policies", `${policy}.yaml`)}
costPrices:
  byDesign:
    heterogeneous: { value: "16.50", source: "test", assumption: true }
budgets:
  - { id: KP-2026, year: 2026, label: "kindplek en SMI", amount: "150000.00", streams: [kindplek, smi] }
${extra}`

const load = (file: string): LoadedScenario => {
  const s = loadScenario(file)
  if ("_tag" in s) throw new Error(String(s))
  return s
}

const specOf = (s: LoadedScenario): ProjectionSpec => {
  const spec = projectionSpecOf(s)
  if (spec instanceof NotAProjection) throw spec
  return spec
}

const withStore = <A, E>(path: string, f: (store: Parameters<typeof openProjection>[0]) => Effect.Effect<A, E>) =>
  Effect.runPromise(Effect.scoped(Effect.flatMap(storeFile(path), f)))

const fullCompare = async (scenarios: ReadonlyArray<readonly [string, LoadedScenario]>) => {
  const runs = []
  for (const [id, s] of scenarios) runs.push({ id, result: await Effect.runPromise(runScenario(s, scenarioEvents(s))) })
  return compareRuns(runs)
}

/** The document as JSON data; hours and per-hour figures in two decimals, as printed. */
const doc = (d: unknown) => JSON.parse(JSON.stringify(d))

let temp: TempStore
let koplus: LoadedScenario
let model5: LoadedScenario

beforeAll(async () => {
  temp = await tempStore()
  await appendPlaced(temp.path, design, demandOf(11, "T", 40, mixed))
  writeFileSync(join(temp.dir, "koplus.yaml"), scenarioText(temp.path, "rotterdam-koplus"))
  writeFileSync(join(temp.dir, "model5.yaml"), scenarioText(temp.path, "model-5-kot-direct-no-indication"))
  koplus = load(join(temp.dir, "koplus.yaml"))
  model5 = load(join(temp.dir, "model5.yaml"))
}, 60_000)
afterAll(() => temp.cleanup())

describe("a projection of a scenario", () => {
  it("compares two scenarios as full runs do, and is kept with its checkpoint", async () => {
    const { a, b } = await withStore(temp.path, (store) =>
      Effect.gen(function* () {
        const a = yield* openProjection(store, specOf(koplus))
        const b = yield* openProjection(store, specOf(model5))
        return { a, b }
      })
    )
    expect([a.built, b.built]).toEqual([true, true])
    const fromProjections = compareProjections([
      { id: "koplus", scenario: koplus, projection: a.projection },
      { id: "model5", scenario: model5, projection: b.projection }
    ])
    expect(doc(fromProjections)).toEqual(doc(await fullCompare([["koplus", koplus], ["model5", model5]])))
    await withStore(temp.path, (store) =>
      Effect.sync(() => expect(readProjectionRow(store.db, specOf(koplus).name)?.checkpoint).toBe(a.projection.checkpoint))
    )
  }, 60_000)

  it("is caught up with what is appended, to what a rebuild and a full run give", async () => {
    const demand = demandOf(12, "U", 6, mixed)
    const extra = placed(design, demand, false)
    const started = extra.find((e) => e.type === "placement-started")!
    const correction = buildEvent(
      { type: "placement-ended", data: { placementId: (started.data as { placementId: string }).placementId, childId: (started.data as { childId: string }).childId, outflow: "other" } },
      { validTime: "2026-04-30", recordedTime: "2026-09-01T10:00:00.000Z", source: "test" }
    )
    await appendToStore(temp.path, [...demand, ...extra, correction])
    const { opened, rebuilt } = await withStore(temp.path, (store) =>
      Effect.gen(function* () {
        const opened = yield* openProjection(store, specOf(koplus))
        const again = yield* catchUpProjection(store, opened.projection)
        const reloaded = yield* loadProjection(store, specOf(koplus))
        expect(reloaded?.checkpoint).toBe(opened.projection.checkpoint)
        expect(again.events).toBe(0)
        const fresh = { ...specOf(koplus), name: "fresh" }
        const rebuilt = yield* openProjection(store, fresh)
        return { opened, rebuilt, reloaded: reloaded! }
      })
    )
    expect(opened.built).toBe(false)
    expect(opened.caughtUp?.events).toBe(demand.length + extra.length + 1)
    const one = (p: typeof opened.projection) => doc(compareProjections([{ id: "koplus", scenario: koplus, projection: p }]))
    const rebuiltDoc = one(rebuilt.projection)
    expect(one(opened.projection)).toEqual(rebuiltDoc)
    expect(rebuiltDoc).toEqual(doc(await fullCompare([["koplus", koplus]])))
  }, 60_000)

  it("is not made of a scenario whose events are not all in the store", () => {
    writeFileSync(join(temp.dir, "generated.yaml"), scenarioText(temp.path, "rotterdam-koplus", "population: { children: { atStart: 3, inflowPerMonth: 0 } }\n"))
    expect(projectionSpecOf(load(join(temp.dir, "generated.yaml")))).toBeInstanceOf(NotAProjection)
  })

  it("is built again when its scenario changed (another key)", async () => {
    writeFileSync(join(temp.dir, "koplus.yaml"), scenarioText(temp.path, "rotterdam-koplus").replace("16.50", "17.50"))
    const changed = load(join(temp.dir, "koplus.yaml"))
    const r = await withStore(temp.path, (store) => openProjection(store, specOf(changed)))
    expect(r.built).toBe(true)
  }, 60_000)
})
