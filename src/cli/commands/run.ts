import { parseArgs } from "node:util"
import { Effect } from "effect"
import { runDocument } from "../../output/runDocument"
import { writeJson } from "../../output/jsonChunks"
import { runText } from "../../output/runText"
import { loadScenario } from "../../scenario/load"
import { scenarioEvents } from "../../scenario/eventSource"
import { runScenario } from "../../scenario/run"
import { projectedScenarios, projectionUseText, runTotalsFromProjection } from "../../projection/compareScenarios"
import { commandLineStore, UsageError } from "../../store/select"
import { type Command, EXIT } from "../command"
import { asOfOption, threadsOption } from "../options"
import { withReplayThreads } from "../replayThreads"
import { fromLoad, runCli } from "../runtime"

export const runCommand: Command = {
  name: "run",
  summary: "replay a scenario's events and apportion every child's cost across the funding streams",
  usage: "geldstroom run <scenario.yaml> [--json] [--totals [--threads N]] [--store PATH|eventstoredb] [--as-of INSTANT]",
  options: [
    ["--json", "print the run as one JSON document (docs/output-contracts.md)"],
    ["--totals", "everything but the child-months, from the projection kept in the embedded store (built once, then caught up): for populations too large to hold, up to national scale"],
    ["--threads N", "with --totals: threads replaying the children when the projection is built (default: the machine's cores, at most 4; fewer use less memory, 1 keeps to one)"],
    ["--store PATH|eventstoredb", "read events from this store instead of the scenario's source"],
    ["--as-of INSTANT", "replay as known on this instant (events recorded up to it), ISO 8601 with a time zone: 2026-07-01T00:00:00Z"]
  ],
  examples: [
    "geldstroom run scenarios/rotterdam-small.yaml",
    "geldstroom run scenarios/rotterdam-small.yaml --json > run.json",
    "geldstroom run national.yaml --store national.sqlite --totals"
  ],
  run: async (argv) => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: "boolean" }, totals: { type: "boolean" }, store: { type: "string" }, "as-of": { type: "string" }, threads: { type: "string" } }
    })
    if (positionals.length !== 1) {
      process.stderr.write(`geldstroom run: name one scenario file\n`)
      return EXIT.usage
    }
    const asOf = asOfOption(values["as-of"])
    const threads = threadsOption(values.threads)
    if (threads !== undefined && !values.totals) throw new UsageError("--threads is for --totals, which builds a projection (a full run replays on one thread)")
    const store = commandLineStore(values.store, "read")
    const program = Effect.gen(function* () {
      const loaded = yield* fromLoad(loadScenario(positionals[0]!))
      const scenario = asOf === undefined ? loaded : { ...loaded, spec: { ...loaded.spec, asOf } }
      if (!values.totals) return runDocument(yield* runScenario(scenario, scenarioEvents(scenario, store)))
      const projected = projectedScenarios([{ id: scenario.spec.name, scenario }], store)?.[0]
      if (projected === undefined)
        return yield* Effect.fail(
          new UsageError(
            `--totals works from a projection: ${scenario.file} must read all its events from an embedded store (events: { store }, or --store PATH), with no population or design to draw (generate them into the store first: geldstroom generate)`
          )
        )
      const { document, used } = yield* runTotalsFromProjection(projected)
      process.stderr.write(`${projectionUseText(used)}\n`)
      return document
    })
    return runCli(withReplayThreads(program, threads), (doc) => {
      // The same text JSON.stringify(doc, null, 2) gives, written in pieces (a national --totals document is large).
      if (values.json) writeJson(doc, (text) => process.stdout.write(text))
      else process.stdout.write(runText(doc))
      return doc.violations.length > 0 ? EXIT.violations : EXIT.ok
    })
  }
}
