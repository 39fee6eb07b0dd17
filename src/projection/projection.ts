/**
 * A scenario's ledger as a projection of the embedded store: built by one
 * replay, kept in the store file with the position it has applied up to
 * (its checkpoint), and brought up to date by re-evolving only what events
 * appended since are about (./catchUp.ts). Written together with its
 * checkpoint in one transaction (src/store/sqlite/projections.ts); always
 * rebuildable from the events (`geldstroom store rebuild`).
 */
import type { DatabaseSync } from "node:sqlite"
import { Effect, Stream } from "effect"
import type { RecordedEvent } from "../events"
import { MissingParameters } from "../domain/rules/compute"
import type { ReadError } from "../store/EventStore"
import { StoreFailure } from "../store/EventStore"
import { readProjectionGroups, readProjectionRow, writeProjection } from "../store/sqlite/projections"
import { headPosition, readChangedStreams, readStreams, readSubjects, type SubjectKind } from "../store/sqlite/subjects"
import { CatchUp, type CatchUpReport, type ChangedSubject } from "./catchUp"
import { LedgerRun, type LedgerRunOptions } from "./ledgerRun"
import { absorbShare, type ParallelOptions, ParallelReplay, parallelOptions, sharesOf, startWorkers } from "./parallelReplay"
import { groupFromJson, groupToJson, totalsFromJson, totalsToJson } from "./serialize"
import type { RunSetup } from "./setup"

/** What a projection is of, and where it is kept. */
export interface ProjectionSpec {
  /** Its name in the store, e.g. the scenario's file name. */
  readonly name: string
  /** What it is a projection of (rules version, scenario, policy, parameters): another key, another projection. */
  readonly key: string
  /** The scenario file it was made from, so `store rebuild` can make it again. */
  readonly scenarioFile: string | null
  readonly setup: RunSetup
}

export interface Projection {
  readonly spec: ProjectionSpec
  readonly run: LedgerRun
  /** The highest store position applied. */
  checkpoint: bigint
}

export interface StoreHandle {
  readonly db: DatabaseSync
  /** For error messages: `sqlite:/path`. */
  readonly name: string
  /** The store's file, where other threads may open it too (./parallelReplay.ts); without it a replay keeps to one thread. */
  readonly file?: string
}

const failure = (store: StoreHandle, operation: string) => (cause: unknown) => new StoreFailure({ store: store.name, operation, cause })

const finishRun = (run: LedgerRun): Effect.Effect<LedgerRun, MissingParameters> =>
  run.missing.all.length > 0 ? Effect.fail(new MissingParameters({ missing: run.missing.all })) : Effect.succeed(run)

/** Streams read in one query at most (a query's rows are held until it ends). */
const STREAMS_A_READ = 1_000

/** Children's events, a thousand streams a query; every child named gets its events (none: empty), in the order named. */
const readChildren = (store: StoreHandle, ids: Iterable<string>, head: bigint, asOf: string | undefined) =>
  Effect.gen(function* () {
    const out = new Map<string, ReadonlyArray<RecordedEvent>>()
    const all = [...ids]
    for (let i = 0; i < all.length; i += STREAMS_A_READ) {
      const chunk = all.slice(i, i + STREAMS_A_READ)
      const read = yield* readStreams(store.db, store.name, chunk.map((id) => `child-${id}`), { head, recordedUpTo: asOf })
      for (const id of chunk) out.set(id, read.get(`child-${id}`) ?? [])
    }
    return out
  })

/**
 * Replay the whole store into a new projection (bounded memory: one child at a time), the children
 * shared out over worker threads where that pays (./parallelReplay.ts), else on this thread.
 */
export const buildProjection = (
  store: StoreHandle,
  spec: ProjectionSpec,
  options: LedgerRunOptions & ParallelOptions & { readonly onProgress?: (children: number) => void } = {}
): Effect.Effect<Projection, ReadError | MissingParameters> =>
  Effect.gen(function* () {
    const head = yield* Effect.try({ try: () => headPosition(store.db), catch: failure(store, "head") })
    const run = new LedgerRun(spec.setup, options)
    const asOf = spec.setup.asOf
    // The threads: as the caller says, else as the edge of the program says (the CLI's --threads).
    const parallel = parallelOptions(options, yield* ParallelReplay)
    const shares =
      store.file === undefined || spec.scenarioFile === null
        ? undefined
        : yield* Effect.try({ try: () => sharesOf(store.db, head, parallel), catch: failure(store, "share out the children") })
    let n = 0
    const counted = (more: number) => {
      const before = n
      n += more
      if (Math.floor(n / 50_000) > Math.floor(before / 50_000)) options.onProgress?.(n - (n % 50_000))
    }
    const replay = (kinds: ReadonlyArray<SubjectKind>, streams?: { readonly from: string; readonly to: string }) =>
      Stream.runForEachArray(readSubjects(store.db, store.name, { head, recordedUpTo: asOf, kinds, streams }), (subjects) =>
        Effect.sync(() => {
          let children = 0
          for (const s of subjects) {
            run.addSubject(s)
            if (s.kind === "child") children++
          }
          counted(children)
        })
      )
    if (shares === undefined) {
      yield* replay(["budget", "group", "child"])
      parallel.onShares?.(1)
    } else {
      // This thread replays the first share while workers replay the others; a share whose worker failed is replayed here.
      // The workers start first: their start (a thread, the code, the scenario, the groups they fold
      // themselves) runs while this thread folds the groups and budget lines.
      const base = { file: store.file!, scenarioFile: spec.scenarioFile!, name: spec.name, key: spec.key, asOf, head: head.toString(), digest: options.digest !== false, partChildren: parallel.partChildren ?? 25_000 }
      const workers = startWorkers(shares.slice(1), base, counted, parallel.onShareFailed)
      yield* Effect.onError(Effect.andThen(replay(["budget", "group"]), replay(["child"], shares[0])), () => Effect.sync(workers.stop))
      parallel.onStep?.("own chunks replayed")
      const outcomes = yield* Effect.promise((signal) => {
        signal.addEventListener("abort", workers.stop)
        return workers.outcomes
      })
      parallel.onStep?.("workers ended")
      let inWorkers = 0
      for (const o of outcomes) {
        const rest = absorbShare(run, o)
        if (rest === undefined) inWorkers++
        else yield* replay(["child"], rest)
      }
      parallel.onShares?.(1 + inWorkers)
    }
    // The lines. Children of the over-full group-months settling finds were apportioned with the
    // capacity as denominator: redo them, then make the lines of the groups they are in again.
    const redo = run.childrenOf(run.settle())
    if (redo.size > 0) run.redoOverFull(yield* readChildren(store, redo, head, asOf))
    yield* finishRun(run)
    return { spec, run, checkpoint: head }
  })

