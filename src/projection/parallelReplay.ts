/**
 * Replaying the children on several cores (docs/decisions/0012-parallel-replay.md). Children are
 * independent of each other until the group-month lines: a child's contribution reads only its own
 * events, the groups and the capacity allocations (./ledgerRun.ts). So the children's streams are
 * cut into shares of about as many events (`childStreamCuts`). The caller replays the first share
 * itself while a worker thread (./replayWorker.ts) replays each other share by the same
 * `LedgerRun.addSubject`; the workers' totals are added to the caller's run exactly (./serialize.ts
 * `totalsAbsorbJson`, `groupAbsorbJson`): cents and counts are integers, amounts exact sums,
 * digests sums modulo their width. The caller then does what follows the children as in a replay
 * on one thread: over-full group-months, `settle` (src/projection/projection.ts `buildProjection`).
 *
 * A worker sends its totals in parts (every 25,000 children) as texts and starts afresh: it holds
 * one part's totals. A part carries only what the caller adds: the totals, the groups its children
 * touched without their facts (the caller folds its own), the parameters newly found missing. The
 * parts wait in a channel of their own, serialized, outside the caller's heap, until the caller's
 * own share is done; then they are taken one at a time and added in the order of the shares, so
 * the totals come out exactly as on one thread, maps in the same order, and the caller's heap holds
 * one part at a time. A worker that fails (a corrupt event, the scenario file changed meanwhile,
 * a crash, no thread to be had) has its parts so far added: the caller replays the rest of that
 * share itself (from the stream after its last part), which reports a failure as a replay on one
 * thread does, and is told why (`onShareFailed`) when it hears of it: while its own share runs, or
 * at the latest before it replays the rest.
 *
 * The threads are the caller's to choose (`ParallelOptions`); from the edge (the CLI's `--threads`)
 * through `ParallelReplay`, which every projection built within an effect reads.
 */
import { availableParallelism } from "node:os"
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads"
import { Context } from "effect"
import { MissingParameter } from "../domain/parameters/types"
import type { IsoDate } from "../domain/calendar"
import { childStreamCuts } from "../store/sqlite/subjects"
import type { LedgerRun } from "./ledgerRun"
import { groupAbsorbJson, totalsAbsorbJson } from "./serialize"

/** What a worker is asked to replay. */
export interface WorkerTask {
  /** The store file. */
  readonly file: string
  readonly scenarioFile: string
  /** The projection's name and key: the worker makes the setup again from the file and refuses another key. */
  readonly name: string
  readonly key: string
  readonly asOf: string | undefined
  readonly head: string
  readonly streams: { readonly from: string; readonly to: string }
  readonly digest: boolean
  /** Children a part covers (see `SharePart`). */
  readonly partChildren: number
}

/** What a worker is given: its task, and the channel its parts go into. */
export interface WorkerData {
  readonly task: WorkerTask
  readonly parts: MessagePort
}

/** Totals of the children a worker replayed since its last part (sent on the parts' channel). */
export interface SharePart {
  readonly children: number
  /** The last stream the part covers (undefined: no children yet). */
  readonly last: string | undefined
  /** `totalsToJson` of the part's children. */
  readonly totals: string
  /** `groupTotalsToJson` of each group the part's children touched (no facts: the caller folds its own). */
  readonly groups: ReadonlyArray<readonly [string, string]>
  /** Parameters found missing since the worker's last part. */
  readonly missing: ReadonlyArray<{ readonly path: string; readonly day: IsoDate; readonly detail: string }>
}

/** What a worker tells the caller: a part sent (its children), the last one ("done"), or why it failed. */
export type WorkerNotice = { readonly kind: "part" | "done"; readonly children: number } | { readonly kind: "failed"; readonly message: string }

export interface ParallelOptions {
  /**
   * Threads replaying the children, the calling thread one of them (default: the machine's cores,
   * at most 4). 1 replays on the calling thread only.
   */
  readonly workers?: number
  /**
   * Fewest children's events worth sharing out (default 200,000): a worker takes a second or two
   * to load the code, which a small store does not earn back.
   */
  readonly minEvents?: number
  /** Children a worker replays before it sends their totals and starts afresh (default 25,000). */
  readonly partChildren?: number
  /** Told in how many shares the children were replayed (1: on the calling thread). */
  readonly onShares?: (shares: number) => void
  /** Told of a worker that did not finish its share (before the caller replays the rest, which takes longer), and why. */
  readonly onShareFailed?: (failure: ShareFailure) => void
}

/** A worker that stopped before the end of its share, and why. */
export interface ShareFailure {
  /** The projection being built. */
  readonly name: string
  readonly streams: WorkerTask["streams"]
  /** Children it had replayed (and sent) before it stopped. */
  readonly children: number
  readonly reason: string
}

/**
 * Parallel options from the edge of the program (the CLI's `--threads`, where it tells of a failed
 * worker): `buildProjection` reads them where its caller's own options say nothing.
 */
export const ParallelReplay = Context.Reference<ParallelOptions>("geldstroom/ParallelReplay", { defaultValue: () => ({}) })

/** The caller's options, each completed from the edge's. */
export const parallelOptions = (own: ParallelOptions, edge: ParallelOptions): ParallelOptions => ({
  workers: own.workers ?? edge.workers,
  minEvents: own.minEvents ?? edge.minEvents,
  partChildren: own.partChildren ?? edge.partChildren,
  onShares: own.onShares ?? edge.onShares,
  onShareFailed: own.onShareFailed ?? edge.onShareFailed
})

/** The V8 heap of each worker, MiB: a share's totals and the kept arithmetic, with room to collect. */
const WORKER_HEAP_MB = 384

