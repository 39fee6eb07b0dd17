import { mkdirSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import { parseArgs } from "node:util"
import { Effect } from "effect"
import { tablesDocument } from "../../export/jsonDocument"
import { writeXlsx } from "../../export/xlsxFile"
import { loadAccountability } from "../../report/accountability"
import { reportMarkdown } from "../../report/markdown"
import { reportPeriod } from "../../report/period"
import { type ProviderReport, providerReport } from "../../report/providerReport"
import { loadScenario } from "../../scenario/load"
import { scenarioEvents } from "../../scenario/eventSource"
import { runScenario } from "../../scenario/run"
import { commandLineStore } from "../../store/select"
import { type Command, EXIT } from "../command"
import { fromLoad, runCli } from "../runtime"

/** `--half-year` and `--year` take an optional value: `--half-year 2`, `--year 2027`. */
const normaliseReportArgs = (argv: ReadonlyArray<string>): Array<string> => {
  const out: Array<string> = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const next = argv[i + 1]
    if (a === "--half-year") {
      const half = next === "1" || next === "2" ? next : undefined
      out.push(`--half-year=${half ?? "1"}`)
      if (half !== undefined) i++
    } else if (a === "--year") {
      const year = next !== undefined && /^\d{4}$/.test(next) ? next : undefined
      out.push(`--year=${year ?? ""}`)
      if (year !== undefined) i++
    } else out.push(a)
  }
  return out
}

const reportJson = (r: ProviderReport) => ({
  title: r.title,
  period: { kind: r.period.kind, year: r.period.year, half: r.period.half ?? null, months: r.period.months, covered: r.period.covered },
  notes: r.notes,
  explain: r.explain,
  ...tablesDocument([r.about, ...r.sections.map((s) => s.table)])
})

export const reportCommand: Command = {
  name: "report",
  summary: "the half-year or year accountability report of a KOplus provider (seed 004 §XI): occupancy, in- and outflow, budget",
  usage: "geldstroom report <scenario.yaml> --half-year [1|2] | --year [YYYY] [--format md|xlsx] [-o FILE] [--store PATH|eventstoredb] [--json]",
  options: [
    ["--half-year [1|2]", "the first (default) or second six months of the scenario's year"],
    ["--year [YYYY]", "the whole year (default: the year the scenario's period starts in)"],
    ["--format md|xlsx", "Markdown (default; to standard output without -o) or an XLSX workbook (needs -o)"],
    ["-o, --output FILE", "write the report to this file"],
    ["--store PATH|eventstoredb", "read events from this store instead of the scenario's source"],
    ["--json", "print the report's tables as JSON (docs/output-contracts.md)"]
  ],
  examples: [
    "geldstroom report scenarios/rotterdam-small.yaml --half-year",
    "geldstroom report scenarios/rotterdam-small.yaml --half-year 2 -o halfjaar-2.md",
    "geldstroom report scenarios/rotterdam-small.yaml --year --format xlsx -o eindrapportage-2026.xlsx"
  ],
  run: async (argv) => {
    const { values, positionals } = parseArgs({
      args: normaliseReportArgs(argv),
      allowPositionals: true,
      options: {
        "half-year": { type: "string" },
        year: { type: "string" },
        format: { type: "string" },
        output: { type: "string", short: "o" },
        store: { type: "string" },
        json: { type: "boolean" }
      }
    })
    const format = values.format ?? "md"
    const halfYear = values["half-year"]
    if (positionals.length !== 1 || (halfYear === undefined) === (values.year === undefined) || (format !== "md" && format !== "xlsx")) {
      process.stderr.write("geldstroom report: name one scenario and either --half-year [1|2] or --year [YYYY]; --format md or xlsx\n")
      return EXIT.usage
    }
    if (format === "xlsx" && values.output === undefined) {
      process.stderr.write("geldstroom report: --format xlsx writes a file: give -o FILE.xlsx\n")
      return EXIT.usage
    }
    const store = commandLineStore(values.store, "read")
    const accountability = loadAccountability()
    const program = Effect.gen(function* () {
      const a = yield* fromLoad(accountability)
      const scenario = yield* fromLoad(loadScenario(positionals[0]!))
      const year = halfYear === undefined && values.year ? Number(values.year) : Number(scenario.spec.period.from.slice(0, 4))
      const period = reportPeriod(halfYear === undefined ? { kind: "year" } : { kind: "half-year", half: halfYear === "2" ? 2 : 1 }, year, scenario.months)
      if (period.covered.length === 0) return { scenario, period, report: undefined }
      // The ledger of the report's months only: each month is computed on its own, so these are the full run's months.
      const run = yield* runScenario({ ...scenario, months: period.covered }, scenarioEvents(scenario, store))
      return { scenario, period, report: providerReport(run, period, a) }
    })
    return runCli(program, async ({ scenario, period, report }) => {
      if (report === undefined) {
        process.stderr.write(`geldstroom report: the scenario covers ${scenario.spec.period.from} to ${scenario.spec.period.to}, nothing of the ${period.label}\n`)
        return EXIT.usage
      }
      const output = values.output
      if (output !== undefined) mkdirSync(dirname(output), { recursive: true })
      if (format === "xlsx") await writeXlsx(output!, [report.about, ...report.sections.map((s) => s.table)], { title: report.title })
      else if (output !== undefined) writeFileSync(output, reportMarkdown(report))
      if (values.json) process.stdout.write(`${JSON.stringify(reportJson(report), null, 2)}\n`)
      else if (output === undefined) process.stdout.write(reportMarkdown(report))
      else process.stderr.write(`wrote ${output}\n`)
      return report.violations > 0 ? EXIT.violations : EXIT.ok
    })
  }
}
