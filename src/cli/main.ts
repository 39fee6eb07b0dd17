/**
 * geldstroom's command line. `geldstroom` alone opens the terminal UI (or, when
 * not on a terminal, prints the comparison once); `geldstroom <command> --help`
 * explains each command with examples. Exit codes: docs/cli.md.
 */
import { type Command, EXIT, helpText } from "./command"
import { compareCommand } from "./commands/compare"
import { explainCommand } from "./commands/explain"
import { runCommand } from "./commands/run"
import { UsageError } from "../store/select"

export const commands: ReadonlyArray<Command> = [runCommand, compareCommand, explainCommand]

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
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(overview())
    return EXIT.ok
  }
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
