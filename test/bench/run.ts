/**
 * `npm run bench [-- --quick] [-- --keep]`: geldstroom at national scale on one machine
 * (docs/benchmarks.md). Generates (or reuses) the stores, then times
 *
 *   (a) the read floor, (b) the replay of the whole population, (c) a municipal comparison of two
 *   scenarios, (d) incremental work,
 *
 * and ends with one line:
 *
 *   bench: replay/read ratio R, peak RSS M MiB, municipal compare C ms, incremental I ms, E events/s
 *
 * R = (b) / (a); M = the peak resident memory over all measured phases (they run as their own
 * processes, ./phaseRunner.ts, with a capped heap; the generator runs as its own process and reports
 * its own); C = (c) with warm projections; I = (d), appending the events and bringing the ledger up to
 * date; E = events per second of (b). After (d) the next day's events are appended and caught up in the
 * same process, then the day after's, a tenth as many, each on a line of its own and not in I: what an
 * update costs once the catch-up's code has run (a resident process's update, as the terminal app's
 * would be), and how its time goes with its size.
 */
import { spawnSync } from "node:child_process"
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { cpus, tmpdir, totalmem } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { type BenchConfig, FULL, QUICK, type StoreSpec } from "./config"
import { type Generated, generatedStore, storeFingerprint } from "./generate"
import type { MunicipalResult, NationalResult, PhaseTime, Update } from "./phaseRunner"

const HERE = dirname(fileURLToPath(import.meta.url))
const args = new Set(process.argv.slice(2))
const quick = args.has("--quick")
const keep = args.has("--keep")
const config: BenchConfig = quick ? QUICK : FULL
const dir = join(tmpdir(), "geldstroom-bench")

const say = (line: string) => process.stdout.write(`${line}\n`)
const rssMiB = () => process.resourceUsage().maxRSS / 1024

/** The generated store for a spec: reused when one of the same fingerprint is complete, else generated now. */
const pristineStore = (spec: StoreSpec): { file: string; generated: Generated; reused: boolean } => {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const fingerprint = storeFingerprint(spec)
  const file = join(dir, `${spec.name}-${fingerprint}.sqlite`)
  // Stores of the same name but another fingerprint are stale: remove them.
  for (const f of readdirSync(dir)) if (f.startsWith(`${spec.name}-`) && !f.startsWith(`${spec.name}-${fingerprint}`)) rmSync(join(dir, f), { force: true })
  const kept = generatedStore(file, fingerprint)
  if (kept !== undefined) return { file, generated: kept, reused: true }
  const children = spec.regions.reduce((n, r) => n + r.population.children.atStart + Math.round(r.population.children.inflowPerMonth * 12), 0)
  say(`generating ${spec.name}: ${children} children in ${spec.regions.length} region(s), into ${file}`)
  const specFile = `${file}.spec.json`
  writeFileSync(specFile, JSON.stringify(spec))
  const r = spawnSync(process.execPath, ["--import", "tsx", join(HERE, "generate.ts"), specFile, file], { stdio: "inherit", cwd: resolve(HERE, "../..") })
  rmSync(specFile, { force: true })
  const made = generatedStore(file, fingerprint)
  if (r.status !== 0 || made === undefined) throw new Error(`generating ${spec.name} failed (exit ${r.status})`)
  return { file, generated: made, reused: false }
}

/** A working copy of a store, so the phases never change the kept one. */
const workCopy = (file: string): string => {
  const work = file.replace(/\.sqlite$/, ".work.sqlite")
  for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true })
  copyFileSync(file, work)
  return work
}

const removeWork = (work: string) => {
  if (!keep) for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true })
}

/**
 * The heap the measured phases may use (MiB): a replay that held every event would not fit. The
 * calling thread's: the replay's worker thread has its own (384 MiB, src/projection/parallelReplay.ts),
 * and both must fit the memory target together (docs/benchmarks.md, fifth round).
 */
const HEAP_MIB = 768

