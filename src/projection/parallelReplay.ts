/**
 * Replaying the children on several cores (docs/decisions/0012-parallel-replay.md). Children are
 * independent of each other until the group-month lines: a child's contribution reads only its own
 * events, the groups and the capacity allocations (./ledgerRun.ts). So the children's streams are
 * cut into chunks of about as many events (`childStreamCuts`), those where the threads are likely to
 * meet cut shorter (`chunkSizes`). The caller replays chunks from the
 * first up, each the next one left when it is done with one, while worker threads
 * (./replayWorker.ts) replay chunks from the last down by the same `LedgerRun.addSubject`, until
 * they meet (`Claims`): the threads end within a chunk of each other, whichever is slower (a worker
 * starts seconds late; chunks differ in work, not only in events; the machine is shared). The
 * workers' totals are added to the caller's run exactly (./serialize.ts `totalsAbsorbJson`,
 * `groupAbsorbJson`): cents and counts are integers, amounts exact sums, digests sums modulo their
 * width. The caller then does what follows the children as in a replay on one thread: over-full
 * group-months, `settle` (src/projection/projection.ts `buildProjection`).
 *
 * A worker sends a chunk's totals in parts (every 25,000 children, and at the chunk's end) as
 * texts and starts afresh: it holds one part's totals. A part carries only what the caller adds: the
 * totals, the groups its children touched without their facts (the caller folds its own), the
 * parameters it found missing. Each chunk's parts wait in a channel of their own, serialized, outside
 * the caller's heap, until the caller's own chunks are done; then they are taken one at a time and
 * added in the order of the chunks, so the totals come out exactly as on one thread, maps in the
 * same order, and the caller's heap holds one part at a time. A worker that fails (a corrupt event,
 * the scenario file changed meanwhile, a crash, no thread to be had) leaves the chunk it was in: the
 * caller adds the chunks sent before it and replays the rest itself, from that chunk on (in order:
 * the failed worker's later chunks are let go of), which reports a failure as a replay on one thread
 * does, and is told why (`onShareFailed`) when it hears of it: while its own chunks run, or at the
 * latest before it replays the rest.
 *
 * The threads are the caller's to choose (`ParallelOptions`); from the edge (the CLI's `--threads`)
 * through `ParallelReplay`, which every projection built within an effect reads.
 */
import { availableParallelism } from "node:os"
import { type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads"
import { Context } from "effect"
import { MissingParameter } from "../domain/parameters/types"
import type { IsoDate } from "../domain/calendar"
import { childStreamCuts, type StreamBounds } from "../store/sqlite/subjects"
import type { LedgerRun } from "./ledgerRun"
import { groupAbsorbJson, totalsAbsorbJson } from "./serialize"
import { Claims } from "./chunkClaims"

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
  readonly digest: boolean
  /** Children a part covers at most (see `SharePart`). */
  readonly partChildren: number
  /** The children's streams in chunks, in order: the worker takes them from the last down (`Claims`). */
  readonly chunks: ReadonlyArray<StreamBounds>
  /** The claims on the chunks, shared by every thread of the replay (`Claims.buffer`). */
  readonly claims: SharedArrayBuffer
}

/** What a worker is given. */
export interface WorkerData {
  readonly task: WorkerTask
}

/** Totals of the children of a chunk a worker replayed since its last part of that chunk (sent on the chunk's channel). */
export interface SharePart {
  readonly children: number
  /** `totalsToJson` of the part's children. */
  readonly totals: string
  /** `groupTotalsToJson` of each group the part's children touched (no facts: the caller folds its own). */
  readonly groups: ReadonlyArray<readonly [string, string]>
  /** Parameters found missing since the worker's last part. */
  readonly missing: ReadonlyArray<{ readonly path: string; readonly day: IsoDate; readonly detail: string }>
}

/**
 * What a worker tells the caller: a chunk taken; a chunk replayed (its children, and the channel
 * its parts wait in, in order); done (no chunk left); or why it failed.
 */
export type WorkerNotice =
  | { readonly kind: "took"; readonly chunk: number }
  | { readonly kind: "chunk"; readonly chunk: number; readonly children: number; readonly parts: MessagePort }
  | { readonly kind: "done" }
  | { readonly kind: "failed"; readonly message: string }

/**
 * The children's chunks and who replays them: shared by the caller's share (which takes more as it
 * goes) and its workers, and where the workers' parts wait, chunk by chunk, until the caller adds them.
 */
