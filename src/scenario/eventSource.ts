/**
 * Event sources a scenario can name: a JSON-lines file (event envelopes, or
 * import rows), a CSV file in the import layout (docs/import.md), or a store.
 * Each yields an Effect Stream of validated events; a bad line fails the
 * stream with its file, line and field (nothing is skipped).
 *
 * A file row without a `recordedTime` is recorded at noon UTC of its valid
 * time (`noonOf`, as `buildEvent` does), so a scenario replayed from a file gives the
 * same events, ids and fingerprint every run.
 */
import { createReadStream } from "node:fs"
import { createInterface } from "node:readline"
import { Data, Effect, Result, Stream } from "effect"
import { buildEvent, type EventEnvelope, type FieldIssue, noonOf } from "../events"
import { applyDesign } from "./design/apply"
import type { LoadedScenario } from "./load"
import { generatePopulation } from "./population/generate"
import type { ScenarioFile } from "./schema"
import { basename, extname, resolve } from "node:path"
import { type InvalidImport, readImportFile } from "../io/importFile"
import { type ImportProblem, rowToEvent } from "../io/importRow"
import { envelopeEvent, isJsonLine, readJsonLine } from "../io/jsonLine"
import { EventStore, type ReadError, type StoreFailure } from "../store/EventStore"
import { missingStore, scenarioStore, type StoreNotFound, storeLayer } from "../store/select"

export class InvalidEventsFile extends Data.TaggedError("InvalidEventsFile")<{
  readonly file: string
  readonly line: number
  readonly issues: ReadonlyArray<FieldIssue>
}> {
  override get message(): string {
    return this.issues.map((i) => `${this.file}:${this.line}: ${i.path ? `${i.path}: ` : ""}${i.message}`).join("\n")
  }
}


/**
 * One JSON line: an envelope or an import row, decided and checked as `geldstroom import` does
 * (../io/jsonLine.ts: one classifier, the privacy guard over envelope data and metadata).
 */
const jsonLineEvent = (file: string, n: number, line: string): Effect.Effect<EventEnvelope | undefined, InvalidEventsFile> => {
  const read = readJsonLine(n, line)
  const fail = (problems: ReadonlyArray<ImportProblem>) =>
    Effect.fail(new InvalidEventsFile({ file, line: n, issues: problems.map((p) => ({ path: p.column ?? "", message: p.message })) }))
  if (read === undefined) return Effect.succeed(undefined) // a blank line or a comment
  if (!isJsonLine(read)) return fail([read])
  const converted = read.kind === "envelope" ? envelopeEvent(n, read.raw) : rowToEvent(read.row, { sourceName: basename(file), defaultRecordedTime: noonOf })
  return Result.isSuccess(converted) ? Effect.succeed(converted.success.event) : fail(converted.failure)
}

/** Events of a JSON-lines file, one envelope or import row per line (blank lines and `#` comments skipped). */
export const jsonLinesEvents = (file: string): Stream.Stream<EventEnvelope, InvalidEventsFile> =>
  Stream.fromAsyncIterable(
    (async function* () {
      const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity })
      let n = 0
      for await (const line of lines) {
        n++
        yield [n, line] as const
      }
    })(),
    (e) => new InvalidEventsFile({ file, line: 0, issues: [{ path: "", message: `cannot read: ${(e as Error).message}` }] })
  ).pipe(
    Stream.mapEffect(([n, line]) => jsonLineEvent(file, n, line)),
    Stream.filter((e): e is EventEnvelope => e !== undefined)
  )

/** Events of a CSV file in the import layout; the whole file is checked first and every problem reported. */
export const csvEvents = (file: string): Stream.Stream<EventEnvelope, InvalidImport> =>
  Stream.fromIterableEffect(
    Effect.map(
      Effect.suspend(() => Effect.fromResult(readImportFile(file, { defaultRecordedTime: noonOf }))),
      (plan) => plan.events.map((r) => r.event)
    )
  )

/** Events of a file, by its extension: `.csv` in the import layout, anything else JSON lines. */
export const fileEvents = (file: string): Stream.Stream<EventEnvelope, InvalidEventsFile | InvalidImport> =>
  extname(file).toLowerCase() === ".csv" ? csvEvents(file) : jsonLinesEvents(file)

/** All events of the store in global order, optionally only those recorded up to an instant. */
export const storeEvents = (recordedUpTo?: string): Stream.Stream<EventEnvelope, ReadError, EventStore> =>
  Stream.unwrap(EventStore.useSync((store) => store.readAll(recordedUpTo === undefined ? {} : { recordedUpTo })))

/**
 * The store a scenario reads its recorded histories from: `--store` on the command line, else its
 * own `events: { store }` ("default", EventStoreDB, or a file path relative to the scenario);
 * undefined when it reads a file or nothing recorded.
 */
export const storeSourceOf = (scenario: LoadedScenario, storeOverride?: string): string | undefined => {
  const ev = scenario.spec.events
  return scenarioStore(storeOverride ?? (ev !== undefined && "store" in ev ? ev.store : undefined), scenario.dir)
}

/**
 * The events a scenario replays, as one stream with the store (if any) provided:
 * its recorded histories (`events:`; `--store` on the command line overrides the
 * scenario's own source), its generated population (`population:`, skipped when
 * `--store` names a store that already holds it), the groups and placements its
 * design makes of that demand (`design:`), and its budget lines (`budgets:`).
 */
export const scenarioEvents = (
  scenario: LoadedScenario,
  storeOverride?: string
): Stream.Stream<EventEnvelope, InvalidEventsFile | InvalidImport | ReadError | StoreFailure | StoreNotFound> => {
  const { spec } = scenario
  const ev = spec.events
  const period = spec.period
  let recorded: Stream.Stream<EventEnvelope, InvalidEventsFile | InvalidImport | ReadError | StoreFailure | StoreNotFound> = Stream.empty
  const store = storeSourceOf(scenario, storeOverride)
  // A scenario only reads its store: one that is not there is refused, not created empty (it would replay no one).
  const missing = store === undefined ? undefined : missingStore(store)
  if (missing !== undefined) recorded = Stream.fail(missing)
  else if (store !== undefined) recorded = Stream.provide(storeEvents(spec.asOf), storeLayer(store))
  else if (ev !== undefined && "file" in ev) recorded = fileEvents(resolve(scenario.dir, ev.file))
  const generated =
    spec.population !== undefined && storeOverride === undefined
      ? Stream.fromIterable({ [Symbol.iterator]: () => generatePopulation(spec.population!, period) })
      : Stream.empty
  const demand = Stream.concat(recorded, generated)
  const budgets = Stream.fromIterable(budgetEvents(spec.budgets))
  const design = scenario.design
  if (design === undefined) return Stream.concat(demand, budgets)
  const supplied = Stream.unwrap(
    Effect.map(Stream.runCollect(demand), (all) => {
      const events = [...all]
      return Stream.fromIterable([...events, ...applyDesign(design, events, period)])
    })
  )
  return Stream.concat(supplied, budgets)
}

/** A scenario's budget lines as events: valid from 1 January, recorded before the year starts. */
export const budgetEvents = (budgets: ScenarioFile["budgets"]): ReadonlyArray<EventEnvelope> =>
  budgets.map((b) =>
    buildEvent(
      { type: "budget-line-set", data: { budgetLineId: b.id, year: b.year, label: b.label, amount: b.amount, streams: b.streams } },
      { validTime: `${b.year}-01-01`, recordedTime: `${b.year - 1}-12-01T00:00:00.000Z`, source: "scenario budgets" }
    )
  )