/** The shares to replay: stream-name bounds of the children's streams, or undefined to replay on one thread. */
export const sharesOf = (
  db: Parameters<typeof childStreamCuts>[0],
  head: bigint,
  options: ParallelOptions
): ReadonlyArray<{ readonly from: string; readonly to: string }> | undefined => {
  const workers = options.workers ?? Math.min(availableParallelism(), 4)
  if (workers < 2) return undefined
  const { events, cuts } = childStreamCuts(db, workers, head)
  if (events < (options.minEvents ?? 200_000) || cuts.length === 0) return undefined
  const bounds = ["child-", ...cuts, "child."]
  return bounds.slice(1).map((to, i) => ({ from: bounds[i]!, to }))
}

const WORKER_FILE = new URL("./replayWorker.mjs", import.meta.url)

/** What a share's worker sent: all of the share, or the parts up to a stream (a failed or stopped worker). */
export interface ShareOutcome {
  readonly streams: WorkerTask["streams"]
  readonly complete: boolean
  /** The parts sent, in order, waiting to be added (`absorbShare` takes them one at a time); undefined: none. */
  readonly parts: MessagePort | undefined
  /** Children in the parts sent. */
  readonly children: number
  /** Why the worker stopped before the end of its share (undefined: it did not, or the caller stopped it). */
  readonly failure: string | undefined
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Replay a share in a worker; its parts wait in their channel. Resolves (never rejects) with how far it got, and why not further. */
const runWorker = (task: WorkerTask, onChildren: (n: number) => void, signal: AbortSignal): Promise<ShareOutcome> =>
  new Promise((resolve) => {
    const channel = new MessageChannel()
    let worker: Worker
    try {
      const data: WorkerData = { task, parts: channel.port2 }
      worker = new Worker(WORKER_FILE, { workerData: data, transferList: [channel.port2], execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })
    } catch (e) {
      // No thread to be had: the caller replays the whole share.
      channel.port1.close()
      return resolve({ streams: task.streams, complete: false, parts: undefined, children: 0, failure: `no thread could be started: ${messageOf(e)}` })
    }
    let children = 0
    let settled = false
    const finish = (failure: string | undefined, complete = false) => {
      if (settled) return
      settled = true
      signal.removeEventListener("abort", abort)
      if (!complete) void worker.terminate()
      resolve({ streams: task.streams, complete, parts: channel.port1, children, failure })
    }
    const abort = () => {
      // The caller failed: nothing will be added.
      channel.port1.close()
      finish(undefined)
    }
    if (signal.aborted) abort()
    else signal.addEventListener("abort", abort)
    worker.on("message", (r: WorkerNotice) => {
      if (settled) return
      if (r.kind === "failed") return finish(r.message)
      children += r.children
      onChildren(r.children)
      if (r.kind === "done") finish(undefined, true)
    })
    worker.on("error", (e) => finish(messageOf(e)))
    worker.on("exit", (code) => finish(`the thread ended (exit code ${code}) before its share was done`))
  })

/** Shares being replayed in workers. */
export interface SharesInWorkers {
  readonly outcomes: Promise<ReadonlyArray<ShareOutcome>>
  /** Stop the workers: the caller failed, and what they sent is let go of. */
  readonly stop: () => void
}

/** Start a worker for each share (they run while the caller replays its own share). */
export const startWorkers = (
  shares: ReadonlyArray<WorkerTask["streams"]>,
  base: Omit<WorkerTask, "streams">,
  onChildren: (n: number) => void,
  onShareFailed?: (failure: ShareFailure) => void
): SharesInWorkers => {
  const stopped = new AbortController()
  const told = (o: ShareOutcome): ShareOutcome => {
    if (o.failure !== undefined) onShareFailed?.({ name: base.name, streams: o.streams, children: o.children, reason: o.failure })
    return o
  }
  const outcomes = Promise.all(shares.map((streams) => runWorker({ ...base, streams }, onChildren, stopped.signal).then(told)))
  return { outcomes, stop: () => stopped.abort() }
}

/** What of a share is still to replay: none when its worker finished it, else the streams after the last one added (all: none added). */
export const remainderOf = (o: { readonly streams: WorkerTask["streams"]; readonly complete: boolean; readonly last: string | undefined }): WorkerTask["streams"] | undefined =>
  o.complete ? undefined : o.last === undefined ? o.streams : { from: `${o.last}\u0000`, to: o.streams.to }

/**
 * Add what a share's worker sent, replayed over other children of the same store and setup, to the
 * caller's run, a part at a time (each let go of once added); what is left of the share to replay.
 * Called in the order of the shares, after the caller's own, so that everything is added in the
 * order a replay on one thread adds it (stream by stream): the totals' maps, and the texts made
 * from them, come out the same, run after run.
 */
export const absorbShare = (run: LedgerRun, o: ShareOutcome): WorkerTask["streams"] | undefined => {
  const take = () => (o.parts === undefined ? undefined : (receiveMessageOnPort(o.parts)?.message as SharePart | undefined))
  let last: string | undefined
  // Every part sent (also one sent just before the worker stopped): the rest is replayed from after its last stream.
  for (let part = take(); part !== undefined; part = take()) {
    totalsAbsorbJson(run, part.totals)
    for (const [id, text] of part.groups) groupAbsorbJson(run, id, text)
    for (const x of part.missing) run.missing.add(new MissingParameter(x))
    if (part.last !== undefined) last = part.last
  }
  o.parts?.close()
  return remainderOf({ streams: o.streams, complete: o.complete, last })
}
