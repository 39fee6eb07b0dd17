/**
 * `geldstroom` and `geldstroom tui`: the analyst's workbench in the terminal.
 * On a terminal it opens the Ink application; piped or in CI (no TTY on stdin
 * or stdout) it prints the comparison once as text and exits, never waiting
 * for keys. docs/tui.md.
 */
import { render } from "ink"
import { createElement } from "react"
import { baselineIndex, runWorkbench } from "../app/workbench"
import { EXIT } from "../cli/command"
import { errorExit } from "../cli/runtime"
import { compareText } from "../output/compareText"
import { App } from "./App"
import type { Lang } from "./i18n"

export interface TuiOptions {
  readonly files?: ReadonlyArray<string>
  readonly lang: Lang
  readonly store?: string
  readonly baseline?: string
  readonly defaultFiles: () => Promise<ReadonlyArray<string>>
}

export interface TuiStreams {
  readonly stdin: NodeJS.ReadStream
  readonly stdout: NodeJS.WriteStream
  readonly stderr: NodeJS.WriteStream
}

const processStreams = (): TuiStreams => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })

/** Whether the keys and the screen are a terminal's. */
const isInteractive = (io: TuiStreams): boolean => Boolean(io.stdin.isTTY && io.stdout.isTTY)

/** Not on a terminal: run the scenarios and print the comparison once (`compareText`). */
export const printComparison = async (options: TuiOptions, io: TuiStreams = processStreams()): Promise<number> => {
  const files = options.files && options.files.length > 0 ? options.files : await options.defaultFiles()
  if (files.length === 0) {
    io.stderr.write("geldstroom: no scenario files found; name them: geldstroom tui scenarios/*.yaml\n")
    return EXIT.usage
  }
  const baseline = baselineIndex(options.baseline, files)
  if (baseline === undefined) {
    io.stderr.write(`geldstroom tui: --baseline ${options.baseline} names none of the scenarios\n`)
    return EXIT.usage
  }
  try {
    const { compare } = await runWorkbench(files, { ...(options.store ? { store: options.store } : {}), baseline })
    io.stdout.write(compareText(compare, io.stdout.columns || 100))
    return EXIT.ok
  } catch (e) {
    const { code, message } = errorExit(e)
    io.stderr.write(`geldstroom: ${message}\n`)
    return code
  }
}

export const startTui = async (options: TuiOptions, io: TuiStreams = processStreams()): Promise<number> => {
  if (!isInteractive(io)) return printComparison(options, io)
  let code: number = EXIT.ok
  const app = render(
    createElement(App, {
      lang: options.lang,
      ...(options.files ? { files: options.files } : {}),
      ...(options.store ? { store: options.store } : {}),
      ...(options.baseline ? { baseline: options.baseline } : {}),
      defaultFiles: options.defaultFiles,
      onExit: (c: number) => {
        code = c
      }
    }),
    {
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      exitOnCtrlC: false,
      // Decided above from the TTYs, so CI=true in the environment does not turn the UI off under tmux.
      interactive: true,
      alternateScreen: true,
      incrementalRendering: true,
      patchConsole: true
    }
  )
  await app.waitUntilExit()
  return code
}
