/** The shape of a CLI command: its help text and what it does. Exit codes: docs/cli.md. */
export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  readonly options: ReadonlyArray<readonly [string, string]>
  readonly examples: ReadonlyArray<string>
  /** Paragraph lines printed after the options, when the command needs more than its summary. */
  readonly details?: ReadonlyArray<string>
  readonly run: (argv: ReadonlyArray<string>) => Promise<number>
}

export const EXIT = {
  ok: 0,
  /** The run finished but found invariant violations. */
  violations: 1,
  usage: 2,
  invalidInput: 3,
  missingParameters: 4,
  store: 5
} as const

export const helpText = (c: Command): string =>
  [
    `geldstroom ${c.name}: ${c.summary}`,
    "",
    `Usage: ${c.usage}`,
    ...(c.options.length ? ["", "Options:", ...c.options.map(([o, d]) => `  ${o.padEnd(28)} ${d}`)] : []),
    ...(c.details?.length ? ["", ...c.details] : []),
    ...(c.examples.length ? ["", "Examples:", ...c.examples.map((e) => `  ${e}`)] : []),
    ""
  ].join("\n")
