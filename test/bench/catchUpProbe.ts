/**
 * A rig for (d)'s catch-up on the national store (docs/benchmarks.md): a fresh copy of a base store
 * that holds the national projection (./catchUpBase.ts), the benchmark's 1,000 events appended as
 * `profile.ts` appends them, then the projection loaded and caught up, timed. Unlike the benchmark,
 * the projection is loaded, not left over from a replay in the same process (a smaller heap; its
 * groups' infos are worked out before the timing, as a replay leaves them).
 *
 *   node --expose-gc --max-old-space-size=1024 --import tsx test/bench/catchUpProbe.ts BASE WORKDIR [REPS]
 *
 * The events are made once from BASE and kept in WORKDIR/events.json (the same events every run;
 * the quick spec's with QUICK=1, for a base made from the quick national store).
 * REPS - 1 catch-ups without the write, each from a fresh load, then one with it. With REFERENCE=
 * a store whose projection was rebuilt with the events (./catchUpBase.ts BASE_COPY events.json), the
 * caught-up projection's rows are compared with the rebuild's.
 */
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { DatabaseSync } from "node:sqlite"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Effect } from "effect"
import type { EventEnvelope } from "../../src/events"
import { catchUpProjection as current, loadProjection, projectionSpecOf, storeFile } from "../../src/projection"
import { tuneHeap } from "../../src/cli/heap"
import { loadScenario, type LoadedScenario } from "../../src/scenario/load"
import { FULL, QUICK } from "./config"
import { incrementalEvents } from "./incremental"
import * as phase from "./phases"

const HERE = dirname(fileURLToPath(import.meta.url))
// As the CLI starts (src/cli/heap.ts).
tuneHeap()
const [base, dir, repsText = "3"] = process.argv.slice(2)
if (base === undefined || dir === undefined) throw new Error("usage: catchUpProbe.ts BASE WORKDIR [REPS]")
// SCENARIO=file for a bundled probe (a profile with function names), which sits elsewhere.
const s = loadScenario(process.env.SCENARIO ?? join(HERE, "scenarios", "national.yaml")) as LoadedScenario
const spec = projectionSpecOf(s)
if ("_tag" in spec) throw new Error(spec.message)
const say = (line: string) => process.stdout.write(`${line}\n`)

const eventsOf = (): ReadonlyArray<EventEnvelope> => {
  const file = join(dir, "events.json")
  if (!existsSync(file)) {
    const db = new DatabaseSync(base, { readOnly: true })
    writeFileSync(file, JSON.stringify(incrementalEvents(db, (process.env.QUICK === undefined ? FULL : QUICK).national, 1_000)))
    db.close()
  }
  return JSON.parse(readFileSync(file, "utf8")) as ReadonlyArray<EventEnvelope>
}

const sorted = (rows: ReadonlyArray<readonly [string, unknown]>) => [...rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))

/** A projection's totals text, with the order of its violations' entries set aside (a catch-up inserts in another order). */
const totalsOf = (db: DatabaseSync, schema: string): string => {
  const t = JSON.parse((db.prepare(`SELECT totals FROM ${schema}.projections WHERE name = ?`).get(spec.name) as { totals: string }).totals)
  t.childViolations = sorted(t.childViolations)
  return JSON.stringify(t)
}

/** A group's text, with the order of its children set aside. */
const groupOf = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined
  const g = JSON.parse(text)
  g.children = sorted(g.children)
  return JSON.stringify(g)
}

/** A digest of the projection in a store (the same projection, the same digest). */
const digestOf = (file: string): string => {
  const db = new DatabaseSync(file, { readOnly: true })
  const h = createHash("sha256").update(totalsOf(db, "main"))
  for (const r of db.prepare("SELECT group_id, state FROM projection_groups WHERE name = ? ORDER BY group_id").all(spec.name))
    h.update(`${r.group_id as string}\n${groupOf(r.state as string)}\n`)
  db.close()
  return h.digest("hex").slice(0, 16)
}

