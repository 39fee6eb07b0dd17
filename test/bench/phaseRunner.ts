/**
 * The benchmark's measured phases, run as their own process by ./run.ts with a capped heap
 * (`--max-old-space-size`): the national phases (a) read floor, (b) replay, (d) incremental, or the
 * municipal comparison (c). The cap shows the replay's memory is bounded: a replay that held the
 * events would run out of heap instead of finishing. The process's V8 heap flags are the CLI's
 * (src/cli/heap.ts `tuneHeap`). Progress goes to stdout; the results to RESULT.json.
 *
 *   node --max-old-space-size=768 --import tsx test/bench/phaseRunner.ts national|municipal STORE CONFIG.json RESULT.json
 */
import { tuneHeap } from "../../src/cli/heap"
import type { ReplayStep } from "../../src/projection/parallelReplay"
import { loadScenario, type LoadedScenario } from "../../src/scenario/load"
import type { StoreSpec } from "./config"
import type { Day } from "./incremental"
import * as phase from "./phases"
import { readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const HERE = dirname(fileURLToPath(import.meta.url))
const say = (line: string) => process.stdout.write(`${line}\n`)
const rssMiB = () => process.resourceUsage().maxRSS / 1024

const scenario = (name: string): LoadedScenario => {
  const s = loadScenario(join(HERE, "scenarios", name))
  if ("_tag" in s && s._tag === "InvalidFile") throw new Error(s.message)
  return s as LoadedScenario
}

export interface PhaseTime {
  readonly ms: number
  readonly cpuMs: number
}

const time = (t: phase.Timed<unknown>): PhaseTime => ({ ms: t.ms, cpuMs: t.cpuMs })

export interface NationalResult {
  readonly read: PhaseTime & { readonly events: number; readonly rssMiB: number }
  readonly replay: PhaseTime & {
    readonly events: number
    readonly children: number
    readonly childMonths: number
    readonly groupMonths: number
    readonly violations: ReadonlyArray<string>
    readonly violationCount: number
    readonly rssMiB: number
    /** Threads the children were replayed on (src/projection/parallelReplay.ts). */
    readonly shares: number
    /**
     * Of (b), the part after the calling thread's own children, on that thread alone: waiting for the
     * workers to end, adding their parts (both 0 on one thread), then the group lines made (the
     * over-full group-months found, their children redone).
     */
    readonly afterOwnChildren: { readonly waitMs: number; readonly partsMs: number; readonly linesMs: number }
  }
  readonly save: PhaseTime & { readonly groups: number }
  readonly incremental: Update
  /** (d) again: the next day's events appended and caught up in the same process (the catch-up's code has run once). */
  readonly nextDay: Update
  /** (d) once more, the day after, with a tenth as many events: how an update's time goes with its size. */
  readonly smaller: Update
  readonly peakRssMiB: number
}

/** (d): events appended, then the projection caught up. */
export interface Update {
  readonly appended: PhaseTime & { readonly events: number; readonly kinds: Record<string, number> }
  readonly caughtUp: PhaseTime & { readonly events: number; readonly children: number; readonly groups: number }
}

export interface MunicipalResult {
  readonly cold: PhaseTime
  readonly warm: PhaseTime
  readonly costs: ReadonlyArray<string>
  readonly delta: string
  readonly peakRssMiB: number
}

const national = async (file: string, spec: StoreSpec, incremental: number, progress: boolean): Promise<NationalResult> => {
  const s = scenario("national.yaml")
  const a = await phase.timed(() => phase.readFloor(file))
  say(`  (a) read ${a.value} events in ${a.ms.toFixed(0)} ms`)
  const readRss = rssMiB()
  let shares = 1
  // When the caller's own chunks were done and the workers ended (a replay shared out), and when every
  // child was in and added up, before the lines (any replay).
  const at: Partial<Record<ReplayStep | "children in", number>> = {}
  const b = await phase.timed(() =>
    phase.replay(file, s, {
      ...(progress ? { onProgress: (n: number) => say(`  (b) … ${n} children, ${rssMiB().toFixed(0)} MiB peak`) } : {}),
      onStep: (step) => (at[step] = performance.now()),
      onShares: (n) => {
        shares = n
        at["children in"] = performance.now()
      }
    })
  )
  const end = performance.now()
  const childrenIn = at["children in"] ?? end
  const own = at["own chunks replayed"] ?? childrenIn
  const ended = at["workers ended"] ?? own
  const afterOwnChildren = { waitMs: ended - own, partsMs: childrenIn - ended, linesMs: end - childrenIn }
  const p = b.value
  const st = p.run.state
  say(`  (b) replayed in ${b.ms.toFixed(0)} ms, the children on ${shares} thread(s)`)
  // The replay's figures now: the incremental phase goes on with the same projection.
  const replay = {
    ...time(b),
    events: p.run.events,
    children: st.children,
    childMonths: st.childMonths,
    groupMonths: [...st.groups.values()].reduce((n, g) => n + g.lines.filter((l) => l !== undefined).length, 0),
    violations: st.violations().slice(0, 5).map((v) => `${v.invariant} ${v.subject} ${v.month ?? ""}: ${v.detail}`),
    violationCount: st.violationCount(),
    rssMiB: rssMiB(),
    shares,
    afterOwnChildren
  }
  const groups = st.groups.size
  const saved = await phase.timed(() => phase.save(file, p))
  const update = async (day: Day, count: number): Promise<Update> => {
    const { events, appended, caughtUp } = await phase.update(file, p, spec, count, day)
    const kinds: Record<string, number> = {}
    for (const e of events) kinds[e.type] = (kinds[e.type] ?? 0) + 1
    const done = caughtUp.value
    return {
      appended: { ...time(appended), events: events.length, kinds },
      caughtUp: { ...time(caughtUp), events: done.events, children: done.children, groups: done.touchedGroups.size }
    }
  }
  const first = await update(0, incremental)
  const nextDay = await update(1, incremental)
  const smaller = await update(2, Math.round(incremental / 10))
  return {
    read: { ...time(a), events: a.value, rssMiB: readRss },
    replay,
    save: { ...time(saved), groups },
    incremental: first,
    nextDay,
    smaller,
    peakRssMiB: rssMiB()
  }
}

const municipal = async (file: string): Promise<MunicipalResult> => {
  const koplus = scenario("municipal-koplus.yaml")
  const model5 = scenario("municipal-model5.yaml")
  const cold = await phase.timed(() => phase.buildBoth(file, koplus, model5))
  const warm = await phase.timed(() => phase.compareWarm(file, koplus, model5))
  return {
    cold: time(cold),
    warm: time(warm),
    costs: warm.value.scenarios.map((c) => `${c.id} € ${c.cost}`),
    delta: warm.value.deltas[1]?.cost ?? "",
    peakRssMiB: rssMiB()
  }
}

const [what, file, configFile, resultFile] = process.argv.slice(2)
if (file === undefined || configFile === undefined || resultFile === undefined || (what !== "national" && what !== "municipal")) {
  process.stderr.write("usage: phaseRunner.ts national|municipal STORE CONFIG.json RESULT.json\n")
  process.exit(2)
}
// As the CLI starts: the phases measure the product's code as it runs there.
tuneHeap()
const config = JSON.parse(readFileSync(configFile, "utf8")) as { readonly spec: StoreSpec; readonly incremental: number; readonly progress: boolean }
const result = what === "national" ? national(file, config.spec, config.incremental, config.progress) : municipal(file)
result.then(
  (r) => writeFileSync(resultFile, JSON.stringify(r)),
  (e) => {
    process.stderr.write(`${what} phases failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exit(1)
  }
)
