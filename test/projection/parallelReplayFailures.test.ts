/**
 * A worker of a parallel replay that stops before its share is done (src/projection/parallelReplay.ts):
 * the caller is told why (`onShareFailed`, before it replays the rest; the outcome carries the
 * reason), adds the parts it sent and replays the rest of the share itself, so the result is a one-thread
 * replay's: the same failure for a corrupt event, the same texts where the rest reads well. And what
 * a worker's parts carry: the groups their children touched without facts, each missing parameter
 * once; the caller takes them out of their channel as it adds them.
 */
import { DatabaseSync } from "node:sqlite"
import { receiveMessageOnPort } from "node:worker_threads"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { LedgerRun } from "../../src/projection/ledgerRun"
import { absorbShare, type ParallelOptions, type ShareFailure, type ShareOutcome, type SharePart, startWorkers, type WorkerTask } from "../../src/projection/parallelReplay"
import { childStreamCuts } from "../../src/store/sqlite/subjects"
import { buildOn, failureOn, texts, useParallelStore } from "./parallelStore"

const HEAD = BigInt(Number.MAX_SAFE_INTEGER)
/** Rows a read of the store takes at a time (src/store/sqlite/subjects.ts): a corrupt row fails its whole page. */
const PAGE = 5_000

describe("a worker that fails after its first part", () => {
  // Enough children that the second share (of two) reads more than a page: the damage goes in its second page.
  const big = useParallelStore(2026, 3_000, 120_000)
  /** Children a worker sends a part of. */
  const part = 100

  /** A copy of the store with an event in the second page of the second share damaged; how to mend it again. */
  const damagedCopy = (name: string) => {
    const path = join(big.store().temp.dir, `${name}.sqlite`)
    const db = new DatabaseSync(big.store().temp.path)
    db.exec(`VACUUM INTO '${path}'`)
    const [cut] = childStreamCuts(db, 2, HEAD).cuts
    db.close()
    const copy = new DatabaseSync(path)
    const row = copy
      .prepare("SELECT position, data FROM events WHERE stream >= ? AND stream < 'child.' ORDER BY stream, revision LIMIT 1 OFFSET ?")
      .get(cut!, PAGE + 100) as { position: number; data: string } | undefined
    expect(row).toBeDefined()
    copy.prepare("UPDATE events SET data = ? WHERE position = ?").run('{"placementId": garb', row!.position)
    copy.close()
    const mend = () => {
      const db = new DatabaseSync(path)
      db.prepare("UPDATE events SET data = ? WHERE position = ?").run(row!.data, row!.position)
      db.close()
    }
    return { path, position: BigInt(row!.position), streamsFrom: cut!, mend }
  }

  /** How building the projection of the store at `path` failed. */
  const failureOf = (path: string, options: ParallelOptions) => failureOn(path, big.store().spec, options)

  it("a corrupt event: the caller is told why, replays the rest and fails as one thread does", async () => {
    const damaged = damagedCopy("corrupt")
    const one = await failureOf(damaged.path, { workers: 1 })
    expect(one).toMatchObject({ _tag: "CorruptEvent", position: damaged.position })
    const told: Array<ShareFailure> = []
    const many = await failureOf(damaged.path, { workers: 2, minEvents: 0, partChildren: part, onShareFailed: (f) => told.push(f) })
    expect(many).toEqual(one)
    expect(told).toHaveLength(1)
    expect(told[0]!).toMatchObject({ name: big.store().spec.name, streams: { from: damaged.streamsFrom, to: "child." } })
    // It failed after its first parts (those of the first page), for the reason the caller then met itself.
    expect(told[0]!.children).toBeGreaterThanOrEqual(5 * part)
    expect(told[0]!.children % part).toBe(0)
    expect(told[0]!.reason).toContain(one.message)
  }, 120_000)

  it("the rest read well (mended when the caller is told): its parts and the rest give one thread's texts", async () => {
    const damaged = damagedCopy("mended")
    const one = await buildOn(big.store().temp.path, big.store().spec, { workers: 1 })
    const told: Array<ShareFailure> = []
    const onShareFailed = (f: ShareFailure) => {
      told.push(f)
      damaged.mend()
    }
    const many = await buildOn(damaged.path, big.store().spec, { workers: 2, minEvents: 0, partChildren: part, onShareFailed })
    expect(told).toHaveLength(1)
    expect(told[0]!.children).toBeGreaterThanOrEqual(5 * part)
    expect(told[0]!.reason).toMatch(/not valid JSON/)
    // The worker's share was not done in the worker: one share in all.
    expect(many.shares).toBe(1)
    expect(texts(many.p)).toEqual(texts(one.p))
  }, 120_000)
})

