/**
 * The children replayed in worker threads (src/projection/parallelReplay.ts) give the projection a
 * replay on one thread gives, text for text: totals, every group, digest and checkpoint, in
 * chunks and parts or whole, the calling thread taking chunks until none is left or only its own
 * share, as known now or on an instant; the threads as the caller says, else as the edge of the
 * program says (`ParallelReplay`, the CLI's --threads). A worker that fails leaves its chunk, and
 * those after it, to the calling thread (here: a worker that refuses before its first chunk;
 * ./parallelReplayFailures.test.ts for failures after a chunk and what the caller is told). How the
 * threads claim chunks (`Claims`), and where the children's streams are cut (`childStreamCuts`).
 */
import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { buildProjection, type ProjectionSpec, projectionSpecOf, storeFile } from "../../src/projection"
import { Claims } from "../../src/projection/chunkClaims"
import { chunkSizes, type ParallelOptions, ParallelReplay } from "../../src/projection/parallelReplay"
import { type LoadedScenario, loadScenario } from "../../src/scenario/load"
import { childStreamCuts, readSubjects, type SubjectReadOptions } from "../../src/store/sqlite/subjects"
import { buildOn, texts, useParallelStore } from "./parallelStore"

const shared = useParallelStore()

const build = (options: ParallelOptions, s: ProjectionSpec = shared.store().spec) => buildOn(shared.store().temp.path, s, options)

/** The children's streams the store reads within bounds, in order. */
const childStreams = (streams: SubjectReadOptions["streams"]) =>
  Effect.runPromise(
    Effect.scoped(
      Effect.flatMap(storeFile(shared.store().temp.path), (store) =>
        Stream.runCollect(readSubjects(store.db, store.name, { head: BigInt(Number.MAX_SAFE_INTEGER), kinds: ["child"], streams }))
      )
    )
  ).then((subjects) => [...subjects].map((s) => s.stream))

describe("parallel replay", () => {
  it("gives the projection of a replay on one thread, in two or three shares", async () => {
    const one = await build({ workers: 1 })
    expect(one.shares).toBe(1)
    expect(one.p.run.state.children).toBeGreaterThan(40)
    const expected = texts(one.p)
    for (const workers of [2, 3]) {
      const many = await build({ workers, minEvents: 0 })
      expect(many.shares).toBe(workers)
      expect(texts(many.p)).toEqual(expected)
    }
  }, 60_000)

  it("gives the same in parts: a worker sends its totals every few children and starts afresh", async () => {
    const expected = texts((await build({ workers: 1 })).p)
    for (const workers of [2, 3]) {
      const many = await build({ workers, minEvents: 0, partChildren: 4 })
      expect(many.shares).toBe(workers)
      expect(texts(many.p)).toEqual(expected)
    }
  }, 60_000)

  it("gives the same in many chunks, whichever thread takes which: the workers' from the last down, added in order", async () => {
    const expected = texts((await build({ workers: 1 })).p)
    // The calling thread takes chunks until none is left (whether it meets the workers early or late),
    // or only its own share (the workers take the other chunks, each the last one left: chunks added out of order would show).
    for (const options of [{ workers: 2, chunks: 9 }, { workers: 3, chunks: 7, balance: false }, { workers: 2, chunks: 9, balance: false, partChildren: 2 }]) {
      const many = await build({ ...options, minEvents: 0 })
      expect(many.shares).toBe(options.workers)
      expect(texts(many.p)).toEqual(expected)
    }
  }, 60_000)

  it("as known on an instant (--as-of): another key, and the workers replay as known on it too", async () => {
    const s = loadScenario(shared.store().scenarioFile) as LoadedScenario
    // An instant after every event was recorded: the same children, another projection.
    const asOf = projectionSpecOf({ ...s, spec: { ...s.spec, asOf: "2030-01-01T00:00:00Z" } }) as ProjectionSpec
    expect(asOf.key).not.toBe(shared.store().spec.key)
    const one = await build({ workers: 1 }, asOf)
    expect(one.p.run.state.children).toBeGreaterThan(40)
    const many = await build({ workers: 2, minEvents: 0 }, asOf)
    expect(many.shares).toBe(2)
    expect(texts(many.p)).toEqual(texts(one.p))
  }, 60_000)

  it("the over-full group-months are redone after the shares are in", async () => {
    const { p } = await build({ workers: 2, minEvents: 0 })
    expect(p.run.overFullGroupMonths().size).toBeGreaterThan(0)
  }, 60_000)

  it("tells its steps after the caller's own chunks, in order, before the shares are in; on one thread none", async () => {
    const told = (workers: number) => {
      const steps: Array<string> = []
      const options: ParallelOptions = { workers, minEvents: 0, onStep: (step) => steps.push(step), onShares: (n) => steps.push(`${n} shares in`) }
      const program = Effect.scoped(Effect.flatMap(storeFile(shared.store().temp.path), (store) => buildProjection(store, shared.store().spec, options)))
      return Effect.runPromise(program).then(() => steps)
    }
    expect(await told(2)).toEqual(["own chunks replayed", "workers ended", "2 shares in"])
    expect(await told(1)).toEqual(["1 shares in"])
  }, 60_000)

  it("keeps to one thread for a small store, for one worker, and without the scenario file", async () => {
    expect((await build({ workers: 2 })).shares).toBe(1)
    expect((await build({ workers: 1, minEvents: 0 })).shares).toBe(1)
    expect((await build({ workers: 2, minEvents: 0 }, { ...shared.store().spec, scenarioFile: null })).shares).toBe(1)
  }, 60_000)

  it("a share whose worker fails before its first part: this thread replays that share", async () => {
    const one = await build({ workers: 1 })
    // A key the scenario file does not give: every worker refuses, and this thread replays their shares too.
    const other = await build({ workers: 3, minEvents: 0 }, { ...shared.store().spec, key: "another key" })
    expect(other.shares).toBe(1)
    expect(texts(other.p)).toEqual(texts(one.p))
  }, 60_000)
})

