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
  store: 5,
  /** A bug: the cause is printed. */
  unexpected: 70
} as const

/** Lines of two columns, the second starting two spaces after the longest entry of the first. */
export const twoColumns = (rows: ReadonlyArray<readonly [string, string]>): ReadonlyArray<string> => {
  const width = Math.max(0, ...rows.map(([left]) => left.length))
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`)
}

export const helpText = (c: Command): string =>
  [
    `geldstroom ${c.name}: ${c.summary}`,
    "",
    `Usage: ${c.usage}`,
    ...(c.options.length ? ["", "Options:", ...twoColumns(c.options)] : []),
    ...(c.details?.length ? ["", ...c.details] : []),
    ...(c.examples.length ? ["", "Examples:", ...c.examples.map((e) => `  ${e}`)] : []),
    ""
  ].join("\n")
