/**
 * The analyst's workbench: load scenarios, run them (with progress and
 * cancellation), compare them. Used by the terminal UI and the commands; the
 * Effect programs run here, at the edge.
 */
import { basename } from "node:path"
import { Cause, Effect, Fiber } from "effect"
import { compareRuns, type CompareDocument } from "../compare/document"
import { InvalidFile } from "../io/yamlFile"
import { type LoadedScenario, loadScenario } from "../scenario/load"
import { scenarioEvents } from "../scenario/eventSource"
import { runScenario, type RunResult } from "../scenario/run"

export interface Progress {
  /** Index of the scenario being run, 0-based. */
  readonly scenario: number
  readonly scenarios: number
  readonly name: string
  readonly phase: "loading" | "replaying" | "computing" | "done"
  /** Events replayed so far in this scenario. */
  readonly events: number
  /** Events expected in this scenario, when known (a previous run of the same source). */
  readonly expectedEvents: number | undefined
  /** While computing: the share of the computation done, 0 to 1. */
  readonly computed?: number
}

export interface WorkbenchRun {
  readonly id: string
  readonly result: RunResult
}

export interface Workbench {
  readonly runs: ReadonlyArray<WorkbenchRun>
  readonly compare: CompareDocument
}

export class Cancelled extends Error {
  constructor() {
    super("cancelled")
  }
}

export const scenarioId = (file: string) => basename(file).replace(/\.ya?ml$/, "")

/**
 * `--baseline ID|N`: the index among `files` of the scenario named by its id (file name without
 * .yaml) or its position (1 = first); 0 when none is asked for, undefined when it names none of them.
 */
export const baselineIndex = (baseline: string | undefined, files: ReadonlyArray<string>): number | undefined => {
  if (baseline === undefined) return 0
  const index = /^\d+$/.test(baseline) ? Number(baseline) - 1 : files.map(scenarioId).indexOf(baseline)
  return index >= 0 && index < files.length ? index : undefined
}

/** Remembered event counts per source, for progress estimates on the next run. */
const knownCounts = new Map<string, number>()

const sourceKey = (s: LoadedScenario, store?: string) => `${store ?? ""}|${s.dir}|${JSON.stringify(s.spec.events)}`

export const runWorkbench = async (
  files: ReadonlyArray<string>,
  options: {
    readonly store?: string
    readonly baseline?: number
    readonly onProgress?: (p: Progress) => void
    readonly signal?: AbortSignal
  } = {}
): Promise<Workbench> => {
  const runs: Array<WorkbenchRun> = []
  for (const [i, file] of files.entries()) {
    if (options.signal?.aborted) throw new Cancelled()
    const name = scenarioId(file)
    const report = (phase: Progress["phase"], events: number, expected?: number, computed?: number) =>
      options.onProgress?.({ scenario: i, scenarios: files.length, name, phase, events, expectedEvents: expected, ...(computed !== undefined ? { computed } : {}) })
    report("loading", 0)
    const scenario = loadScenario(file)
    if (scenario instanceof InvalidFile) throw scenario
    const key = sourceKey(scenario, options.store)
    const expected = knownCounts.get(key)
    let replayed = 0
    const program = runScenario(scenario, scenarioEvents(scenario, options.store), {
      onProgress: (n) => report("replaying", (replayed = n), expected),
      // Measuring is the first half of the computation, apportioning the second.
      onStep: (step) =>
        report("computing", replayed, expected, (step.phase === "measuring" ? 0 : 0.5) + (step.total === 0 ? 0 : step.done / step.total / 2))
    })
    const fiber = Effect.runFork(program)
    const abort = () => Effect.runFork(Fiber.interrupt(fiber))
    options.signal?.addEventListener("abort", abort, { once: true })
    const exit = await Effect.runPromise(Fiber.await(fiber))
    options.signal?.removeEventListener("abort", abort)
    if (exit._tag === "Failure") {
      if (options.signal?.aborted) throw new Cancelled()
      const error = Cause.findErrorOption(exit.cause)
      throw error._tag === "Some" ? error.value : new Error(Cause.pretty(exit.cause))
    }
    knownCounts.set(key, exit.value.eventCount)
    report("done", exit.value.eventCount, exit.value.eventCount)
    runs.push({ id: name, result: exit.value })
  }
  return { runs, compare: compareRuns(runs, options.baseline ?? 0) }
}