describe("threads from the edge of the program (ParallelReplay)", () => {
  /** Shares of a build whose caller says `own`, within an effect whose edge says `edge`. */
  const sharesWith = (own: ParallelOptions, edge: ParallelOptions) => {
    let shares = 0
    const program = Effect.scoped(Effect.flatMap(storeFile(shared.store().temp.path), (store) => buildProjection(store, shared.store().spec, own)))
    return Effect.runPromise(Effect.provideService(program, ParallelReplay, { ...edge, onShares: (n) => (shares = n) })).then(() => shares)
  }
  it("used where the caller says nothing; the caller's own options first", async () => {
    expect(await sharesWith({}, { workers: 3, minEvents: 0 })).toBe(3)
    expect(await sharesWith({ workers: 2 }, { workers: 3, minEvents: 0 })).toBe(2)
    expect(await sharesWith({}, { workers: 1, minEvents: 0 })).toBe(1)
  }, 60_000)
})

describe("a share that grows while it is read", () => {
  it("goes on with the streams `more` gives, in order, until it gives none (an empty range skipped)", async () => {
    const all = await childStreams({ from: "child-", to: "child." })
    const cuts = [all[10]!, all[20]!, all[30]!]
    const next = [{ from: cuts[0]!, to: cuts[0]! }, { from: cuts[0]!, to: cuts[1]! }, { from: cuts[2]!, to: "child." }]
    const read = await childStreams({ from: "child-", to: cuts[0]!, more: () => next.shift() })
    // The first ten, then those from the tenth to the twentieth, then from the thirtieth on: none twice.
    expect(read).toEqual([...all.slice(0, 20), ...all.slice(30)])
    expect(next).toEqual([])
  })
})

describe("claims on the chunks", () => {
  it("the caller's from the first up, the workers' from the last down, each chunk once, until they meet", () => {
    const claims = Claims.of(5, 1)
    expect(claims.front()).toBe(1)
    expect(claims.takeLast()).toBe(4)
    expect(claims.takeFirst()).toBe(1)
    expect(claims.takeLast()).toBe(3)
    expect(claims.takeFirst()).toBe(2)
    expect([claims.takeFirst(), claims.takeLast()]).toEqual([undefined, undefined])
    // Every chunk from the front on was a worker's.
    expect(claims.front()).toBe(3)
    // Another thread's view of the same claims (a worker is given the buffer) sees them all taken.
    expect(new Claims(claims.buffer).takeLast()).toBeUndefined()
  })
  it("all of them the caller's from the start: none left to take", () => {
    const claims = Claims.of(3, 3)
    expect([claims.takeFirst(), claims.takeLast(), claims.front()]).toEqual([undefined, undefined, 3])
    expect(() => Claims.of(2, 3)).toThrow()
  })
})