export interface SharePlan {
  readonly chunks: ReadonlyArray<StreamBounds>
  readonly claims: Claims
  /** Each chunk a worker replayed: the channel its parts wait in. */
  readonly parts: Map<number, MessagePort>
  /** Whether the workers' chunks were added (`absorbShare`), and what was left to replay then. */
  absorbed: { readonly rest: StreamBounds | undefined; told: boolean } | undefined
}

/** A share of the replay: the caller's (its first chunks; `more` takes the next) or a worker's (any chunk it takes). */
export interface Share extends StreamBounds {
  readonly plan: SharePlan
  readonly more?: () => StreamBounds | undefined
}

export interface ParallelOptions {
  /**
   * Threads replaying the children, the calling thread one of them (default: the machine's cores,
   * at most 4). 1 replays on the calling thread only.
   */
  readonly workers?: number
  /**
   * Fewest children's events worth sharing out (default 200,000): a worker takes two seconds or so
   * of CPU to start (the thread, the code through the TypeScript loader, the scenario, the groups),
   * which a small store does not earn back.
   */
  readonly minEvents?: number
  /** Children a worker replays before it sends their totals and starts afresh (default 25,000). */
  readonly partChildren?: number
  /**
   * Chunks the children are cut into, of about as many events each (default: one per 16,000 events,
   * at least 4 a thread, at most 64, those around where the threads are likely to meet each cut in
   * four: `chunkSizes`).
   */
  readonly chunks?: number
  /**
   * Whether the calling thread takes chunks until none is left (default), or only its own share of
   * them (the first 1/threads), leaving the rest to the workers: for tests that need a worker to
   * meet a given chunk.
   */
  readonly balance?: boolean
  /** Told in how many shares the children were replayed (1: on the calling thread), once every child is in and added up, before the group lines are made. */
  readonly onShares?: (shares: number) => void
  /**
   * Told, in a replay shared out, when the calling thread has replayed its own chunks (it then waits
   * for the workers) and when every worker has ended (their parts are then added: `onShares` follows).
   */
  readonly onStep?: (step: ReplayStep) => void
  /** Told of a worker that did not finish its share (before the caller replays the rest, which takes longer), and why. */
  readonly onShareFailed?: (failure: ShareFailure) => void
}

/** Where a replay shared out is, after the calling thread's own chunks (`ParallelOptions.onStep`). */
export type ReplayStep = "own chunks replayed" | "workers ended"

/** A worker that stopped before the chunks were all replayed, and why. */
export interface ShareFailure {
  /** The projection being built. */
  readonly name: string
  /** The chunk it was replaying when it stopped (undefined: it had none). */
  readonly streams: StreamBounds | undefined
  /** Children it had replayed (and sent) before it stopped. */
  readonly children: number
  readonly reason: string
}

/**
 * Parallel options from the edge of the program (the CLI's `--threads`, where it tells of a failed
 * worker): `buildProjection` reads them where its caller's own options say nothing.
 */
export const ParallelReplay = Context.Reference<ParallelOptions>("geldstroom/ParallelReplay", { defaultValue: () => ({}) })

/** The caller's options, each completed from the edge's: an option the caller leaves undefined is the edge's. */
export const parallelOptions = (own: ParallelOptions, edge: ParallelOptions): ParallelOptions => {
  const merged: Record<string, unknown> = { ...edge }
  for (const [k, v] of Object.entries(own)) if (v !== undefined) merged[k] = v
  return merged as ParallelOptions
}

/** The V8 heap of each worker, MiB: a share's totals and the kept arithmetic, with room to collect. */
const WORKER_HEAP_MB = 384

/** Children's events a chunk has by default: small enough that the threads end close together, big enough that a chunk's part costs little. */
const CHUNK_EVENTS = 16_000

/** Chunks for `events` children's events on `threads` threads, unless the caller says. */
const chunksFor = (events: number, threads: number, asked: number | undefined): number =>
  asked ?? Math.min(64, Math.max(threads * 4, Math.round(events / CHUNK_EVENTS)))

/** Into how many chunks each chunk around where the threads are likely to meet is cut (`chunkSizes`). */
const MEETING_CUT = 4

