/**
 * `geldstroom generate <scenario.yaml>`: draw the scenario's population
 * (its `population:` section, docs/population-generator.md) and append the
 * demand and indication events to an event store, child by child, in batches.
 *
 * Idempotent: event ids are content-based and each child's events go to its
 * stream as one batch, so running it again with the same scenario adds
 * nothing (the store recognises every batch as already written).
 */
import { dirname } from "node:path"
import { parseArgs } from "node:util"
import { InvalidFile } from "../../io/yamlFile"
import { generateInto, type GenerateSummary, loadGenerateScenario } from "../../scenario/population/intoStore"
import { commandLineStore, describeStore, scenarioStore, storeLayer } from "../../store/select"
import { type Command, EXIT } from "../command"
import { fromLoad, runCli, withStore } from "../runtime"

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
    ["--store PATH|eventstoredb", "append to this store, created when missing (default: the scenario's events.store, else the embedded store)"],
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
    // A --store path is taken from the working directory, the scenario's own events.store from its folder.
    const storeSpec = values.store !== undefined ? commandLineStore(values.store, "write") : scenarioStore(loaded.spec.events?.store, dirname(loaded.file))
    const layer = storeLayer(storeSpec)
    const program = withStore(generateInto(loaded, describeStore(storeSpec), (line) => process.stderr.write(`${line}\n`)), layer)
    return runCli(program, (summary) => {
      process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : summaryText(summary))
      return EXIT.ok
    })
  }
}
