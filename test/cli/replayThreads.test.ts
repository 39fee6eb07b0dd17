/**
 * What the CLI gives the replay (src/cli/replayThreads.ts): the threads `--threads` asks for, as
 * the edge's parallel options every projection built within the command reads, and a line on
 * standard error, with the reason, for a replay thread that stopped before its share was done.
 */
import { Effect } from "effect"
import { afterEach, describe, expect, it, vi } from "vitest"
import { shareFailureText, withReplayThreads } from "../../src/cli/replayThreads"
import { threadsOption } from "../../src/cli/options"
import { ParallelReplay, type ShareFailure } from "../../src/projection/parallelReplay"

const failure: ShareFailure = {
  name: "national",
  streams: { from: "child-N05", to: "child." },
  children: 75_000,
  reason: "Worker terminated due to reaching memory limit: JS heap out of memory"
}

afterEach(() => vi.restoreAllMocks())

/** The parallel options a projection built here would read from the edge. */
const edge = Effect.gen(function* () {
  return yield* ParallelReplay
})

describe("withReplayThreads", () => {
  it("gives the replay the threads asked for (none: the default), and tells stderr of a failed thread", async () => {
    const written: Array<string> = []
    vi.spyOn(process.stderr, "write").mockImplementation((text) => written.push(String(text)) > 0)
    const seen = await Effect.runPromise(withReplayThreads(edge, 3))
    expect(seen.workers).toBe(3)
    expect((await Effect.runPromise(withReplayThreads(edge, undefined))).workers).toBeUndefined()
    seen.onShareFailed!(failure)
    expect(written).toEqual([`${shareFailureText(failure)}\n`])
  })

  it("outside it, the replay's own defaults: no threads said, no one told", async () => {
    expect(await Effect.runPromise(edge)).toEqual({})
  })
})

describe("shareFailureText", () => {
  it("names the projection, how far the thread got, the reason, and what happens instead", () => {
    expect(shareFailureText(failure)).toBe(
      "national: a replay thread stopped after 75000 of its share's children (Worker terminated due to reaching memory limit: JS heap out of memory); the main thread replays the rest, which takes longer"
    )
  })
})

describe("threadsOption", () => {
  it.each([
    [undefined, undefined],
    ["1", 1],
    ["4", 4],
    ["64", 64]
  ])("%s: %s", (value, threads) => expect(threadsOption(value)).toBe(threads))
  it.each(["0", "65", "-1", "1.5", "2e1", " 2", "two", ""])("refuses '%s'", (value) => expect(() => threadsOption(value)).toThrow(`--threads ${value} is not a number of threads`))
})