/**
 * The chunks' relative sizes (`childStreamCuts`) where the calling thread takes chunks until none is
 * left: `n` chunks of about as many events, but those around where the threads are likely to meet
 * each cut in four. The caller takes chunks from the first up and the workers from the last down, so
 * they meet about 1/threads of the way in (a little further: a worker starts seconds late); what a
 * thread replays after another has run out of chunks is the rest of its last chunk (the caller then
 * waits for the workers to end), so the chunks there are short. The band is a quarter of the chunks
 * wide: the meeting moves with how fast each thread goes. docs/benchmarks.md, twelfth round.
 */
export const chunkSizes = (n: number, threads: number): ReadonlyArray<number> => {
  const meet = n / threads
  const sizes: Array<number> = []
  for (let i = 0; i < n; i++) {
    // Within an eighth of the chunks either side of the meeting: a quarter of them in all.
    if (Math.abs(i + 0.5 - meet) < n / 8) for (let k = 0; k < MEETING_CUT; k++) sizes.push(1)
    else sizes.push(MEETING_CUT)
  }
  return sizes
}

/**
 * The shares to replay, or undefined to replay on one thread: the caller's first (its first chunk;
 * `more` takes the next one left, until none is), then one for each worker (any chunk it takes, from
 * the last down). They share one plan: the chunks, the claims on them, the workers' parts.
 */
export const sharesOf = (db: Parameters<typeof childStreamCuts>[0], head: bigint, options: ParallelOptions): ReadonlyArray<Share> | undefined => {
  const threads = options.workers ?? Math.min(availableParallelism(), 4)
  if (threads < 2) return undefined
  const balance = options.balance !== false
  // Chunks of about as many events where asked for or where each thread keeps to its own share;
  // else shorter ones where the threads are likely to meet.
  const shape = (n: number) => {
    const count = chunksFor(n, threads, options.chunks)
    return options.chunks !== undefined || !balance ? count : chunkSizes(count, threads)
  }
  const { events, cuts } = childStreamCuts(db, shape, head)
  if (events < (options.minEvents ?? 200_000) || cuts.length === 0) return undefined
  const bounds = ["child-", ...cuts, "child."]
  const chunks = bounds.slice(1).map((to, i) => ({ from: bounds[i]!, to }))
  // The caller's own chunks to begin with: the first (it takes more as it goes), or its share of them.
  const own = balance ? 1 : Math.max(1, Math.floor(chunks.length / threads))
  const plan: SharePlan = { chunks, claims: Claims.of(chunks.length, own), parts: new Map(), absorbed: undefined }
  const more = balance
    ? () => {
        const c = plan.claims.takeFirst()
        return c === undefined ? undefined : chunks[c]
      }
    : undefined
  const caller: Share = { from: "child-", to: chunks[own - 1]!.to, plan, ...(more === undefined ? {} : { more }) }
  const workers = Array.from({ length: threads - 1 }, (): Share => ({ from: chunks[own]?.from ?? "child.", to: "child.", plan }))
  return [caller, ...workers]
}

const WORKER_FILE = new URL("./replayWorker.mjs", import.meta.url)

