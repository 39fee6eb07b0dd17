/**
 * geldstroom's command line. `geldstroom` alone opens the terminal UI (or, when
 * not on a terminal, prints the comparison once); `geldstroom <command> --help`
 * explains each command with examples. Exit codes: docs/cli.md.
 */
import { type Command, EXIT, helpText, twoColumns } from "./command"
import { compareCommand } from "./commands/compare"
import { explainCommand } from "./commands/explain"
import { generateCommand } from "./commands/generate"
import { exportCommand } from "./commands/export"
import { importCommand } from "./commands/import"
import { reportCommand } from "./commands/report"
import { runCommand } from "./commands/run"
import { tuiCommand } from "./commands/tui"
import { storeCommand } from "./commands/store"
import { describeStore } from "../store/select"
import { MAIN_SCENARIOS, prepareMainJob } from "../app/mainJob"
import { thrownExit } from "./runtime"
import { tuneHeap } from "./heap"

const mainJob = async (options: ReadonlyArray<string>): Promise<number> => {
  const quiet = !process.stderr.isTTY
  try {
    await prepareMainJob((line) => {
      if (!quiet) process.stderr.write(`${line}\n`)
    })
  } catch (e) {
    return thrownExit(e, "geldstroom", `the main job could not fill the ${describeStore(undefined)}: `)
  }
  return tuiCommand.run([...MAIN_SCENARIOS, "--store", "default", ...options])
}

/** Run a command; what it throws ends as its exit code and a message (`thrownExit`), never as an unhandled rejection. */
const guarded = async (who: string, run: () => Promise<number>): Promise<number> => {
  try {
    return await run()
  } catch (e) {
    return thrownExit(e, who)
  }
}

export const commands: ReadonlyArray<Command> = [runCommand, compareCommand, explainCommand, importCommand, exportCommand, reportCommand, storeCommand, generateCommand, tuiCommand]

const overview = (): string =>
  [
    "geldstroom: who pays for each hour of care of a child who needs extra support?",
    "",
    "Usage: geldstroom [command] [options]",
    "",
    "Commands:",
    ...twoColumns(commands.map((c) => [c.name, c.summary])),
    "",
    "Run 'geldstroom <command> --help' for a command's options and examples.",
    ""
  ].join("\n")

export const main = async (argv: ReadonlyArray<string>): Promise<number> => {
  tuneHeap()
  const [name, ...rest] = argv
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(overview())
    return EXIT.ok
  }
  // The main job: `geldstroom` alone (options such as --lang allowed) fills the embedded store with
  // the Rotterdam population and opens the comparison of the shipped scenarios on it.
  if (name === undefined || name.startsWith("--")) return guarded("geldstroom", () => mainJob(argv))
  const command = commands.find((c) => c.name === name)
  if (command === undefined) {
    process.stderr.write(`geldstroom: unknown command '${name}'\n\n${overview()}`)
    return EXIT.usage
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(helpText(command))
    return EXIT.ok
  }
  return guarded(`geldstroom ${name}`, () => command.run(rest))
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("src/cli/main.ts")) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
