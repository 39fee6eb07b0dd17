/**
 * Drawing a scenario's population (its `population:` section, docs/population-generator.md) into
 * an event store, child by child, in batches of whole children. Idempotent: event ids are
 * content-based and each child's events go to its stream as one batch, so doing it again with the
 * same scenario adds nothing. Used by `geldstroom generate` and by the main job.
 */
import { resolve } from "node:path"
import { Effect } from "effect"
import { z } from "zod"
import type { EventEnvelope } from "../../events"
import { type FileProblem, InvalidFile, zodProblems } from "../../io/yamlFile"
import { type AppendBatch, EventStore, ExpectedRevision } from "../../store/EventStore"
import { readScenarioRaw } from "../load"
import { PeriodSpec } from "../schema"
import { generatePopulation, populationSize } from "./generate"
import { PopulationSpec } from "./schema"

/** Events per appendMany call (whole children only: a child's batch is never split, so re-appending is a no-op). */
const BATCH_EVENTS = 5_000
const PROGRESS_EVERY = 100_000

const GenerateSection = z.object({
  period: PeriodSpec,
  population: PopulationSpec,
  events: z.looseObject({ store: z.string().min(1).optional() }).optional()
})

interface Loaded {
  readonly file: string
  readonly spec: z.output<typeof GenerateSection>
}

export const loadGenerateScenario = (fileArg: string): Loaded | InvalidFile => {
  const file = resolve(fileArg)
  const problems: Array<FileProblem> = []
  const { raw, parsed } = readScenarioRaw(file, problems)
  if (parsed instanceof InvalidFile) return parsed
  if (problems.length > 0) return new InvalidFile({ file: fileArg, problems })
  if (raw.population === undefined)
    return new InvalidFile({ file: fileArg, problems: [{ file: fileArg, line: undefined, path: "population", message: "the scenario has no population: section to generate" }] })
  const result = GenerateSection.safeParse(raw)
  if (!result.success) return new InvalidFile({ file: fileArg, problems: zodProblems(parsed, result.error) })
  return { file, spec: result.data }
}

export interface GenerateSummary {
  readonly scenario: string
  readonly store: string
  readonly seed: number
  readonly period: { readonly from: string; readonly to: string }
  readonly children: number
  readonly events: number
  /** Events the store did not have yet. */
  readonly written: number
  /** Events already in the store (from an earlier run). */
  readonly alreadyStored: number
  readonly byType: Record<string, number>
}

export const generateInto = (loaded: Loaded, storeName: string, progress: (line: string) => void) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const { population, period } = loaded.spec
    const expected = populationSize(population, period)
    const byType: Record<string, number> = {}
    let children = 0
    let events = 0
    let written = 0
    let batches: Array<AppendBatch> = []
    let pending = 0
    let current: { stream: string; events: Array<EventEnvelope> } | undefined
    let nextProgress = PROGRESS_EVERY
    const flush = function* () {
      if (batches.length === 0) return
      const results = yield* store.appendMany(batches)
      for (const r of results) written += r.written
      batches = []
      pending = 0
      if (events >= nextProgress) {
        progress(`generated ${children.toLocaleString("en")} of ${expected.toLocaleString("en")} children, ${events.toLocaleString("en")} events`)
        nextProgress = events + PROGRESS_EVERY
      }
    }
    const close = () => {
      if (current === undefined) return
      batches.push({ stream: current.stream, events: current.events, expected: ExpectedRevision.any })
      pending += current.events.length
      children++
      current = undefined
    }
    for (const e of generatePopulation(population, period)) {
      if (current !== undefined && current.stream !== e.stream) {
        close()
        if (pending >= BATCH_EVENTS) yield* flush()
      }
      if (current === undefined) current = { stream: e.stream, events: [] }
      current.events.push(e)
      events++
      byType[e.type] = (byType[e.type] ?? 0) + 1
    }
    close()
    yield* flush()
    const summary: GenerateSummary = {
      scenario: loaded.file,
      store: storeName,
      seed: population.seed,
      period,
      children,
      events,
      written,
      alreadyStored: events - written,
      byType
    }
    return summary
  })