const shared = useParallelStore()

/** Children a worker sends a part of, in the small store. */
const PART = 4

/** The task of one worker over all the children of the test store. */
const task = (more: Partial<Omit<WorkerTask, "streams">> = {}): Omit<WorkerTask, "streams"> => ({
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

const outcomeOf = async (base: Omit<WorkerTask, "streams">) => {
  const told: Array<ShareFailure> = []
  const [outcome] = await startWorkers([ALL], base, () => {}, (f) => told.push(f)).outcomes
  return { outcome: outcome as ShareOutcome, told }
}

/** The parts an outcome holds, taken out of their channel. */
const partsOf = (o: ShareOutcome): Array<SharePart> => {
  const out: Array<SharePart> = []
  for (let m = receiveMessageOnPort(o.parts!); m !== undefined; m = receiveMessageOnPort(o.parts!)) out.push(m.message as SharePart)
  o.parts!.close()
  return out
}

describe("what a worker sends", () => {
  it("a failure's message: carried in the outcome and told, with the share and how far it got", async () => {
    const { outcome, told } = await outcomeOf(task({ key: "another key" }))
    expect(outcome.complete).toBe(false)
    expect(outcome.failure).toBe(`${shared.store().scenarioFile} changed since the replay began`)
    expect(told).toEqual([{ name: shared.store().spec.name, streams: ALL, children: 0, reason: outcome.failure }])
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

  it("added to a run, the parts are taken out of their channel: none is left, and nothing of the share", async () => {
    const { outcome } = await outcomeOf(task())
    const run = new LedgerRun(shared.store().spec.setup)
    expect(absorbShare(run, outcome)).toBeUndefined()
    expect(run.state.children).toBe(outcome.children)
    expect(run.state.children).toBeGreaterThan(40)
    expect(receiveMessageOnPort(outcome.parts!)).toBeUndefined()
  }, 60_000)
})

describe("missing parameters (2025: KOT bands not confirmed)", () => {
  const y2025Store = useParallelStore(2025)

  it("each sent once, in the part that first found it; the build fails naming them as on one thread", async () => {
    const y2025 = y2025Store.store()
    const [outcome] = await startWorkers([ALL], task({ file: y2025.temp.path, scenarioFile: y2025.scenarioFile, name: y2025.spec.name, key: y2025.spec.key }), () => {}).outcomes
    const parts = partsOf(outcome!)
    const missing = parts.flatMap((p) => p.missing.map((m) => `${m.path}|${m.detail}`))
    expect(missing.length).toBeGreaterThan(1)
    expect(new Set(missing).size).toBe(missing.length)
    // Later parts meet parameters missing again that an earlier part sent: they are not sent twice.
    expect(parts.slice(1).some((p) => p.missing.length === 0)).toBe(true)
    const one = await failureOn(y2025.temp.path, y2025.spec, { workers: 1 })
    expect(one._tag).toBe("MissingParameters")
    expect(await failureOn(y2025.temp.path, y2025.spec, { workers: 3, minEvents: 0, partChildren: PART })).toEqual(one)
  }, 60_000)
})
