import { parseArgs } from "node:util"
import { Effect } from "effect"
import { baselineIndex, scenarioId } from "../../app/workbench"
import { compareRuns } from "../../compare/document"
import { compareFromProjections, projectedScenarios, projectionUseText } from "../../projection/compareScenarios"
import { compareText } from "../../output/compareText"
import { loadScenario } from "../../scenario/load"
import { scenarioEvents } from "../../scenario/eventSource"
import { runScenario } from "../../scenario/run"
import { commandLineStore } from "../../store/select"
import { type Command, EXIT } from "../command"
import { threadsOption } from "../options"
import { withReplayThreads } from "../replayThreads"
import { fromLoad, runCli } from "../runtime"

export const compareCommand: Command = {
  name: "compare",
  summary: "run scenarios on the same children and show them side by side, with deltas against a baseline",
  usage: "geldstroom compare <scenario.yaml>... [--baseline ID|N] [--json] [--store PATH|eventstoredb] [--replay] [--threads N]",
  options: [
    ["--baseline ID|N", "the scenario the others are measured against: its file name without .yaml, or its position (1 = first, the default)"],
    ["--json", "print the comparison as one JSON document (docs/output-contracts.md)"],
    ["--store PATH|eventstoredb", "read every scenario's events from this store instead of its own source"],
    ["--replay", "compute every scenario from all its events, not from the projections kept in an embedded store"],
    ["--threads N", "threads replaying the children when a projection is built (default: the machine's cores, at most 4; fewer use less memory, 1 keeps to one)"]
  ],
  details: [
    "When every scenario reads all its events from an embedded store (no generated population or design),",
    "each is compared from its projection kept in that store: built by one replay the first time, then",
    "caught up with what was appended since (docs/benchmarks.md#projections). The document is the one a",
    "full run gives; stderr says which projections were built, caught up or already up to date."
  ],
  examples: [
    "geldstroom compare scenarios/rotterdam-homogeneous.yaml scenarios/rotterdam-heterogeneous.yaml scenarios/rotterdam-hybrid.yaml",
    "geldstroom compare koplus.yaml model5.yaml --store ~/gemeente.sqlite   # from projections kept in the store",
    "geldstroom compare scenarios/*.yaml --baseline rotterdam-hybrid --json"
  ],
  run: async (argv) => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { baseline: { type: "string" }, json: { type: "boolean" }, store: { type: "string" }, replay: { type: "boolean" }, threads: { type: "string" } }
    })
    if (positionals.length < 1) {
      process.stderr.write("geldstroom compare: name at least one scenario file\n")
      return EXIT.usage
    }
    const ids = positionals.map(scenarioId)
    const baseline = baselineIndex(values.baseline, positionals)
    if (baseline === undefined) {
      process.stderr.write(`geldstroom compare: --baseline ${values.baseline} is none of ${ids.join(", ")}\n`)
      return EXIT.usage
    }
    const threads = threadsOption(values.threads)
    const store = commandLineStore(values.store, "read")
    const program = Effect.gen(function* () {
      const items = []
      for (const [i, file] of positionals.entries()) items.push({ id: ids[i]!, scenario: yield* fromLoad(loadScenario(file)) })
      const projected = values.replay ? undefined : projectedScenarios(items, store)
      if (projected !== undefined) {
        const { document, used } = yield* compareFromProjections(projected, baseline)
        for (const u of used) process.stderr.write(`${projectionUseText(u)}\n`)
        return document
      }
      const runs = []
      for (const { id, scenario } of items) runs.push({ id, result: yield* runScenario(scenario, scenarioEvents(scenario, store)) })
      return compareRuns(runs, baseline)
    })
    return runCli(withReplayThreads(program, threads), (doc) => {
      process.stdout.write(values.json ? `${JSON.stringify(doc, null, 2)}\n` : compareText(doc, process.stdout.columns ?? 120))
      return doc.scenarios.some((s) => s.violations > 0) ? EXIT.violations : EXIT.ok
    })
  }
}
