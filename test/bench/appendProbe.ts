/**
 * A rig for (d)'s append on the national store (docs/benchmarks.md, twelfth round): the benchmark's
 * 1,000 events appended to a copy of a store step by step, as `appendBatches`
 * (src/store/sqlite/append.ts) appends them, with each step timed: open, validation (each batch in
 * its stored form), the streams' revisions and first ids looked up, the inserts, the commit, a
 * checkpoint by hand, the close. It changes the store: give it a fresh copy each run.
 *
 *   node --import tsx test/bench/appendProbe.ts COPY_OF_STORE EVENTS.json
 *
 * The events are made from the store once and kept in EVENTS.json (the full spec's; the same events
 * every run, the same as ./catchUpProbe.ts appends). CKPT=n sets SQLite's automatic checkpoint
 * (`PRAGMA wal_autocheckpoint`, pages; the store's default is SQLite's, 1,000), so the commit and
 * the checkpoint can be timed apart; MMAP=bytes reads the file through mmap (`PRAGMA mmap_size`).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { DatabaseSync } from "node:sqlite"
import { Result } from "effect"
import type { EventEnvelope } from "../../src/events"
import { ExpectedRevision } from "../../src/store/EventStore"
import { planAppend, validateBatch } from "../../src/store/appendPlan"
import { locate } from "../../src/store/sqlite/append"
import { openDatabase } from "../../src/store/sqlite/open"
import { lastRevisionOf, prepareStatements } from "../../src/store/sqlite/statements"
import { toStoredRow } from "../../src/store/storedRow"
import { byStream, chronological } from "./append"
import { FULL } from "./config"
import { incrementalEvents } from "./incremental"

const [file, eventsFile] = process.argv.slice(2)
if (file === undefined || eventsFile === undefined) throw new Error("usage: appendProbe.ts COPY_OF_STORE EVENTS.json")
if (!existsSync(eventsFile)) {
  const db = new DatabaseSync(file, { readOnly: true })
  writeFileSync(eventsFile, JSON.stringify(incrementalEvents(db, FULL.national, 1_000)))
  db.close()
}
const events = JSON.parse(readFileSync(eventsFile, "utf8")) as ReadonlyArray<EventEnvelope>
// As ./append.ts batches them: by valid time, each stream's events one batch.
const batches = byStream(chronological(events))

const steps: Array<string> = []
let at = performance.now()
const step = (name: string) => {
  const now = performance.now()
  steps.push(`${name} ${(now - at).toFixed(1)} ms`)
  at = now
}

const db = openDatabase(file)
if (process.env.MMAP !== undefined) db.exec(`PRAGMA mmap_size = ${Number(process.env.MMAP)}`)
if (process.env.CKPT !== undefined) db.exec(`PRAGMA wal_autocheckpoint = ${Number(process.env.CKPT)}`)
const st = prepareStatements(db)
step("open")
const forms = [...batches].map(([stream, batch]) => {
  const valid = validateBatch(stream, batch)
  if (Result.isFailure(valid)) throw new Error(`${stream}: ${valid.failure._tag}`)
  return valid.success
})
step("validate")
st.begin.run()
const firstRevisions = [...batches].map(([stream, batch]) => {
  const plan = planAppend(stream, batch, ExpectedRevision.any, lastRevisionOf(st, stream), locate(st))
  if (Result.isFailure(plan) || plan.success._tag !== "Write") throw new Error(`${stream}: not a fresh batch`)
  return plan.success.firstRevision
})
step("look up")
;[...batches.values()].forEach((batch, b) =>
  batch.forEach((e, i) => {
    const row = toStoredRow(e, firstRevisions[b]! + i, forms[b]![i]!)
    st.insert.run(row.event_id, row.stream, row.revision, row.type, row.schema_version, row.valid_time, row.recorded_time, row.recorded_key, row.data, row.metadata)
  })
)
step("insert")
st.commit.run()
step("commit")
const log = db.prepare("PRAGMA wal_checkpoint(PASSIVE)").get() as { log: number; checkpointed: number }
step("checkpoint")
db.close()
step("close")
process.stdout.write(`${steps.join(", ")}; write-ahead log ${log.log} pages, ${log.checkpointed} of them written back into the file\n`)
