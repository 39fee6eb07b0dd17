/**
 * One share of a parallel replay (./parallelReplay.ts), in a worker thread: the scenario's setup made
 * again from its file (and refused unless its key is the caller's), the store opened, the groups and
 * budget lines folded (every child may be placed in any group), then the children whose streams lie
 * in the share replayed exactly as `buildProjection` replays them (`LedgerRun.addSubject`). What goes
 * back, every 25,000 children and at the end, is their totals as the projection's own texts
 * (./serialize.ts), the last stream they cover and the parameters found missing; the worker then
 * starts its totals afresh, so it holds at most one part. Nothing is written.
 */
import { parentPort, workerData } from "node:worker_threads"
import { Effect, Stream } from "effect"
import { loadScenario } from "../scenario/load"
import { openDatabase } from "../store/sqlite/open"
import { readSubjects, type Subject } from "../store/sqlite/subjects"
import { LedgerRun } from "./ledgerRun"
import type { WorkerReply, WorkerTask } from "./parallelReplay"
import { projectionSpecOf } from "./scenario"
import { groupToJson, totalsToJson } from "./serialize"

/** Children a part of the share's totals covers (see `send`). */
const PART_CHILDREN = 25_000

const task = workerData as WorkerTask
const reply = (r: WorkerReply) => parentPort!.postMessage(r)

const replayShare = Effect.gen(function* () {
  const scenario = loadScenario(task.scenarioFile)
  if ("_tag" in scenario) return yield* Effect.fail(new Error(scenario.message))
  const spec = projectionSpecOf(scenario, task.name)
  if ("_tag" in spec) return yield* Effect.fail(new Error(spec.message))
  if (spec.key !== task.key) return yield* Effect.fail(new Error(`${task.scenarioFile} changed since the replay began`))
  const db = yield* Effect.acquireRelease(
    Effect.sync(() => openDatabase(task.file)),
    (d) => Effect.sync(() => d.close())
  )
  const head = BigInt(task.head)
  const run = new LedgerRun({ ...spec.setup, asOf: task.asOf }, { digest: task.digest })
  const read = (options: Parameters<typeof readSubjects>[2], each: (s: Subject) => void) =>
    Stream.runForEachArray(readSubjects(db, `sqlite:${task.file}`, options), (subjects) => Effect.sync(() => subjects.forEach(each)))
  yield* read({ head, recordedUpTo: task.asOf, kinds: ["budget", "group"] }, (s) => run.addSubject(s))
  // Only the children are this share's: the caller folds the groups and budget lines (and their events) itself.
  run.digest = 0n
  run.events = 0
  let children = 0
  let last: string | undefined
  const send = (kind: "part" | "done") => {
    const groups: Array<readonly [string, string]> = []
    for (const id of run.state.groups.keys()) groups.push([id, groupToJson(run, id)!])
    reply({ kind, children, last, totals: totalsToJson(run), groups, missing: run.missing.all.map((m) => ({ path: m.path, day: m.day, detail: m.detail })) })
    // What was sent is the caller's now: start afresh (bounded memory, whatever the share's size).
    run.state.clear()
    run.digest = 0n
    run.events = 0
    children = 0
  }
  yield* read({ head, recordedUpTo: task.asOf, kinds: ["child"], streams: task.streams }, (s) => {
    run.addSubject(s)
    last = s.stream
    if (++children === PART_CHILDREN) send("part")
  })
  send("done")
})

Effect.runPromise(Effect.scoped(replayShare)).catch((e: unknown) => reply({ kind: "failed", message: e instanceof Error ? e.message : String(e) }))
