/**
 * Projections: a scenario's ledger kept as totals beside the events, with a
 * checkpoint, built by one bounded-memory replay and caught up by
 * re-evolving only what new events are about. docs/benchmarks.md describes
 * why; docs/architecture.md where they sit.
 */
export { runSetup, type RunInputs, type RunSetup } from "./setup"
export { LedgerRun, type LedgerRunOptions, type SubjectEvents } from "./ledgerRun"
export { LedgerState } from "./ledgerState"
export { metricsOfRun, budgetsOf } from "./metrics"
export { CatchUp, type CatchUpReport, type ChangedSubject } from "./catchUp"
export {
  buildProjection,
  catchUpProjection,
  type CatchUpResult,
  loadProjection,
  openProjection,
  type Projection,
  type ProjectionSpec,
  saveProjection,
  type StoreHandle
} from "./projection"
export { compareProjections, NotAProjection, projectionKey, projectionName, projectionSpecOf, storeFile } from "./scenario"
