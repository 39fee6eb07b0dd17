/**
 * `geldstroom compare` from projections: when every scenario reads all its
 * events from an embedded store, each is compared from its projection in
 * that store (loaded and caught up with what was appended since, or built by
 * one replay and kept), instead of a full run of every event. The document
 * is the one full runs give (test/projection/projection.test.ts holds them
 * equal); docs/benchmarks.md measures it at 50,000 children.
 */
import { Effect } from "effect"
import type { CompareDocument } from "../compare/document"
import type { MissingParameters } from "../domain/rules/compute"
import type { LoadedScenario } from "../scenario/load"
import type { ReadError } from "../store/EventStore"
import type { StoreNotFound } from "../store/select"
import { type CatchUpResult, openProjection, type Projection, type ProjectionSpec } from "./projection"
import type { RunTotalsDocument } from "../output/runDocument"
import { runTotalsDocument } from "./runTotals"
import { compareProjections, embeddedStoreOf, projectionSpecOf, storeFile } from "./scenario"

export interface ScenarioToCompare {
  readonly id: string
  readonly scenario: LoadedScenario
}

/** How each scenario's projection was brought up to date, for the user to see. */
export interface ProjectionUse {
  readonly id: string
  readonly store: string
  readonly built: boolean
  readonly caughtUp: CatchUpResult | undefined
  readonly ms: number
}

/** A scenario to compare from its projection: the store it reads and what its projection is of. */
export interface ProjectedScenario extends ScenarioToCompare {
  readonly store: string
  readonly spec: ProjectionSpec
}

/** Each scenario with its embedded store and projection spec, or undefined when any of them cannot be compared from a projection. */
export const projectedScenarios = (items: ReadonlyArray<ScenarioToCompare>, storeOverride?: string): ReadonlyArray<ProjectedScenario> | undefined => {
  const out: Array<ProjectedScenario> = []
  for (const item of items) {
    const store = embeddedStoreOf(item.scenario, storeOverride)
    const spec = store === undefined ? undefined : projectionSpecOf(item.scenario)
    if (store === undefined || spec === undefined || "_tag" in spec) return undefined
    out.push({ ...item, store, spec })
  }
  return out
}

/** A scenario's projection, up to date in its store (built and kept the first time), and how it was brought there. */
const upToDate = ({ id, store: path, spec }: ProjectedScenario): Effect.Effect<{ readonly projection: Projection; readonly used: ProjectionUse }, ReadError | MissingParameters | StoreNotFound> =>
  Effect.scoped(
    Effect.gen(function* () {
      const store = yield* storeFile(path)
      const started = performance.now()
      const opened = yield* openProjection(store, spec)
      return { projection: opened.projection, used: { id, store: path, built: opened.built, caughtUp: opened.caughtUp, ms: performance.now() - started } }
    })
  )

/** Compare scenarios from their projections, each brought up to date in its store. */
export const compareFromProjections = (
  items: ReadonlyArray<ProjectedScenario>,
  baseline = 0
): Effect.Effect<{ readonly document: CompareDocument; readonly used: ReadonlyArray<ProjectionUse> }, ReadError | MissingParameters | StoreNotFound> =>
  Effect.gen(function* () {
    const projections: Array<{ id: string; scenario: LoadedScenario; projection: Projection }> = []
    const used: Array<ProjectionUse> = []
    for (const item of items) {
      const p = yield* upToDate(item)
      used.push(p.used)
      projections.push({ id: item.id, scenario: item.scenario, projection: p.projection })
    }
    return { document: compareProjections(projections, baseline), used }
  })

/** `run --totals`: the scenario's run document without child-months, from its projection brought up to date. */
export const runTotalsFromProjection = (
  item: ProjectedScenario
): Effect.Effect<{ readonly document: RunTotalsDocument; readonly used: ProjectionUse }, ReadError | MissingParameters | StoreNotFound> =>
  Effect.map(upToDate(item), ({ projection, used }) => ({ document: runTotalsDocument(item.scenario, projection), used }))

/** One line on a projection's use: what the user waited for and why. */
export const projectionUseText = (u: ProjectionUse): string =>
  u.built
    ? `${u.id}: projection built by replaying ${u.store} and kept there (${(u.ms / 1000).toFixed(1)} s)`
    : u.caughtUp !== undefined && u.caughtUp.events > 0
      ? `${u.id}: projection in ${u.store} caught up with ${u.caughtUp.events} new events (${u.caughtUp.children} children recomputed, ${u.ms.toFixed(0)} ms)`
      : `${u.id}: projection in ${u.store} up to date (${u.ms.toFixed(0)} ms)`
