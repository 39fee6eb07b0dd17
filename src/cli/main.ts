/**
 * geldstroom's command line. `geldstroom` alone opens the terminal UI (or, when
 * not on a terminal, prints the comparison once); `geldstroom <command> --help`
 * explains each command with examples. Exit codes: docs/cli.md.
 */
import { type Command, EXIT, helpText } from "./command"
import { compareCommand } from "./commands/compare"
import { explainCommand } from "./commands/explain"
import { generateCommand } from "./commands/generate"
import { exportCommand } from "./commands/export"
import { importCommand } from "./commands/import"
import { reportCommand } from "./commands/report"
import { runCommand } from "./commands/run"
import { tuiCommand } from "./commands/tui"
import { storeCommand } from "./commands/store"
import { UsageError } from "../store/select"
import { MAIN_SCENARIOS, prepareMainJob } from "../app/mainJob"

const mainJob = async (options: ReadonlyArray<string>): Promise<number> => {
  const quiet = !process.stderr.isTTY
  await prepareMainJob((line) => {
    if (!quiet) process.stderr.write(`${line}\n`)
  })
  return tuiCommand.run([...MAIN_SCENARIOS, "--store", "default", ...options])
}

export const commands: ReadonlyArray<Command> = [runCommand, compareCommand, explainCommand, importCommand, exportCommand, reportCommand, storeCommand, generateCommand, tuiCommand]

const overview = (): string =>
  [
    "geldstroom: who pays for each hour of care of a child who needs extra support?",
    "",
    "Usage: geldstroom [command] [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    "",
    "Run 'geldstroom <command> --help' for a command's options and examples.",
    ""
  ].join("\n")

export const main = async (argv: ReadonlyArray<string>): Promise<number> => {
  const [name, ...rest] = argv
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(overview())
    return EXIT.ok
  }
  // The main job: `geldstroom` alone (options such as --lang allowed) fills the embedded store with
  // the Rotterdam population and opens the comparison of the shipped scenarios on it.
  if (name === undefined || name.startsWith("--")) return mainJob(argv)
  const command = commands.find((c) => c.name === name)
  if (command === undefined) {
    process.stderr.write(`geldstroom: unknown command '${name}'\n\n${overview()}`)
    return EXIT.usage
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(helpText(command))
    return EXIT.ok
  }
  try {
    return await command.run(rest)
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`geldstroom ${name}: ${(e as Error).message}\n`)
      return EXIT.usage
    }
    throw e
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("src/cli/main.ts")) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
