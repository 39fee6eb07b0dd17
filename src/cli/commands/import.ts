import { existsSync } from "node:fs"
import { parseArgs } from "node:util"
import { Result } from "effect"
import { readImportFile } from "../../io/importFile"
import { type ImportOutcome, importToStore, outcomeWithoutStore } from "../../io/importToStore"
import { commandLineStore, describeStore, sqliteFileOf, storeLayer } from "../../store/select"
import { type Command, EXIT } from "../command"
import { runCli, withStore } from "../runtime"

const outcomeText = (o: ImportOutcome, store: string): string => {
  const head = o.dryRun
    ? `dry run, nothing written: ${o.file} into ${store} would add ${o.new} new event(s); ${o.alreadyThere} already there`
    : `imported ${o.file} into ${store}: ${o.new} new event(s), ${o.alreadyThere} already there`
  const kinds = Object.entries(o.byKind).map(([k, n]) => `  ${k.padEnd(26)} ${String(n.new).padStart(6)} new ${String(n.alreadyThere).padStart(6)} already there`)
  return [head, `  ${o.rows} row(s), ${o.events} event(s) in ${o.streams} stream(s)`, ...kinds, ""].join("\n")
}

export const importCommand: Command = {
  name: "import",
  summary: "turn a CSV or JSON-lines file of placements, indications, entitlements, groups and budgets into events",
  usage: "geldstroom import <file.csv|file.jsonl> [--store PATH|eventstoredb] [--dry-run] [--json]",
  options: [
    ["--store PATH|eventstoredb", "the store to append to, created when missing (default: the embedded store in your data directory)"],
    ["--dry-run", "check every row and count what would be new; write nothing"],
    ["--json", "print the outcome (or the problems) as JSON (docs/output-contracts.md)"]
  ],
  examples: [
    "geldstroom import docs/import-template.csv --store ./events.sqlite --dry-run",
    "geldstroom import placements-2026.csv --store ./events.sqlite",
    "geldstroom import events.jsonl --store eventstoredb --json"
  ],
  run: async (argv) => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { store: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } }
    })
    if (positionals.length !== 1) {
      process.stderr.write("geldstroom import: name one .csv or .jsonl file\n")
      return EXIT.usage
    }
    const file = positionals[0]!
    const dryRun = values["dry-run"] === true
    // One import instant for every row that gives no recordedTime.
    const now = new Date().toISOString()
    const plan = readImportFile(file, { defaultRecordedTime: () => now, correlationId: `import ${now}` })
    if (Result.isFailure(plan)) {
      const e = plan.failure
      if (values.json) process.stdout.write(`${JSON.stringify({ ok: false, file, problems: e.problems }, null, 2)}\n`)
      process.stderr.write(`geldstroom: ${e.message}\n`)
      return EXIT.invalidInput
    }
    const spec = commandLineStore(values.store, "write")
    const store = describeStore(spec)
    const print = (o: ImportOutcome) => {
      process.stdout.write(values.json ? `${JSON.stringify({ ok: true, store, ...o }, null, 2)}\n` : outcomeText(o, store))
      return EXIT.ok
    }
    const path = sqliteFileOf(spec)
    // A dry run creates no store: against a store file that does not exist yet, everything is new.
    if (dryRun && path !== undefined && !existsSync(path)) return print(outcomeWithoutStore(plan.success))
    return runCli(withStore(importToStore(plan.success, { dryRun }), storeLayer(spec)), print)
  }
}