describe("chunkSizes", () => {
  it("cuts the chunks around where the threads meet in four, the rest as they were", () => {
    // Two threads meet about half way: of 64 chunks, the 16 around the middle (24 to 39) in four.
    const two = chunkSizes(64, 2)
    expect(two).toHaveLength(48 + 64)
    expect(two.reduce((a, b) => a + b, 0)).toBe(64 * 4)
    expect(two.slice(0, 24)).toEqual(Array(24).fill(4))
    expect(two.slice(24, 24 + 64)).toEqual(Array(64).fill(1))
    expect(two.slice(24 + 64)).toEqual(Array(24).fill(4))
    // Three meet about a third of the way in (chunk 21.3): chunks 13 to 28 of 64.
    const three = chunkSizes(64, 3)
    expect(three.slice(0, 13)).toEqual(Array(13).fill(4))
    expect(three.slice(13, 13 + 64)).toEqual(Array(64).fill(1))
    expect(three.slice(13 + 64)).toEqual(Array(35).fill(4))
    // Few chunks: still the ones in the middle.
    expect(chunkSizes(8, 2)).toEqual([4, 4, 4, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4, 4])
  })
})

describe("childStreamCuts", () => {
  it("cuts at stream names, in order, each share about as many events", async () => {
    await Effect.runPromise(
      Effect.scoped(
        Effect.flatMap(storeFile(shared.store().temp.path), (store) =>
          Effect.sync(() => {
            const head = BigInt(Number.MAX_SAFE_INTEGER)
            const { events, cuts } = childStreamCuts(store.db, 3, head)
            expect(cuts).toHaveLength(2)
            expect([...cuts].sort()).toEqual(cuts)
            const streams = store.db
              .prepare("SELECT stream, COUNT(*) AS n FROM events WHERE stream >= 'child-' AND stream < 'child.' GROUP BY stream ORDER BY stream")
              .all() as Array<{ stream: string; n: number }>
            expect(streams.reduce((a, s) => a + s.n, 0)).toBe(events)
            for (const c of cuts) expect(streams.some((s) => s.stream === c)).toBe(true)
            // Each share is within one stream's events of a third.
            const bounds = ["child-", ...cuts, "child."]
            const longest = Math.max(...streams.map((s) => s.n))
            for (let i = 0; i < 3; i++) {
              const n = streams.filter((s) => s.stream >= bounds[i]! && s.stream < bounds[i + 1]!).reduce((a, s) => a + s.n, 0)
              expect(Math.abs(n - events / 3)).toBeLessThanOrEqual(longest)
            }
            // Many shares, as many as the events say (each cut looked for from the one before): each
            // begins where the stream holding its first event by count begins, as one cut looked for alone finds it.
            const many = childStreamCuts(store.db, (n) => Math.floor(n / 20), head)
            expect(many.events).toBe(events)
            expect(many.cuts.length).toBeGreaterThan(5)
            const alone = (k: number, parts: number) =>
              store.db
                .prepare("SELECT stream FROM events WHERE stream >= 'child-' AND stream < 'child.' ORDER BY stream, revision LIMIT 1 OFFSET ?")
                .get(Math.floor((events * k) / parts))!.stream as string
            const parts = Math.floor(events / 20)
            const expected = [...new Set(Array.from({ length: parts - 1 }, (_, i) => alone(i + 1, parts)))]
            expect(many.cuts).toEqual(expected)
            // Shares of relative sizes: a half, then two quarters, each within one stream's events of its size.
            const sized = childStreamCuts(store.db, () => [2, 1, 1], head)
            expect(sized.cuts).toHaveLength(2)
            const sizedBounds = ["child-", ...sized.cuts, "child."]
            ;[events / 2, events / 4, events / 4].forEach((size, i) => {
              const n = streams.filter((s) => s.stream >= sizedBounds[i]! && s.stream < sizedBounds[i + 1]!).reduce((a, s) => a + s.n, 0)
              expect(Math.abs(n - size)).toBeLessThanOrEqual(longest)
            })
            // The cuts of equal sizes are those of as many parts.
            expect(childStreamCuts(store.db, () => [1, 1, 1], head).cuts).toEqual(cuts)
          })
        )
      )
    )
  })
})