/** How a worker ended: every chunk it took sent (complete), or stopped (and why). */
export interface ShareOutcome {
  readonly plan: SharePlan
  readonly complete: boolean
  /** Children in the chunks it sent. */
  readonly children: number
  /** The chunk it was replaying when it stopped (undefined: none). */
  readonly stoppedIn: StreamBounds | undefined
  /** Why the worker stopped before the end (undefined: it did not, or the caller stopped it). */
  readonly failure: string | undefined
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Replay chunks in a worker until none is left; their parts wait in their channels (`SharePlan.parts`). Resolves (never rejects) with how it ended. */
const runWorker = (task: WorkerTask, plan: SharePlan, onChildren: (n: number) => void, signal: AbortSignal): Promise<ShareOutcome> =>
  new Promise((resolve) => {
    let worker: Worker
    try {
      const data: WorkerData = { task }
      worker = new Worker(WORKER_FILE, { workerData: data, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })
    } catch (e) {
      // No thread to be had: the caller replays what it would have.
      return resolve({ plan, complete: false, children: 0, stoppedIn: undefined, failure: `no thread could be started: ${messageOf(e)}` })
    }
    let children = 0
    let taken: number | undefined
    let settled = false
    const finish = (failure: string | undefined, complete = false) => {
      if (settled) return
      settled = true
      signal.removeEventListener("abort", abort)
      if (!complete) void worker.terminate()
      resolve({ plan, complete, children, stoppedIn: taken === undefined ? undefined : plan.chunks[taken], failure })
    }
    // The caller failed: nothing will be added (the parts are let go of by `stop`).
    const abort = () => finish(undefined)
    if (signal.aborted) abort()
    else signal.addEventListener("abort", abort)
    worker.on("message", (r: WorkerNotice) => {
      if (settled) {
        if (r.kind === "chunk") r.parts.close()
        return
      }
      if (r.kind === "took") taken = r.chunk
      else if (r.kind === "chunk") {
        plan.parts.set(r.chunk, r.parts)
        taken = undefined
        children += r.children
        onChildren(r.children)
      } else if (r.kind === "done") finish(undefined, true)
      else finish(r.message)
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

/** Start a worker for each of the workers' shares (they run while the caller replays its own). */
export const startWorkers = (
  shares: ReadonlyArray<Share>,
  base: Omit<WorkerTask, "chunks" | "claims">,
  onChildren: (n: number) => void,
  onShareFailed?: (failure: ShareFailure) => void
): SharesInWorkers => {
  const stopped = new AbortController()
  const plan = shares[0]?.plan
  if (plan === undefined) return { outcomes: Promise.resolve([]), stop: () => {} }
  const task: WorkerTask = { ...base, chunks: plan.chunks, claims: plan.claims.buffer }
  const told = (o: ShareOutcome): ShareOutcome => {
    if (o.failure !== undefined) onShareFailed?.({ name: base.name, streams: o.stoppedIn, children: o.children, reason: o.failure })
    return o
  }
  const outcomes = Promise.all(shares.map(() => runWorker(task, plan, onChildren, stopped.signal).then(told)))
  const stop = () => {
    stopped.abort()
    for (const parts of plan.parts.values()) parts.close()
    plan.parts.clear()
  }
  return { outcomes, stop }
}

/** StreamBounds none of the children's lie in: what a stopped worker leaves to replay once its chunks are seen to. */
const NOTHING: StreamBounds = { from: "child.", to: "child." }

/** Add a worker's part to the caller's run. */
const absorbPart = (run: LedgerRun, part: SharePart): void => {
  totalsAbsorbJson(run, part.totals)
  for (const [id, text] of part.groups) groupAbsorbJson(run, id, text)
  for (const x of part.missing) run.missing.add(new MissingParameter(x))
}

/**
 * The workers' chunks (every one after the caller's) added to the caller's run in order, a part at a
 * time (each let go of once added); what is left to replay: from the first chunk no worker sent
 * (its worker stopped, or none took it) to the end, the parts of later chunks let go of, so that
 * everything is added in the order of the chunks.
 */
const absorbChunks = (run: LedgerRun, plan: SharePlan): StreamBounds | undefined => {
  const last = plan.chunks[plan.chunks.length - 1]!
  for (let c = plan.claims.front(); c < plan.chunks.length; c++) {
    const parts = plan.parts.get(c)
    if (parts === undefined) {
      for (const p of plan.parts.values()) p.close()
      plan.parts.clear()
      return { from: plan.chunks[c]!.from, to: last.to }
    }
    for (let m = receiveMessageOnPort(parts); m !== undefined; m = receiveMessageOnPort(parts)) absorbPart(run, m.message as SharePart)
    parts.close()
    plan.parts.delete(c)
  }
  return undefined
}

/**
 * Add what the workers sent, replayed over other children of the same store and setup, to the
 * caller's run, and say what of a worker's share is still to replay: nothing of a worker that
 * finished (undefined); for the first worker that stopped, the chunks from the first one not sent
 * on (everything after it is replayed here too, so that all is added in the order a replay on one
 * thread adds it: stream by stream; the totals' maps, and the texts made from them, come out the
 * same, run after run); an empty range for the others. Called for each worker's outcome, after the
 * caller's own share: the first call adds every chunk the workers sent.
 */
export const absorbShare = (run: LedgerRun, o: ShareOutcome): StreamBounds | undefined => {
  const plan = o.plan
  plan.absorbed ??= { rest: absorbChunks(run, plan), told: false }
  if (o.complete) return undefined
  if (plan.absorbed.told || plan.absorbed.rest === undefined) return NOTHING
  plan.absorbed.told = true
  return plan.absorbed.rest
}
