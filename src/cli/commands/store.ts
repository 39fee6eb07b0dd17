import { existsSync } from "node:fs"
import { parseArgs } from "node:util"
import { readAllStatus, sqliteStatus, type StoreStatusReport, verifyStore, type VerifyReport } from "../../io/storeInspect"
import { storeLayer } from "../../store/select"
import { type Command, EXIT } from "../command"
import { runCli, withStore } from "../runtime"
import { sqlitePathOf } from "./import"

const statusText = (s: StoreStatusReport): string =>
  [
    `store      ${s.store}`,
    ...(s.path === null ? [] : [`path       ${s.path}${s.exists ? "" : " (no store here yet)"}`]),
    `events     ${s.events}`,
    `streams    ${s.streams}`,
    `head       ${s.headPosition ?? "(empty)"}`,
    ...(s.sizeBytes === null ? [] : [`size       ${s.sizeBytes} bytes`]),
    ""
  ].join("\n")

const verifyText = (v: VerifyReport): string =>
  v.corrupt.length === 0
    ? `${v.store}: all ${v.ok} event(s) decode\n`
    : [
        `${v.store}: ${v.corrupt.length} CORRUPT event(s), ${v.ok} decode`,
        ...v.corrupt.map((c) => `  position ${c.position}${c.stream ? ` (stream '${c.stream}', revision ${c.revision})` : ""}: ${c.reason}`),
        ""
      ].join("\n")

export const storeCommand: Command = {
  name: "store",
  summary: "inspect an event store: status (what it holds) or verify (every event still decodes)",
  usage: "geldstroom store status|verify [--store PATH|eventstoredb] [--json]",
  options: [
    ["status", "path, events, streams, head position and size"],
    ["verify", "read every event and check it decodes; each corrupt event is reported with its position (exit 5)"],
    ["--store PATH|eventstoredb", "the store (default: the embedded store in your data directory)"],
    ["--json", "print the status or the verification as JSON"]
  ],
  examples: ["geldstroom store status", "geldstroom store verify --store ./events.sqlite", "geldstroom store status --store eventstoredb --json"],
  run: async (argv) => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { store: { type: "string" }, json: { type: "boolean" } }
    })
    const [action, ...rest] = positionals
    if ((action !== "status" && action !== "verify") || rest.length > 0) {
      process.stderr.write("geldstroom store: say 'status' or 'verify'\n")
      return EXIT.usage
    }
    const path = sqlitePathOf(values.store)
    const print = (text: string, json: unknown) => process.stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : text)
    if (action === "status") {
      const program = path === undefined ? withStore(readAllStatus, storeLayer(values.store)) : sqliteStatus(path)
      return runCli(program, (s) => {
        print(statusText(s), s)
        return EXIT.ok
      })
    }
    if (path !== undefined && !existsSync(path)) {
      process.stderr.write(`geldstroom store: no store at ${path}: nothing to verify\n`)
      return EXIT.store
    }
    return runCli(withStore(verifyStore, storeLayer(path ?? values.store)), (v) => {
      print(verifyText(v), v)
      return v.corrupt.length === 0 ? EXIT.ok : EXIT.store
    })
  }
}

