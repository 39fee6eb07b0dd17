import { parseArgs } from "node:util"
import { Effect } from "effect"
import { runDocument } from "../../output/runDocument"
import { runText } from "../../output/runText"
import { loadScenario } from "../../scenario/load"
import { scenarioEvents } from "../../scenario/eventSource"
import { runScenario } from "../../scenario/run"
import { type Command, EXIT } from "../command"
import { fromLoad, runCli } from "../runtime"

export const runCommand: Command = {
  name: "run",
  summary: "replay a scenario's events and apportion every child's cost across the funding streams",
  usage: "geldstroom run <scenario.yaml> [--json] [--store PATH|eventstoredb] [--as-of INSTANT]",
  options: [
    ["--json", "print the run as one JSON document (docs/output-contracts.md)"],
    ["--store PATH|eventstoredb", "read events from this store instead of the scenario's source"],
    ["--as-of INSTANT", "replay as known on this instant (events recorded up to it)"]
  ],
  examples: ["geldstroom run scenarios/rotterdam-small.yaml", "geldstroom run scenarios/rotterdam-small.yaml --json > run.json"],
  run: async (argv) => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: "boolean" }, store: { type: "string" }, "as-of": { type: "string" } }
    })
    if (positionals.length !== 1) {
      process.stderr.write(`geldstroom run: name one scenario file\n`)
      return EXIT.usage
    }
    const program = Effect.gen(function* () {
      const loaded = yield* fromLoad(loadScenario(positionals[0]!))
      const scenario = values["as-of"] ? { ...loaded, spec: { ...loaded.spec, asOf: new Date(values["as-of"]).toISOString() } } : loaded
      return runDocument(yield* runScenario(scenario, scenarioEvents(scenario, values.store)))
    })
    return runCli(program, (doc) => {
      process.stdout.write(values.json ? `${JSON.stringify(doc, null, 2)}\n` : runText(doc))
      return doc.violations.length > 0 ? EXIT.violations : EXIT.ok
    })
  }
}
