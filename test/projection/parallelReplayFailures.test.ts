/**
 * A worker of a parallel replay that stops before the chunks are all replayed
 * (src/projection/parallelReplay.ts): the caller is told why (`onShareFailed`, before it replays the
 * rest; the outcome carries the reason and the chunk it stopped in), adds the chunks sent before it
 * and replays the rest itself, from that chunk on, so the result is a one-thread replay's: the same
 * failure for a corrupt event, the same texts where the rest reads well. And what a worker's parts
 * carry: the groups their children touched without facts, each missing parameter the part met, once;
 * the caller takes them out of their channels as it adds them.
 */
import { DatabaseSync } from "node:sqlite"
import { receiveMessageOnPort } from "node:worker_threads"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { LedgerRun } from "../../src/projection/ledgerRun"
import { Claims } from "../../src/projection/chunkClaims"
import {
  absorbShare,
  type ParallelOptions,
  type Share,
  type ShareFailure,
  type ShareOutcome,
  type SharePart,
  startWorkers,
  type WorkerTask
} from "../../src/projection/parallelReplay"
import { childStreamCuts } from "../../src/store/sqlite/subjects"
import { buildOn, failureOn, texts, useParallelStore } from "./parallelStore"

const HEAD = BigInt(Number.MAX_SAFE_INTEGER)

describe("a worker that fails after its first chunk", () => {
  // Enough children that the last chunk (of three) is sent in several parts before the worker meets the damage in the middle one.
  const big = useParallelStore(2026, 3_000, 120_000)
  /** Children a worker sends a part of. */
  const part = 100
  /** Three chunks; the caller replays the first and no more, the worker the last, then the middle one. */
  const chunks: ParallelOptions = { workers: 2, minEvents: 0, partChildren: part, chunks: 3, balance: false }

  /** A copy of the store with an event of the middle chunk damaged; how to mend it again. */
  const damagedCopy = (name: string) => {
    const path = join(big.store().temp.dir, `${name}.sqlite`)
    const db = new DatabaseSync(big.store().temp.path)
    db.exec(`VACUUM INTO '${path}'`)
    const { cuts } = childStreamCuts(db, 3, HEAD)
    const lastChildren = db.prepare("SELECT COUNT(DISTINCT stream) AS n FROM events WHERE stream >= ? AND stream < 'child.'").get(cuts[1]!)!.n as number
    db.close()
    const copy = new DatabaseSync(path)
    const row = copy
      .prepare("SELECT position, stream, data FROM events WHERE stream >= ? AND stream < 'child.' ORDER BY stream, revision LIMIT 1 OFFSET ?")
      .get(cuts[0]!, 100) as { position: number; stream: string; data: string } | undefined
    expect(row).toBeDefined()
    expect(row!.stream < cuts[1]!).toBe(true)
    copy.prepare("UPDATE events SET data = ? WHERE position = ?").run('{"placementId": garb', row!.position)
    copy.close()
    const mend = () => {
      const db = new DatabaseSync(path)
      db.prepare("UPDATE events SET data = ? WHERE position = ?").run(row!.data, row!.position)
      db.close()
    }
    return { path, position: BigInt(row!.position), middle: { from: cuts[0]!, to: cuts[1]! }, lastChildren, mend }
  }

  /** How building the projection of the store at `path` failed. */
  const failureOf = (path: string, options: ParallelOptions) => failureOn(path, big.store().spec, options)

  it("a corrupt event: the caller is told why and where, replays the rest and fails as one thread does", async () => {
    const damaged = damagedCopy("corrupt")
    const one = await failureOf(damaged.path, { workers: 1 })
    expect(one).toMatchObject({ _tag: "CorruptEvent", position: damaged.position })
    const told: Array<ShareFailure> = []
    const many = await failureOf(damaged.path, { ...chunks, onShareFailed: (f) => told.push(f) })
    expect(many).toEqual(one)
    expect(told).toHaveLength(1)
    // It stopped in the middle chunk, having sent the last one (the children of its parts).
    expect(told[0]!).toMatchObject({ name: big.store().spec.name, streams: damaged.middle, children: damaged.lastChildren })
    expect(damaged.lastChildren).toBeGreaterThan(5 * part)
    expect(told[0]!.reason).toContain(one.message)
  }, 120_000)

  it("the rest read well (mended when the caller is told): the chunks from the one it stopped in replayed here give one thread's texts", async () => {
    const damaged = damagedCopy("mended")
    const one = await buildOn(big.store().temp.path, big.store().spec, { workers: 1 })
    const told: Array<ShareFailure> = []
    const onShareFailed = (f: ShareFailure) => {
      told.push(f)
      damaged.mend()
    }
    const many = await buildOn(damaged.path, big.store().spec, { ...chunks, onShareFailed })
    expect(told).toHaveLength(1)
    expect(told[0]!.children).toBe(damaged.lastChildren)
    expect(told[0]!.reason).toMatch(/not valid JSON/)
    // The worker's chunks were not all done in the worker: one share in all.
    expect(many.shares).toBe(1)
    expect(texts(many.p)).toEqual(texts(one.p))
  }, 120_000)
})

const shared = useParallelStore()

/** Children a worker sends a part of, in the small store. */
const PART = 4

