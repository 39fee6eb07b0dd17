/**
 * `geldstroom generate <scenario.yaml>`: draw the scenario's population
 * (its `population:` section, docs/population-generator.md) and append the
 * demand and indication events to an event store, child by child, in batches.
 *
 * Idempotent: event ids are content-based and each child's events go to its
 * stream as one batch, so running it again with the same scenario adds
 * nothing (the store recognises every batch as already written).
 */
import { dirname, resolve } from "node:path"
import { parseArgs } from "node:util"
import { Effect } from "effect"
import { z } from "zod"
import type { EventEnvelope } from "../../events"
import { YearMonth } from "../../events/fields"
import { type FileProblem, InvalidFile, zodProblems } from "../../io/yamlFile"
import { readScenarioRaw } from "../../scenario/load"
import { generatePopulation, populationSize } from "../../scenario/population/generate"
import { PopulationSpec } from "../../scenario/population/schema"
import { type AppendBatch, EventStore, ExpectedRevision } from "../../store/EventStore"
import { describeStore, isEventStoreDb, storeLayer } from "../../store/select"
import { type Command, EXIT } from "../command"
import { fromLoad, runCli, withStore } from "../runtime"

/** Events per appendMany call (whole children only: a child's batch is never split, so re-appending is a no-op). */
const BATCH_EVENTS = 5_000
const PROGRESS_EVERY = 100_000

const GenerateSection = z.object({
  period: z
    .strictObject({ from: YearMonth, to: YearMonth })
    .refine((p) => p.from <= p.to, { message: "period.from must not be after period.to" }),
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

const summaryText = (s: GenerateSummary): string =>
  [
    `generated ${s.children.toLocaleString("en")} children (seed ${s.seed}, ${s.period.from} to ${s.period.to}): ${s.events.toLocaleString("en")} events`,
    `into ${s.store}: ${s.written.toLocaleString("en")} new, ${s.alreadyStored.toLocaleString("en")} already there`,
    ...Object.entries(s.byType)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([type, n]) => `  ${type.padEnd(26)} ${n.toLocaleString("en")}`),
    ""
  ].join("\n")

export const generateCommand: Command = {
  name: "generate",
  summary: "draw a scenario's population and append its demand and indication events to an event store",
  usage: "geldstroom generate <scenario.yaml> [--store PATH|eventstoredb] [--json]",
  options: [
    ["--store PATH|eventstoredb", "append to this store (default: the scenario's events.store, else the embedded store)"],
    ["--json", "print the summary as one JSON document"]
  ],
  examples: [
    "geldstroom generate population.yaml --store population.sqlite",
    "geldstroom generate population.yaml --store eventstoredb --json"
  ],
  run: async (argv) => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: "boolean" }, store: { type: "string" } }
    })
    if (positionals.length !== 1) {
      process.stderr.write(`geldstroom generate: name one scenario file\n`)
      return EXIT.usage
    }
    const loaded = loadGenerateScenario(positionals[0]!)
    if (loaded instanceof InvalidFile) return runCli(fromLoad(loaded), () => EXIT.ok)
    const chosen = values.store ?? loaded.spec.events?.store
    // Like `run`: a store path is relative to the scenario's folder.
    const storeSpec = chosen === undefined || chosen === "default" || isEventStoreDb(chosen) ? chosen : resolve(dirname(loaded.file), chosen)
    const layer = storeLayer(storeSpec)
    const program = withStore(generateInto(loaded, describeStore(storeSpec), (line) => process.stderr.write(`${line}\n`)), layer)
    return runCli(program, (summary) => {
      process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : summaryText(summary))
      return EXIT.ok
    })
  }
}
