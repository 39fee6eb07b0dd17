/**
 * Generating a benchmark store: region by region, the population generator's
 * demand and the design's groups and placements, appended to an embedded
 * store in the order they happened (by valid time, in chunks of about 5,000
 * events, each chunk one transaction). The store is a temporary file, never
 * the user's default store, and is kept for the next run under a fingerprint
 * of what was generated: the spec and the source of the generator, the
 * designs and the event catalogue.
 *
 * Run as its own process by ./run.ts (`node --import tsx test/bench/generate.ts SPEC.json STORE`),
 * so the generator's memory is not the replay's.
 */
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { Effect } from "effect"
import { applyDesign, DesignSpec } from "../../src/scenario/design"
import { generatePopulation, PopulationSpec } from "../../src/scenario/population"
import { SqliteEventStore } from "../../src/store/sqlite"
import { openDatabase } from "../../src/store/sqlite/open"
import { appendChronologically } from "./append"
import type { StoreSpec } from "./config"
import { SCHEMA_VERSION } from "../../src/store/sqlite/schema"

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..")

/**
 * Bump when the benchmark's own way of generating (./append.ts, this file) changes: the fingerprint
 * covers the spec and the sources of the generator, the designs and the event catalogue, not this code.
 */
const GENERATION_VERSION = "1"

const sourcesOf = (dir: string): ReadonlyArray<string> =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".ts") || f.endsWith(".yaml"))
    .sort()
    .map((f) => readFileSync(join(ROOT, dir, f), "utf8"))

/**
 * What a generated store is: the spec, the code and data that turn a spec into events (the
 * designs' defaults are data, src/parameters/defaults), and the store's schema version (a store of
 * another schema would be migrated on its first open, inside the timed read floor).
 */
export const storeFingerprint = (spec: StoreSpec): string => {
  const h = createHash("sha256").update(GENERATION_VERSION).update(JSON.stringify(spec)).update(`schema ${SCHEMA_VERSION}`)
  for (const dir of ["src/scenario/population", "src/scenario/design", "src/events", "src/parameters/defaults"]) for (const text of sourcesOf(dir)) h.update(text)
  return h.digest("hex").slice(0, 16)
}

export interface Generated {
  readonly fingerprint: string
  readonly events: number
  readonly children: number
  readonly groups: number
  readonly seconds: number
  readonly peakRssMiB: number
}

export const markerOf = (file: string) => `${file}.json`

/** The generated store's record, when the store at `file` is complete and of this fingerprint. */
export const generatedStore = (file: string, fingerprint: string): Generated | undefined => {
  if (!existsSync(file) || !existsSync(markerOf(file))) return undefined
  const g = JSON.parse(readFileSync(markerOf(file), "utf8")) as Generated
  return g.fingerprint === fingerprint ? g : undefined
}

export const generateStore = (spec: StoreSpec, file: string, log: (line: string) => void): Promise<Generated> => {
  for (const f of [file, `${file}-wal`, `${file}-shm`, markerOf(file)]) rmSync(f, { force: true })
  const started = performance.now()
  const fingerprint = storeFingerprint(spec)
  let events = 0
  let children = 0
  let groups = 0
  const program = Effect.gen(function* () {
    for (const [i, r] of spec.regions.entries()) {
      const population = PopulationSpec.parse(r.population)
      const design = DesignSpec.parse(r.design)
      const demand = [...generatePopulation(population, spec.period)]
      const supply = applyDesign(design, demand, spec.period)
      yield* appendChronologically([...demand, ...supply])
      events += demand.length + supply.length
      children += new Set(demand.map((e) => e.stream)).size
      groups += design.groups
      if ((i + 1) % 10 === 0 || i + 1 === spec.regions.length)
        log(`generated ${i + 1}/${spec.regions.length} regions: ${children} children, ${events} events, ${((performance.now() - started) / 1000).toFixed(0)} s`)
    }
  })
  return Effect.runPromise(Effect.scoped(Effect.provide(program, SqliteEventStore.layer(file)))).then(() => {
    const db = openDatabase(file)
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    const g: Generated = {
      fingerprint,
      events,
      children,
      groups,
      seconds: (performance.now() - started) / 1000,
      peakRssMiB: process.resourceUsage().maxRSS / 1024
    }
    writeFileSync(markerOf(file), JSON.stringify(g, null, 2))
    return g
  })
}

// As a process: node --import tsx test/bench/generate.ts SPEC.json STORE
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [specFile, file] = process.argv.slice(2)
  if (specFile === undefined || file === undefined) {
    process.stderr.write("usage: generate.ts SPEC.json STORE\n")
    process.exit(2)
  }
  const spec = JSON.parse(readFileSync(specFile, "utf8")) as StoreSpec
  generateStore(spec, file, (line) => process.stdout.write(`  ${line}\n`)).then(
    (g) => process.stdout.write(`  store ready: ${g.events} events in ${g.seconds.toFixed(0)} s (generator peak RSS ${g.peakRssMiB.toFixed(0)} MiB)\n`),
    (e) => {
      process.stderr.write(`generation failed: ${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(1)
    }
  )
}
