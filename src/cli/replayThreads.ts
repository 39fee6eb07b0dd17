/**
 * The threads that replay the children when a command builds a projection (`--threads`, ADR 0012),
 * and what the user is told when one of them stops before its share is done: the main thread then
 * replays the rest, and the user waits longer, so stderr says why (as it says how each projection
 * was brought up to date; stdout's document is the same).
 */
import { Effect } from "effect"
import { ParallelReplay, type ShareFailure } from "../projection/parallelReplay"

/** One line on a replay thread that stopped early. */
export const shareFailureText = (f: ShareFailure): string =>
  `${f.name}: a replay thread stopped after ${f.children} of its share's children (${f.reason}); the main thread replays the rest, which takes longer`

/** `program` with its projections built on at most `threads` threads (undefined: the default), telling stderr of a thread that stops early. */
export const withReplayThreads = <A, Err, R>(program: Effect.Effect<A, Err, R>, threads: number | undefined): Effect.Effect<A, Err, R> =>
  Effect.provideService(program, ParallelReplay, { workers: threads, onShareFailed: (f) => void process.stderr.write(`${shareFailureText(f)}\n`) })
