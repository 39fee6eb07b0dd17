import { parseArgs } from "node:util"
import { Effect } from "effect"
import type { EventEnvelope } from "../../events"
import { isValidYearMonth } from "../../domain/calendar"
import { explanation, explanationText, groupMonthsOf } from "../../output/explainText"
import { loadScenario } from "../../scenario/load"
import { scenarioEvents } from "../../scenario/eventSource"
import { runScenario } from "../../scenario/run"
import { commandLineStore } from "../../store/select"
import { type Command, EXIT } from "../command"
import { fromLoad, runCli } from "../runtime"

export const explainCommand: Command = {
  name: "explain",
  summary: "show how every euro of one child-month was apportioned: rule, source, parameters, events",
  usage: "geldstroom explain <scenario.yaml> --child ID --month YYYY-MM [--json] [--store PATH|eventstoredb]",
  options: [
    ["--child ID", "the child's pseudonymous id"],
    ["--month YYYY-MM", "the month"],
    ["--json", "print the explanation as JSON"],
    ["--store PATH|eventstoredb", "read events from this store instead of the scenario's source"]
  ],
  examples: ["geldstroom explain scenarios/rotterdam-small.yaml --child K-002 --month 2026-03"],
  run: async (argv) => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { child: { type: "string" }, month: { type: "string" }, json: { type: "boolean" }, store: { type: "string" } }
    })
    if (positionals.length !== 1 || !values.child || !values.month || !isValidYearMonth(values.month)) {
      process.stderr.write("geldstroom explain: name one scenario, --child ID and --month YYYY-MM\n")
      return EXIT.usage
    }
    const store = commandLineStore(values.store, "read")
    const events = new Map<string, EventEnvelope>()
    const program = Effect.gen(function* () {
      const scenario = yield* fromLoad(loadScenario(positionals[0]!))
      return yield* runScenario(scenario, scenarioEvents(scenario, store), { onEvent: (e) => events.set(e.eventId, e) })
    })
    return runCli(program, (r) => {
      const c = r.ledger.children.find((x) => x.childId === values.child && x.month === values.month)
      if (c === undefined) {
        const known = r.world.children.has(values.child!)
        process.stderr.write(`geldstroom explain: ${known ? `child ${values.child} has no care in ${values.month}` : `no child ${values.child} in this scenario`}\n`)
        return EXIT.usage
      }
      const x = explanation(c, groupMonthsOf(r.ledger.groups, c), events)
      process.stdout.write(values.json ? `${JSON.stringify(x, null, 2)}\n` : explanationText(x))
      return EXIT.ok
    })
  }
}
