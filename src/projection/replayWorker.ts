/**
 * One share of a parallel replay (./parallelReplay.ts), in a worker thread: the scenario's setup made
 * again from its file (and refused unless its key is the caller's), the store opened, the groups and
 * budget lines folded (every child may be placed in any group), then the children whose streams lie
 * in the share replayed exactly as `buildProjection` replays them (`LedgerRun.addSubject`). What goes
 * back, every `partChildren` children (25,000 unless the caller says) and at the end, is their
 * totals as the projection's own texts (./serialize.ts; the groups they touched, without the
 * groups' facts), the last stream they cover and the parameters newly found missing; the worker
 * then starts its totals afresh, so it holds at most one part. Nothing is written.
 */
import { parentPort, workerData } from "node:worker_threads"
import { Effect, Stream } from "effect"
import { loadScenario } from "../scenario/load"
import { missingStore } from "../store/select"
import { openDatabase } from "../store/sqlite/open"
import { readSubjects, type Subject } from "../store/sqlite/subjects"
import { LedgerRun } from "./ledgerRun"
import type { SharePart, WorkerData, WorkerNotice } from "./parallelReplay"
import { projectionSpecOf } from "./scenario"
import { groupTotalsToJson, totalsToJson } from "./serialize"

const { task, parts } = workerData as WorkerData
const notify = (r: WorkerNotice) => parentPort!.postMessage(r)

const replayShare = Effect.gen(function* () {
  const loaded = loadScenario(task.scenarioFile)
  if ("_tag" in loaded) return yield* Effect.fail(new Error(loaded.message))
  // As known on the caller's instant (its own, or `--as-of`): part of the key checked below.
  const scenario = task.asOf === undefined ? loaded : { ...loaded, spec: { ...loaded.spec, asOf: task.asOf } }
  const spec = projectionSpecOf(scenario, task.name)
  if ("_tag" in spec) return yield* Effect.fail(new Error(spec.message))
  if (spec.key !== task.key) return yield* Effect.fail(new Error(`${task.scenarioFile} changed since the replay began`))
  // Never create a store: one that went away meanwhile is a failure, not an empty share.
  const missing = missingStore(task.file)
  if (missing !== undefined) return yield* Effect.fail(missing)
  const db = yield* Effect.acquireRelease(
    Effect.sync(() => openDatabase(task.file)),
    (d) => Effect.sync(() => d.close())
  )
  const head = BigInt(task.head)
  const run = new LedgerRun(spec.setup, { digest: task.digest })
  const read = (options: Parameters<typeof readSubjects>[2], each: (s: Subject) => void) =>
    Stream.runForEachArray(readSubjects(db, `sqlite:${task.file}`, options), (subjects) => Effect.sync(() => subjects.forEach(each)))
  yield* read({ head, recordedUpTo: task.asOf, kinds: ["budget", "group"] }, (s) => run.addSubject(s))
  // Only the children are this share's: the caller folds the groups and budget lines (and their events) itself.
  run.resetTotals()
  let children = 0
  let last: string | undefined
  // Missing parameters are kept for the whole share (each once): a part sends those found since the last.
  let missingSent = 0
  const send = (kind: "part" | "done") => {
    // The groups this part's children touched (the totals hold no others since the last part).
    const groups: Array<readonly [string, string]> = []
    for (const id of run.state.groups.keys()) groups.push([id, groupTotalsToJson(run, id)])
    const missing = run.missing.all.slice(missingSent).map((m) => ({ path: m.path, day: m.day, detail: m.detail }))
    missingSent += missing.length
    // The part first, then the notice: when the caller hears of a part, it is in the parts' channel.
    const part: SharePart = { children, last, totals: totalsToJson(run), groups, missing }
    parts.postMessage(part)
    notify({ kind, children })
    // What was sent is the caller's now: start afresh (bounded memory, whatever the share's size).
    run.resetTotals()
    children = 0
  }
  yield* read({ head, recordedUpTo: task.asOf, kinds: ["child"], streams: task.streams }, (s) => {
    run.addSubject(s)
    last = s.stream
    if (++children === task.partChildren) send("part")
  })
  send("done")
})

Effect.runPromise(Effect.scoped(replayShare)).catch((e: unknown) => notify({ kind: "failed", message: e instanceof Error ? e.message : String(e) }))
