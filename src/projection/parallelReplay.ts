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
 * one part's totals, the caller the texts until its own share is done; then the parts are added in
 * the order of the shares, so the totals come out exactly as on one thread, maps in the same
 * order. A worker that fails (a corrupt event, the scenario file changed meanwhile, a crash) has
 * its parts so far added: the caller replays the rest of that share itself (from the stream after
 * its last part), which reports a failure as a replay on one thread does.
 */
import { availableParallelism } from "node:os"
import { Worker } from "node:worker_threads"
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

/** Totals of the children a worker replayed since its last part (the last part: "done"). */
export interface SharePart {
  readonly kind: "part" | "done"
  readonly children: number
  /** The last stream the part covers (undefined: no children yet). */
  readonly last: string | undefined
  readonly totals: string
  readonly groups: ReadonlyArray<readonly [string, string]>
  readonly missing: ReadonlyArray<{ readonly path: string; readonly day: IsoDate; readonly detail: string }>
}

export type WorkerReply = SharePart | { readonly kind: "failed"; readonly message: string }

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
}

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
  readonly parts: ReadonlyArray<SharePart>
  /** The last stream the parts cover (undefined: none). */
  readonly last: string | undefined
}

/** Replay a share in a worker, keeping the parts it sends. Resolves (never rejects) with how far it got. */
const runWorker = (task: WorkerTask, onChildren: (n: number) => void, signal: AbortSignal): Promise<ShareOutcome> =>
  new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(WORKER_FILE, { workerData: task, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })
    } catch {
      // No thread to be had: the caller replays the whole share.
      return resolve({ streams: task.streams, complete: false, parts: [], last: undefined })
    }
    const parts: Array<SharePart> = []
    let last: string | undefined
    let settled = false
    const finish = (complete: boolean) => {
      if (settled) return
      settled = true
      signal.removeEventListener("abort", abort)
      if (!complete) void worker.terminate()
      resolve({ streams: task.streams, complete, parts, last })
    }
    const abort = () => finish(false)
    if (signal.aborted) abort()
    else signal.addEventListener("abort", abort)
    worker.on("message", (r: WorkerReply) => {
      if (settled) return
      if (r.kind === "failed") return finish(false)
      parts.push(r)
      if (r.last !== undefined) last = r.last
      onChildren(r.children)
      if (r.kind === "done") finish(true)
    })
    worker.on("error", () => finish(false))
    worker.on("exit", () => finish(false))
  })

/** Shares being replayed in workers. */
export interface SharesInWorkers {
  readonly outcomes: Promise<ReadonlyArray<ShareOutcome>>
  /** Stop the workers (their outcomes keep what they sent so far). */
  readonly stop: () => void
}

/** Start a worker for each share (they run while the caller replays its own share). */
export const startWorkers = (
  shares: ReadonlyArray<WorkerTask["streams"]>,
  base: Omit<WorkerTask, "streams">,
  onChildren: (n: number) => void
): SharesInWorkers => {
  const stopped = new AbortController()
  const outcomes = Promise.all(shares.map((streams) => runWorker({ ...base, streams }, onChildren, stopped.signal)))
  return { outcomes, stop: () => stopped.abort() }
}

/** What of a share is still to replay after its outcome: none, or the streams after the last one added. */
export const remainderOf = (o: ShareOutcome): WorkerTask["streams"] | undefined =>
  o.complete ? undefined : o.last === undefined ? o.streams : { from: `${o.last}\u0000`, to: o.streams.to }

/**
 * Add what a share's worker sent, replayed over other children of the same store and setup, to the
 * caller's run. Called in the order of the shares, after the caller's own, so that everything is
 * added in the order a replay on one thread adds it (stream by stream): the totals' maps, and the
 * texts made from them, come out the same, run after run.
 */
export const absorbShare = (run: LedgerRun, o: ShareOutcome): void => {
  for (const part of o.parts) {
    totalsAbsorbJson(run, part.totals)
    for (const [id, text] of part.groups) groupAbsorbJson(run, id, text)
    for (const m of part.missing) run.missing.add(new MissingParameter(m))
  }
}