/** The caught-up projection against a rebuild's: the groups whose texts differ (as text first, then with order set aside). */
const against = (file: string, reference: string): string => {
  const db = new DatabaseSync(file, { readOnly: true })
  db.exec(`ATTACH '${reference.replaceAll("'", "''")}' AS ref`)
  const totals = totalsOf(db, "main") === totalsOf(db, "ref") ? "equal" : "DIFFER"
  const candidates = db
    .prepare(
      `SELECT coalesce(a.group_id, b.group_id) AS id, a.state AS mine, b.state AS theirs FROM projection_groups a
       FULL JOIN ref.projection_groups b ON a.name = b.name AND a.group_id = b.group_id
       WHERE coalesce(a.name, b.name) = ? AND a.state IS NOT b.state`
    )
    .all(spec.name)
  const differ = candidates.filter((r) => groupOf(r.mine as string | undefined) !== groupOf(r.theirs as string | undefined)).map((r) => r.id as string)
  db.close()
  return `totals ${totals}, groups ${differ.length === 0 ? "equal" : `${differ.length} DIFFER, e.g. ${differ.slice(0, 3).join(" ")}`}`
}

const main = async () => {
  // CATCH_UP=file.ts: time another catch-up (say, the code as it was before a change) in the same rig.
  // AB=file.ts: alternate that catch-up with this one, rep by rep, and give both medians.
  const other: typeof current | undefined = process.env.AB === undefined ? undefined : (await import(process.env.AB)).catchUpProjection
  const mine: typeof current = process.env.CATCH_UP === undefined ? current : (await import(process.env.CATCH_UP)).catchUpProjection
  const events = eventsOf()
  const work = join(dir, "probe.sqlite")
  for (const f of [work, `${work}-wal`, `${work}-shm`]) if (existsSync(f)) execFileSync("rm", [f])
  execFileSync("cp", [base, work])
  execFileSync("sync")
  const d1 = await phase.timed(() => phase.append(work, events))
  say(`append ${events.length} events: ${d1.ms.toFixed(0)} ms`)
  const reps = Number(repsText)
  const times: Array<string> = []
  const ab = { this: [] as Array<number>, other: [] as Array<number>, thisCpu: [] as Array<number>, otherCpu: [] as Array<number> }
  for (let rep = 1; rep <= reps; rep++) {
    const save = rep === reps
    const isOther = other !== undefined && rep % 2 === 0
    const catchUpProjection = isOther ? other : mine
    const p = await Effect.runPromise(Effect.scoped(Effect.flatMap(storeFile(work), (store) => loadProjection(store, spec))))
    if (p === undefined) throw new Error("no projection in the base store")
    // The groups as the rules see them: a run that has replayed has them already; a loaded one works
    // them out when first asked (all 45,000 groups), which (d) in the benchmark does not pay.
    p.run.groupInfos()
    const d2 = await phase.timed(() => Effect.runPromise(Effect.scoped(Effect.flatMap(storeFile(work), (store) => catchUpProjection(store, p, { save })))))
    const r = d2.value
    say(`catch-up${save ? " + write" : ""}: ${d2.ms.toFixed(0)} ms (cpu ${d2.cpuMs.toFixed(0)}; ${r.events} events, ${r.children} children, ${r.touchedGroups.size} groups)`)
    times.push(d2.ms.toFixed(0))
    // The first of each is cold (code not yet optimised), the last writes: neither is in the medians.
    if (rep > 2 && !save) {
      ;(isOther ? ab.other : ab.this).push(d2.ms)
      ;(isOther ? ab.otherCpu : ab.thisCpu).push(d2.cpuMs)
    }
  }
  say(`times: ${times.join(" ")}`)
  const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]?.toFixed(0)
  if (other !== undefined)
    say(`medians (wall, cpu): this ${median(ab.this)}, ${median(ab.thisCpu)} (n=${ab.this.length}); other ${median(ab.other)}, ${median(ab.otherCpu)} (n=${ab.other.length})`)
  say(`result digest ${digestOf(work)}`)
  const reference = process.env.REFERENCE
  if (reference !== undefined) say(`versus the rebuild: ${against(work, reference)}`)
}
main()