/** What one worker is told of its task (the chunks and claims are the plan's). */
const task = (more: Partial<Omit<WorkerTask, "chunks" | "claims">> = {}): Omit<WorkerTask, "chunks" | "claims"> => ({
  file: shared.store().temp.path,
  scenarioFile: shared.store().scenarioFile,
  name: shared.store().spec.name,
  key: shared.store().spec.key,
  asOf: undefined,
  head: HEAD.toString(),
  digest: true,
  partChildren: PART,
  ...more
})
const ALL = { from: "child-", to: "child." }

/** One worker's share of all the children in one chunk, none of them the caller's. */
const wholeShare = (): Share => ({ ...ALL, plan: { chunks: [ALL], claims: Claims.of(1, 0), parts: new Map(), absorbed: undefined } })

const outcomeOf = async (base: Omit<WorkerTask, "chunks" | "claims">) => {
  const told: Array<ShareFailure> = []
  const [outcome] = await startWorkers([wholeShare()], base, () => {}, (f) => told.push(f)).outcomes
  return { outcome: outcome as ShareOutcome, told }
}

/** The parts an outcome's chunks hold, in the chunks' order, taken out of their channels. */
const partsOf = (o: ShareOutcome): Array<SharePart> => {
  const out: Array<SharePart> = []
  for (const [, parts] of [...o.plan.parts].sort(([a], [b]) => a - b)) {
    for (let m = receiveMessageOnPort(parts); m !== undefined; m = receiveMessageOnPort(parts)) out.push(m.message as SharePart)
    parts.close()
  }
  o.plan.parts.clear()
  return out
}

describe("what a worker sends", () => {
  it("a failure's message: carried in the outcome and told, with how far it got (no chunk taken yet)", async () => {
    const { outcome, told } = await outcomeOf(task({ key: "another key" }))
    expect(outcome.complete).toBe(false)
    expect(outcome.failure).toBe(`${shared.store().scenarioFile} changed since the replay began`)
    expect(told).toEqual([{ name: shared.store().spec.name, streams: undefined, children: 0, reason: outcome.failure }])
  }, 60_000)

  it("a worker that finishes is told of no failure", async () => {
    const { outcome, told } = await outcomeOf(task())
    expect(outcome).toMatchObject({ complete: true, failure: undefined })
    expect(told).toEqual([])
  }, 60_000)

  it("parts: the groups their children touched, without facts", async () => {
    const parts = partsOf((await outcomeOf(task())).outcome)
    expect(parts.length).toBeGreaterThan(3)
    for (const part of parts)
      for (const [, text] of part.groups) {
        expect(JSON.parse(text)).toMatchObject({ facts: null, lines: [], violations: [] })
        // Every group sent has children of this part.
        expect((JSON.parse(text) as { children: Array<unknown> }).children.length).toBeGreaterThan(0)
      }
  }, 60_000)

  it("added to a run, the parts are taken out of their channels: none is left, and nothing of the share", async () => {
    const { outcome } = await outcomeOf(task())
    const parts = outcome.plan.parts.get(0)!
    const run = new LedgerRun(shared.store().spec.setup)
    expect(absorbShare(run, outcome)).toBeUndefined()
    expect(run.state.children).toBe(outcome.children)
    expect(run.state.children).toBeGreaterThan(40)
    expect(outcome.plan.parts.size).toBe(0)
    expect(receiveMessageOnPort(parts)).toBeUndefined()
  }, 60_000)
})

describe("missing parameters (2025: KOT bands not confirmed)", () => {
  const y2025Store = useParallelStore(2025)

  it("each sent once in a part that met it, again in a later part that met it too; the build fails naming them as on one thread", async () => {
    const y2025 = y2025Store.store()
    const [outcome] = await startWorkers([wholeShare()], task({ file: y2025.temp.path, scenarioFile: y2025.scenarioFile, name: y2025.spec.name, key: y2025.spec.key }), () => {})
      .outcomes
    const parts = partsOf(outcome!)
    const keys = (p: SharePart) => p.missing.map((m) => `${m.path}|${m.detail}`)
    for (const p of parts) expect(new Set(keys(p)).size).toBe(keys(p).length)
    // Later parts meet parameters missing again that an earlier part sent, and send them too: a part
    // may be added before the one that met them first (chunks are taken from the last down).
    const first = new Set(keys(parts[0]!))
    expect(first.size).toBeGreaterThan(0)
    expect(parts.slice(1).some((p) => keys(p).some((k) => first.has(k)))).toBe(true)
    const one = await failureOn(y2025.temp.path, y2025.spec, { workers: 1 })
    expect(one._tag).toBe("MissingParameters")
    // Added to a run, the parts give the parameters missing as one thread meets them (each at its first meeting).
    const again = await startWorkers([wholeShare()], task({ file: y2025.temp.path, scenarioFile: y2025.scenarioFile, name: y2025.spec.name, key: y2025.spec.key }), () => {})
      .outcomes
    const run = new LedgerRun(y2025.spec.setup)
    absorbShare(run, again[0]!)
    expect(run.missing.all).toEqual((one as { missing: ReadonlyArray<unknown> }).missing)
    // Workers that take the chunks from the last down (the caller keeps to its first): the first meeting of each, as on one thread.
    expect(await failureOn(y2025.temp.path, y2025.spec, { workers: 3, minEvents: 0, partChildren: PART, chunks: 6, balance: false })).toEqual(one)
    expect(await failureOn(y2025.temp.path, y2025.spec, { workers: 3, minEvents: 0, partChildren: PART })).toEqual(one)
  }, 60_000)
})
