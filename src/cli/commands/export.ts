import { mkdirSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import { parseArgs } from "node:util"
import { Effect } from "effect"
import { writeCsvFiles } from "../../export/csvFiles"
import { tablesDocument } from "../../export/jsonDocument"
import { exportTables } from "../../export/ledgerTables"
import { writeXlsx } from "../../export/xlsxFile"
import { loadScenario } from "../../scenario/load"
import { scenarioEvents } from "../../scenario/eventSource"
import { runScenario } from "../../scenario/run"
import { commandLineStore } from "../../store/select"
import { type Command, EXIT } from "../command"
import { fromLoad, runCli } from "../runtime"

const FORMATS = ["csv", "xlsx", "json"] as const
type Format = (typeof FORMATS)[number]

export const exportCommand: Command = {
  name: "export",
  summary: "write the ledger per child-month and per group-month, and the totals, as CSV, XLSX or JSON",
  usage: "geldstroom export <scenario.yaml> --format csv|xlsx|json [-o FILE|DIR/|PREFIX] [--store PATH|eventstoredb] [--json]",
  options: [
    ["--format csv|xlsx|json", "csv: one file per view; xlsx: one sheet per view; json: one document"],
    ["-o, --output FILE|DIR/|PREFIX", "xlsx: the workbook file; csv: a directory (DIR/) or a file prefix; json: a file (default: standard output)"],
    ["--store PATH|eventstoredb", "read events from this store instead of the scenario's source"],
    ["--json", "print what was written (files, fingerprint) as JSON"]
  ],
  examples: [
    "geldstroom export scenarios/rotterdam-small.yaml --format xlsx -o rotterdam-2026.xlsx",
    "geldstroom export scenarios/rotterdam-small.yaml --format csv -o out/",
    "geldstroom export scenarios/rotterdam-small.yaml --format csv -o out/rotterdam   # out/rotterdam-child-months.csv, ...",
    "geldstroom export scenarios/rotterdam-small.yaml --format json > ledger.json"
  ],
  run: async (argv) => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { format: { type: "string" }, output: { type: "string", short: "o" }, store: { type: "string" }, json: { type: "boolean" } }
    })
    const format = values.format as Format | undefined
    if (positionals.length !== 1 || format === undefined || !FORMATS.includes(format)) {
      process.stderr.write("geldstroom export: name one scenario and --format csv, xlsx or json\n")
      return EXIT.usage
    }
    const output = values.output
    if (output === undefined && format !== "json") {
      process.stderr.write(`geldstroom export: --format ${format} writes files: give -o ${format === "csv" ? "DIR/ or PREFIX" : "FILE.xlsx"}\n`)
      return EXIT.usage
    }
    const store = commandLineStore(values.store, "read")
    const program = Effect.gen(function* () {
      const scenario = yield* fromLoad(loadScenario(positionals[0]!))
      return yield* runScenario(scenario, scenarioEvents(scenario, store))
    })
    return runCli(program, async (run) => {
      const tables = exportTables(run)
      let files: ReadonlyArray<string> = []
      if (format === "csv") files = writeCsvFiles(output!, tables)
      else if (format === "xlsx") {
        mkdirSync(dirname(output!), { recursive: true })
        await writeXlsx(output!, tables, { title: run.scenario.spec.name })
        files = [output!]
      } else {
        const text = `${JSON.stringify({ scenario: run.scenario.spec.name, fingerprint: run.fingerprint, ...tablesDocument(tables) }, null, 2)}\n`
        if (output === undefined) process.stdout.write(text)
        else {
          mkdirSync(dirname(output), { recursive: true })
          writeFileSync(output, text)
          files = [output]
        }
      }
      if (values.json && files.length > 0) process.stdout.write(`${JSON.stringify({ format, files, fingerprint: run.fingerprint, violations: run.violations.length }, null, 2)}\n`)
      else if (files.length > 0) process.stderr.write(`wrote ${files.join(", ")}\n`)
      if (run.violations.length > 0) {
        process.stderr.write(`geldstroom export: the run has ${run.violations.length} invariant violation(s): see 'geldstroom run'\n`)
        return EXIT.violations
      }
      return EXIT.ok
    })
  }
}