/** Run phases as their own process with a capped heap; its progress lines pass through, its result is returned. */
const runPhases = <R>(what: "national" | "municipal", store: string, config: unknown): R => {
  const configFile = `${store}.phases.json`
  const resultFile = `${store}.result.json`
  writeFileSync(configFile, JSON.stringify(config))
  rmSync(resultFile, { force: true })
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MIB}`, "--expose-gc", "--import", "tsx", join(HERE, "phaseRunner.ts"), what, store, configFile, resultFile],
    { cwd: resolve(HERE, "../.."), stdio: ["ignore", "inherit", "inherit"] }
  )
  rmSync(configFile, { force: true })
  if (r.status !== 0 || !existsSync(resultFile)) throw new Error(`the ${what} phases failed (exit ${r.status})`)
  const result = JSON.parse(readFileSync(resultFile, "utf8")) as R
  rmSync(resultFile, { force: true })
  return result
}

const t = (p: PhaseTime) => `${p.ms.toFixed(0)} ms (cpu ${p.cpuMs.toFixed(0)} ms)`

/** Of (b), what the calling thread did alone after its own children. */
const afterOwnChildren = (shares: number, a: NationalResult["replay"]["afterOwnChildren"]) =>
  shares === 1
    ? `the lines after the children ${a.linesMs.toFixed(0)} ms`
    : `after its own children the calling thread waited ${a.waitMs.toFixed(0)} ms for the workers, added their parts in ${a.partsMs.toFixed(0)} ms and made the lines in ${a.linesMs.toFixed(0)} ms`

/** An update's line: what was appended, what the catch-up did, and the time of each. */
const update = (u: Update): string =>
  `appended ${u.appended.events} events (${Object.entries(u.appended.kinds).map(([k, v]) => `${v} ${k}`).join(", ")}) in ${t(u.appended)}; ` +
  `caught up (${u.caughtUp.events} events, ${u.caughtUp.children} children recomputed, ${u.caughtUp.groups} groups rewritten) in ${t(u.caughtUp)}; ` +
  `total ${(u.appended.ms + u.caughtUp.ms).toFixed(0)} ms`

const main = async () => {
  say(`geldstroom benchmark (${quick ? "quick" : "full"}): node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; phases run with a ${HEAP_MIB} MiB heap and V8's allocation-site pretenuring off, as the CLI runs (src/cli/heap.ts)`)
  const national = pristineStore(config.national)
  const municipal = pristineStore(config.municipal)
  for (const [what, s] of [["national", national], ["municipal", municipal]] as const)
    say(
      `${what} store: ${s.generated.children} children, ${s.generated.events} events, ${s.generated.groups} groups` +
        (s.reused ? ` (reused: same spec already generated, fingerprint ${s.generated.fingerprint}; generation took ${s.generated.seconds.toFixed(0)} s)` : ` (generated in ${s.generated.seconds.toFixed(0)} s, generator peak RSS ${s.generated.peakRssMiB.toFixed(0)} MiB)`)
    )

  // (a), (b), (d) on a working copy of the national store.
  const nationalWork = workCopy(national.file)
  const n = runPhases<NationalResult>("national", nationalWork, { spec: config.national, incremental: config.incrementalEvents, progress: !quick })
  removeWork(nationalWork)
  const ratio = n.replay.ms / n.read.ms
  say(`(a) read floor: ${n.read.events} events in ${t(n.read)}, ${((n.read.events / n.read.ms) * 1000).toFixed(0)} events/s; peak RSS ${n.read.rssMiB.toFixed(0)} MiB`)
  say(
    `(b) replay: ${n.replay.events} events, ${n.replay.children} children (on ${n.replay.shares} thread(s)), ${n.replay.childMonths} child-months, ${n.replay.groupMonths} group-months in ${t(n.replay)}, ` +
      `${((n.replay.events / n.replay.ms) * 1000).toFixed(0)} events/s; ${n.replay.violationCount} invariant violations; ratio to (a) ${ratio.toFixed(2)}; peak RSS ${n.replay.rssMiB.toFixed(0)} MiB; ` +
      afterOwnChildren(n.replay.shares, n.replay.afterOwnChildren)
  )
  for (const v of n.replay.violations) say(`    violation ${v}`)
  say(`    projection written with its checkpoint (${n.save.groups} groups) in ${t(n.save)}`)
  const incrementalMs = n.incremental.appended.ms + n.incremental.caughtUp.ms
  say(`(d) incremental: ${update(n.incremental)}`)
  say(`    the next day's events in the same process (not the figure): ${update(n.nextDay)}`)
  say(`    a tenth as many the day after (not the figure): ${update(n.smaller)}`)

  // (c) The municipal comparison, on a working copy of the municipal store.
  const municipalWork = workCopy(municipal.file)
  const m = runPhases<MunicipalResult>("municipal", municipalWork, { spec: config.municipal, incremental: 0, progress: false })
  removeWork(municipalWork)
  say(
    `(c) municipal compare (${municipal.generated.children} children, ${municipal.generated.events} events, 2 scenarios): projections built cold in ${t(m.cold)}; ` +
      `compared from warm projections in ${t(m.warm)}: cost ${m.costs.join(" vs ")}, delta € ${m.delta}`
  )

  const peak = Math.max(n.peakRssMiB, m.peakRssMiB, rssMiB())
  say(`peak RSS: national phases ${n.peakRssMiB.toFixed(0)} MiB, municipal ${m.peakRssMiB.toFixed(0)} MiB, this process ${rssMiB().toFixed(0)} MiB`)
  say(
    `bench: replay/read ratio ${ratio.toFixed(2)}, peak RSS ${peak.toFixed(0)} MiB, municipal compare ${m.warm.ms.toFixed(0)} ms, incremental ${incrementalMs.toFixed(0)} ms, ${((n.replay.events / n.replay.ms) * 1000).toFixed(0)} events/s`
  )
}

if (!existsSync(join(HERE, "scenarios"))) throw new Error("test/bench/scenarios is missing")
main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
