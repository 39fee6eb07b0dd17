/**
 * The read floor (a) and the replay (b) alone, on any store, for profiling (docs/benchmarks.md):
 *
 *   node --expose-gc --max-old-space-size=1024 [--cpu-prof] --import tsx test/bench/profile.ts STORE [SCENARIO]
 *
 * prints both times and the compute per child-month beyond the read (WORKERS=n: the replay's worker
 * threads, 1 to keep to one thread; default as the product chooses). With INCREMENTAL=1 it goes on
 * with (d) as the benchmark does it (projection written, the quick spec's 1,000 events appended, the
 * projection caught up): that changes the store, so give it a copy of the quick national store (or,
 * with FULL=1, of the full one: the 1,000 events are then the full spec's). COUNTS=1000,100 makes
 * updates of those sizes one after the other, a day's events each (./incremental.ts, days 0-2). The
 * process's V8 heap flags are the CLI's (src/cli/heap.ts `tuneHeap`); V8_DEFAULTS=1 leaves V8's own,
 * to compare.
 */
import { tuneHeap } from "../../src/cli/heap"
import { loadScenario, type LoadedScenario } from "../../src/scenario/load"
import { FULL, QUICK } from "./config"
import { type Day, DAYS } from "./incremental"
import * as phase from "./phases"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const HERE = dirname(fileURLToPath(import.meta.url))
const [file, scenarioFile = join(HERE, "scenarios", "national.yaml")] = process.argv.slice(2)
if (file === undefined) throw new Error("usage: profile.ts STORE [SCENARIO]")
if (process.env.V8_DEFAULTS === undefined) tuneHeap()
const s = loadScenario(scenarioFile) as LoadedScenario
const main = async () => {
  const a = await phase.timed(() => phase.readFloor(file))
  process.stdout.write(`(a) ${a.value} events in ${a.ms.toFixed(0)} ms (cpu ${a.cpuMs.toFixed(0)})\n`)
  let shares = 1
  const workers = process.env.WORKERS === undefined ? undefined : Number(process.env.WORKERS)
  const b = await phase.timed(() => phase.replay(file, s, { workers, onShares: (n) => (shares = n) }))
  const st = b.value.run.state
  process.stdout.write(
    `(b) ${st.children} children in ${shares} share(s), ${st.childMonths} child-months in ${b.ms.toFixed(0)} ms (cpu ${b.cpuMs.toFixed(0)}); ratio ${(b.ms / a.ms).toFixed(2)}; ` +
      `beyond the read ${(((b.ms - a.ms) * 1000) / st.childMonths).toFixed(1)} µs a child-month; violations ${st.violationCount()}; cost ${st.costCents}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`
  )
  // (d) on a store that may be changed (a working copy): save, append, catch up.
  if (process.env.INCREMENTAL === undefined) return
  await phase.save(file, b.value)
  const counts = (process.env.COUNTS ?? "1000").split(",").map(Number)
  if (counts.length > DAYS || counts.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`COUNTS: at most ${DAYS} whole numbers of events, one an update (./incremental.ts has ${DAYS} days)`)
  const spec = (process.env.FULL === undefined ? QUICK : FULL).national
  for (const [day, count] of counts.entries()) {
    const d = await phase.update(file, b.value, spec, count, day as Day)
    process.stdout.write(
      `(d) ${d.events.length} events: append ${d.appended.ms.toFixed(0)} ms, catch-up ${d.caughtUp.ms.toFixed(0)} ms (${d.caughtUp.value.children} children, ${d.caughtUp.value.touchedGroups.size} groups)\n`
    )
  }
}
main()
