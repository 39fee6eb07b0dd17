/**
 * Projections of scenarios: a scenario whose events are in an embedded store
 * becomes a projection spec (what to replay, under which rules and policy),
 * and comparisons are made from projections rather than full runs.
 */
import { basename, resolve } from "node:path"
import { Data, Effect, Scope } from "effect"
import { type CompareDocument, compareMetrics } from "../compare/document"
import { defaultStorePath, openDatabase } from "../store/sqlite/open"
import { isEventStoreDb, missingStore, type StoreNotFound } from "../store/select"
import { StoreFailure } from "../store/EventStore"
import { asOfInstant, type LoadedScenario } from "../scenario/load"
import { budgetEvents, storeSourceOf } from "../scenario/eventSource"
import { fingerprintOf } from "../scenario/run"
import { metricsOfRun } from "./metrics"
import type { Projection, ProjectionSpec, StoreHandle } from "./projection"
import { runSetup } from "./setup"

/** A scenario that cannot be a projection of a store: its events are not all in the store. */
export class NotAProjection extends Data.TaggedError("NotAProjection")<{ readonly file: string; readonly reason: string }> {
  override get message(): string {
    return `${this.file}: ${this.reason}`
  }
}

/**
 * What a projection of the scenario is of: the run's fingerprint without the events (rules,
 * scenario, policy, parameters) and the instant it is as known on. `--as-of` on the command line
 * changes that instant, not the file's text: a projection made as known on one day is not the
 * projection of another (it lacks what was recorded later, at positions before its checkpoint).
 */
export const projectionKey = (s: LoadedScenario): string => {
  const asOf = asOfInstant(s)
  return asOf === undefined ? fingerprintOf(s, 0n) : `${fingerprintOf(s, 0n)} as of ${asOf}`
}

export const projectionName = (s: LoadedScenario): string => basename(s.file).replace(/\.ya?ml$/, "")

/**
 * The projection spec of a scenario whose events are the store's: recorded histories, no generated
 * population or design (generate them into the store first: `geldstroom generate`). Its budget
 * lines are the scenario's own events and are part of the projection.
 */
export const projectionSpecOf = (s: LoadedScenario, name: string = projectionName(s)): ProjectionSpec | NotAProjection => {
  if (s.spec.population !== undefined || s.design !== undefined)
    return new NotAProjection({
      file: s.file,
      reason: "a projection replays the store only: generate the scenario's population and design into the store first, and name the store as its events"
    })
  return {
    name,
    key: projectionKey(s),
    scenarioFile: s.file,
    setup: runSetup({
      params: s.params,
      policy: s.policy,
      months: s.months,
      asOf: asOfInstant(s),
      assumptions: s.assumptions,
      extraEvents: budgetEvents(s.spec.budgets)
    })
  }
}

/** The store at `path`, open for the scope; refused when it is not there (opening would create it empty). */
export const storeFile = (path: string): Effect.Effect<StoreHandle, StoreFailure | StoreNotFound, Scope.Scope> => {
  const missing = missingStore(path)
  if (missing !== undefined) return Effect.fail(missing)
  return Effect.map(
    Effect.acquireRelease(
      Effect.try({ try: () => openDatabase(path), catch: (cause) => new StoreFailure({ store: `sqlite:${path}`, operation: "open", cause }) }),
      (db) => Effect.sync(() => db.close())
    ),
    (db) => ({ db, name: `sqlite:${path}`, file: resolve(path) })
  )
}

/** Compare scenarios from their projections (each up to date), `baseline` as in `compareRuns`. */
export const compareProjections = (
  items: ReadonlyArray<{ readonly id: string; readonly scenario: LoadedScenario; readonly projection: Projection }>,
  baseline = 0
): CompareDocument =>
  compareMetrics(
    items.map(({ id, scenario, projection }) => {
      const { run } = projection
      return {
        id,
        run: {
          scenario,
          fingerprint: fingerprintOf(scenario, run.digest),
          streamOrder: run.setup.rounding.order,
          violations: run.state.violationCount(),
          assumptions: run.assumptions().length,
          children: `${run.state.children}:${run.state.childDigest.toString(16)}`
        },
        metrics: metricsOfRun(run)
      }
    }),
    baseline
  )

/**
 * The embedded store file a scenario reads its recorded events from (`events: { store }`, or
 * `--store` on the command line, as `scenarioEvents` resolves them); undefined when they come from
 * a file or EventStoreDB, or it has none.
 */
export const embeddedStoreOf = (s: LoadedScenario, storeOverride?: string): string | undefined => {
  const where = storeSourceOf(s, storeOverride)
  if (where === undefined || isEventStoreDb(where)) return undefined
  return where === "default" ? defaultStorePath() : where
}
