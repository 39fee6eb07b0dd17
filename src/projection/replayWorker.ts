/**
 * A worker thread of a parallel replay (./parallelReplay.ts): the scenario's setup made again from
 * its file (and refused unless its key is the caller's), the store opened, the groups and budget
 * lines folded (every child may be placed in any group), then chunks of the children taken from the
 * last down (`Claims`, shared with the caller, which takes them from the first up) and replayed
 * exactly as `buildProjection` replays them (`LedgerRun.addSubject`). What goes back, every
 * `partChildren` children (25,000 unless the caller says) and at a chunk's end, is their totals as
 * the projection's own texts (./serialize.ts; the groups they touched, without the groups' facts)
 * and the parameters they found missing, in a channel of the chunk's own, handed over when the chunk
 * is done; the worker then starts its totals afresh, so it holds at most one part. Nothing is written.
 */
import { MessageChannel, type MessagePort, parentPort, workerData } from "node:worker_threads"
import { Effect, Stream } from "effect"
import { loadScenario } from "../scenario/load"
import { missingStore } from "../store/select"
import { openDatabase } from "../store/sqlite/open"
import { readSubjects, type Subject } from "../store/sqlite/subjects"
import { LedgerRun } from "./ledgerRun"
import { Claims } from "./chunkClaims"
import type { SharePart, WorkerData, WorkerNotice } from "./parallelReplay"
import { projectionSpecOf } from "./scenario"
import { groupTotalsToJson, totalsToJson } from "./serialize"

const { task } = workerData as WorkerData
const notify = (r: WorkerNotice, transfer: ReadonlyArray<MessagePort> = []) => parentPort!.postMessage(r, transfer as Array<MessagePort>)

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
  // Only the children are this share's: the caller folds the groups and budget lines too, and counts
  // their events. So they are folded here without being counted, and what the run counted as it was
  // made (the scenario's own budget lines and groups) is let go of.
  yield* read({ head, recordedUpTo: task.asOf, kinds: ["budget", "group"] }, (s) => {
    if (s.kind === "child") throw new Error(`a child's stream among the groups read: ${s.stream}`)
    run.foldSubject(s)
  })
  run.resetTotals()
  const claims = new Claims(task.claims)
  // The chunks' channels, open until the worker ends (the caller takes their parts after).
  const channels: Array<MessageChannel> = []
  for (let chunk = claims.takeLast(); chunk !== undefined; chunk = claims.takeLast()) {
    notify({ kind: "took", chunk })
    const channel = new MessageChannel()
    channels.push(channel)
    let children = 0
    let inPart = 0
    const send = () => {
      // The groups this part's children touched (the totals hold no others since the last part).
      const groups: Array<readonly [string, string]> = []
      for (const id of run.state.groups.keys()) groups.push([id, groupTotalsToJson(run, id)])
      const found = run.missing.all.map((m) => ({ path: m.path, day: m.day, detail: m.detail }))
      const part: SharePart = { children: inPart, totals: totalsToJson(run), groups, missing: found }
      channel.port1.postMessage(part)
      // What was sent is the caller's now: start afresh (bounded memory, whatever the chunk's size).
      run.resetTotals()
      // The parameters found missing start afresh too, so a part carries each it met (once), though
      // an earlier part (of a later chunk: chunks are taken from the last down) met it too: the
      // caller adds the parts in the chunks' order and so keeps each one's first meeting, as one
      // thread does.
      run.missing.clear()
      inPart = 0
    }
    yield* read({ head, recordedUpTo: task.asOf, kinds: ["child"], streams: task.chunks[chunk]! }, (s) => {
      run.addSubject(s)
      children++
      if (++inPart === task.partChildren) send()
    })
    if (inPart > 0) send()
    // The parts first, then the notice with their channel: when the caller hears of a chunk, its parts are all in.
    notify({ kind: "chunk", chunk, children, parts: channel.port2 }, [channel.port2])
  }
  notify({ kind: "done" })
})

Effect.runPromise(Effect.scoped(replayShare)).catch((e: unknown) => notify({ kind: "failed", message: e instanceof Error ? e.message : String(e) }))