/** Write a projection with its checkpoint (all of it, or the totals and the groups named). */
export const saveProjection = (
  store: StoreHandle,
  p: Projection,
  groups: ReadonlySet<string> | "all" = "all"
): Effect.Effect<void, StoreFailure> =>
  Effect.try({
    try: () => {
      const ids = groups === "all" ? [...new Set([...p.run.groups.keys(), ...p.run.state.groups.keys()])] : [...groups]
      writeProjection(store.db, {
        name: p.spec.name,
        key: p.spec.key,
        scenarioFile: p.spec.scenarioFile,
        checkpoint: p.checkpoint,
        totals: totalsToJson(p.run),
        groups: (function* () {
          for (const id of ids) yield [id, groupToJson(p.run, id)] as const
        })(),
        replaceAll: groups === "all"
      })
    },
    catch: failure(store, "write projection")
  })

/** The projection kept under the spec's name, if it is there and of the same key. */
export const loadProjection = (store: StoreHandle, spec: ProjectionSpec, options: LedgerRunOptions = {}): Effect.Effect<Projection | undefined, StoreFailure> =>
  Effect.try({
    try: () => {
      const row = readProjectionRow(store.db, spec.name)
      if (row === undefined || row.key !== spec.key) return undefined
      const run = new LedgerRun(spec.setup, options)
      totalsFromJson(run, row.totals)
      for (const [groupId, text] of readProjectionGroups(store.db, spec.name)) groupFromJson(run, groupId, text)
      return { spec, run, checkpoint: row.checkpoint }
    },
    catch: failure(store, "read projection")
  })

/** Subjects with events after a position (as known on `asOf`), with all their events up to `head`: one query. */
const changedSubjects = (store: StoreHandle, after: bigint, head: bigint, asOf: string | undefined) =>
  Effect.map(readChangedStreams(store.db, store.name, after, { head, recordedUpTo: asOf }), (streams) => {
    const out: Array<ChangedSubject> = []
    for (const [stream, events] of streams) {
      const cut = stream.indexOf("-")
      const kind = stream.slice(0, cut) as ChangedSubject["kind"]
      if (kind !== "child" && kind !== "group" && kind !== "budget") continue
      // As known on asOf: a subject whose new events were all recorded later has not changed.
      if (!events.some((e) => e.position > after)) continue
      out.push({ kind, id: stream.slice(cut + 1), events })
    }
    return out
  })

export interface CatchUpResult extends CatchUpReport {
  readonly from: bigint
  readonly to: bigint
}

/**
 * Apply what was appended after the projection's checkpoint and write the changed groups, the
 * totals and the new checkpoint in one transaction. Nothing appended: nothing done.
 */
export const catchUpProjection = (store: StoreHandle, p: Projection, options: { readonly save?: boolean } = {}): Effect.Effect<CatchUpResult, ReadError | MissingParameters> =>
  Effect.gen(function* () {
    const from = p.checkpoint
    const head = yield* Effect.try({ try: () => headPosition(store.db), catch: failure(store, "head") })
    if (head <= from) return { from, to: from, events: 0, children: 0, touchedGroups: new Set<string>() }
    const asOf = p.spec.setup.asOf
    const changed = yield* changedSubjects(store, from, head, asOf)
    const c = new CatchUp(p.run, from, changed)
    c.swap(yield* readChildren(store, c.childrenOfChangedGroups, head, asOf))
    c.redoOthers(yield* readChildren(store, c.others, head, asOf))
    const report = c.settle()
    yield* finishRun(p.run)
    p.checkpoint = head
    if (options.save !== false) yield* saveProjection(store, p, report.touchedGroups)
    return { ...report, from, to: head }
  })

/** The projection up to date: loaded and caught up when kept, else built (and written). */
export const openProjection = (
  store: StoreHandle,
  spec: ProjectionSpec,
  options: LedgerRunOptions = {}
): Effect.Effect<{ readonly projection: Projection; readonly built: boolean; readonly caughtUp: CatchUpResult | undefined }, ReadError | MissingParameters> =>
  Effect.gen(function* () {
    const kept = yield* loadProjection(store, spec, options)
    if (kept !== undefined) {
      const caughtUp = yield* catchUpProjection(store, kept)
      return { projection: kept, built: false, caughtUp }
    }
    const projection = yield* buildProjection(store, spec, options)
    yield* saveProjection(store, projection)
    return { projection, built: true, caughtUp: undefined }
  })
