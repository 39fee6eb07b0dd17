/**
 * Rebuilding the projections kept in an embedded store by replaying its
 * events (`geldstroom store rebuild`): each from its scenario file, written
 * over the old one with a new checkpoint in one transaction. A projection
 * whose scenario can no longer be read is reported and left as it is.
 */
import { existsSync } from "node:fs"
import { Effect } from "effect"
import { InvalidFile } from "../io/yamlFile"
import { loadScenario } from "../scenario/load"
import { listProjections } from "../store/sqlite/projections"
import { StoreFailure } from "../store/EventStore"
import { buildProjection, saveProjection, type StoreHandle } from "./projection"
import { projectionSpecOf } from "./scenario"

export interface Rebuilt {
  readonly name: string
  readonly scenarioFile: string | null
  /** What happened: rebuilt, or why not. */
  readonly outcome: "rebuilt" | "skipped"
  readonly reason?: string
  readonly checkpoint?: string
  readonly events?: number
  readonly children?: number
  readonly childMonths?: number
  readonly violations?: number
  readonly seconds?: number
}

export const rebuildProjections = (store: StoreHandle): Effect.Effect<ReadonlyArray<Rebuilt>, StoreFailure> =>
  Effect.gen(function* () {
    const rows = yield* Effect.try({
      try: () => listProjections(store.db),
      catch: (cause) => new StoreFailure({ store: store.name, operation: "list projections", cause })
    })
    const out: Array<Rebuilt> = []
    for (const row of rows) {
      const skip = (reason: string) => out.push({ name: row.name, scenarioFile: row.scenarioFile, outcome: "skipped", reason })
      if (row.scenarioFile === null || !existsSync(row.scenarioFile)) {
        skip(`its scenario file ${row.scenarioFile ?? "(none recorded)"} is not there`)
        continue
      }
      const scenario = loadScenario(row.scenarioFile)
      if (scenario instanceof InvalidFile) {
        skip(scenario.message)
        continue
      }
      const spec = projectionSpecOf(scenario, row.name)
      if ("_tag" in spec) {
        skip(spec.message)
        continue
      }
      const started = performance.now()
      const built = yield* Effect.result(buildProjection(store, spec))
      if (built._tag === "Failure") {
        skip(built.failure.message)
        continue
      }
      const p = built.success
      yield* saveProjection(store, p)
      out.push({
        name: row.name,
        scenarioFile: row.scenarioFile,
        outcome: "rebuilt",
        checkpoint: p.checkpoint.toString(),
        events: p.run.events,
        children: p.run.state.children,
        childMonths: p.run.state.childMonths,
        violations: p.run.state.violationCount(),
        seconds: (performance.now() - started) / 1000
      })
    }
    return out
  })
