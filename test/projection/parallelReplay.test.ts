/**
 * The children replayed in worker threads (src/projection/parallelReplay.ts) give the projection a
 * replay on one thread gives, text for text: totals, every group, digest and checkpoint, in
 * parts or whole, as known now or on an instant; the threads as the caller says, else as the edge
 * of the program says (`ParallelReplay`, the CLI's --threads). A worker that fails has its parts so
 * far kept and the calling thread replays the rest of its share (here: a worker that refuses before
 * its first part; `remainderOf` for what is left after one; ./parallelReplayFailures.test.ts for
 * failures after the first part and what the caller is told).
 */
import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { buildProjection, type ProjectionSpec, projectionSpecOf, storeFile } from "../../src/projection"
import { type ParallelOptions, ParallelReplay, remainderOf } from "../../src/projection/parallelReplay"
import { type LoadedScenario, loadScenario } from "../../src/scenario/load"
import { childStreamCuts, readSubjects } from "../../src/store/sqlite/subjects"
import { buildOn, texts, useParallelStore } from "./parallelStore"

const shared = useParallelStore()

const build = (options: ParallelOptions, s: ProjectionSpec = shared.store().spec) => buildOn(shared.store().temp.path, s, options)

/** The children's streams the store reads within bounds, in order. */
const childStreams = (streams: { readonly from: string; readonly to: string }) =>
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

describe("what is left of a share", () => {
  const streams = { from: "child-", to: "child." }
  it("nothing of a share its worker finished; all of one it sent nothing of; else the streams after its last part", async () => {
    const all = await childStreams(streams)
    const last = all[Math.floor(all.length / 2)]!
    expect(remainderOf({ streams, complete: true, last })).toBeUndefined()
    expect(remainderOf({ streams, complete: false, last: undefined })).toEqual(streams)
    // Read from what is left, the store gives exactly the children's streams after the last one, none of it again.
    const after = await childStreams(remainderOf({ streams, complete: false, last })!)
    expect(after).toEqual(all.slice(all.indexOf(last) + 1))
    expect(after.length).toBeGreaterThan(10)
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
          })
        )
      )
    )
  })
})
