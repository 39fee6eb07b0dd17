import { parseArgs } from "node:util"
import { Effect } from "effect"
import { type Rebuilt, rebuildProjections } from "../../projection/rebuild"
import { storeFile } from "../../projection/scenario"
import { readAllStatus, sqliteStatus, type StoreStatusReport, verifyStore, type VerifyReport } from "../../io/storeInspect"
import { commandLineStore, sqliteFileOf, storeLayer, UsageError } from "../../store/select"
import { type Command, EXIT } from "../command"
import { threadsOption } from "../options"
import { withReplayThreads } from "../replayThreads"
import { runCli, withStore } from "../runtime"

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

const rebuildText = (store: string, rebuilt: ReadonlyArray<Rebuilt>): string =>
  rebuilt.length === 0
    ? `${store}: no projections to rebuild\n`
    : [
        ...rebuilt.map((r) =>
          r.outcome === "rebuilt"
            ? `rebuilt ${r.name}: ${r.events} events, ${r.children} children, ${r.childMonths} child-months, ${r.violations} violation(s), checkpoint ${r.checkpoint}, ${r.seconds?.toFixed(1)} s`
            : `skipped ${r.name}: ${r.reason}`
        ),
        ""
      ].join("\n")

export const storeCommand: Command = {
  name: "store",
  summary: "inspect an event store: status (what it holds), verify (every event still decodes) or rebuild (its projections, by replay)",
  usage: "geldstroom store status|verify|rebuild [--store PATH|eventstoredb] [--json] [--threads N]",
  options: [
    ["status", "path, events, streams, head position and size"],
    ["verify", "read every event and check it decodes; each corrupt event is reported with its position (exit 5)"],
    ["rebuild", "replay the embedded store into each projection kept in it (docs/benchmarks.md), from its scenario file; each is written with its new checkpoint in one transaction"],
    ["--store PATH|eventstoredb", "the store (default: the embedded store in your data directory); verify and rebuild refuse one that is not there"],
    ["--json", "print the status, the verification or the rebuild as JSON (docs/output-contracts.md)"],
    ["--threads N", "rebuild: threads replaying the children (default: the machine's cores, at most 4; fewer use less memory, 1 keeps to one)"]
  ],
  examples: [
    "geldstroom store status",
    "geldstroom store verify --store ./events.sqlite",
    "geldstroom store status --store eventstoredb --json",
    "geldstroom store rebuild --store ./events.sqlite"
  ],
  run: async (argv) => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { store: { type: "string" }, json: { type: "boolean" }, threads: { type: "string" } }
    })
    const [action, ...rest] = positionals
    if ((action !== "status" && action !== "verify" && action !== "rebuild") || rest.length > 0) {
      process.stderr.write("geldstroom store: say 'status', 'verify' or 'rebuild'\n")
      return EXIT.usage
    }
    const threads = threadsOption(values.threads)
    if (threads !== undefined && action !== "rebuild") throw new UsageError("--threads is for store rebuild, which replays the store")
    // Verify and rebuild refuse a store that is not there (opening one would create it); status reports
    // that there is none yet (exists: false) and creates nothing either.
    const spec = commandLineStore(values.store ?? "default", action === "status" ? "write" : "read")
    const path = sqliteFileOf(spec)
    const print = (text: string, json: unknown) => process.stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : text)
    if (action === "rebuild") {
      if (path === undefined) {
        process.stderr.write("geldstroom store rebuild: projections are kept in the embedded store only; name a SQLite store with --store PATH\n")
        return EXIT.usage
      }
      return runCli(withReplayThreads(Effect.scoped(Effect.flatMap(storeFile(path), rebuildProjections)), threads), (rebuilt) => {
        print(rebuildText(path, rebuilt), rebuilt)
        return rebuilt.some((r) => r.outcome === "skipped") ? EXIT.invalidInput : EXIT.ok
      })
    }
    if (action === "status") {
      const program = path === undefined ? withStore(readAllStatus, storeLayer(spec)) : sqliteStatus(path)
      return runCli(program, (s) => {
        print(statusText(s), s)
        return EXIT.ok
      })
    }
    return runCli(withStore(verifyStore, storeLayer(spec)), (v) => {
      print(verifyText(v), v)
      return v.corrupt.length === 0 ? EXIT.ok : EXIT.store
    })
  }
}

