/**
 * Run a TypeScript fixture in a child process with the same Node (24) as the
 * tests, through tsx's loader, and read its stdout line by line.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

const projectRoot = fileURLToPath(new URL("../..", import.meta.url))

export interface Fixture {
  readonly child: ChildProcess
  /** Complete lines printed so far (a line counts once its newline has arrived). */
  readonly lines: Array<string>
  /** The next line (after those already taken) that matches, waiting for it. */
  readonly nextLine: (matches?: (line: string) => boolean) => Promise<string>
  readonly send: (line: string) => void
  /** Resolves when the process has exited, with its exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  readonly stderr: () => string
}

export const runFixture = (script: string, args: ReadonlyArray<string>): Fixture => {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: projectRoot,
    stdio: ["pipe", "pipe", "pipe"]
  })
  const lines: Array<string> = []
  let partial = ""
  let errors = ""
  let taken = 0
  const waiters: Array<() => void> = []
  const wake = () => waiters.splice(0).forEach((w) => w())
  child.stdout.setEncoding("utf8")
  child.stdout.on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n")
    partial = parts.pop() ?? ""
    lines.push(...parts)
    wake()
  })
  child.stderr.setEncoding("utf8")
  child.stderr.on("data", (chunk: string) => {
    errors += chunk
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      resolve({ code, signal })
      wake()
    })
  )
  let done = false
  void exited.then(() => {
    done = true
  })

  const nextLine = async (matches: (line: string) => boolean = () => true): Promise<string> => {
    for (;;) {
      while (taken < lines.length) {
        const line = lines[taken++] as string
        if (matches(line)) return line
      }
      if (done) throw new Error(`fixture ${script} exited before printing the expected line; stderr:\n${errors}`)
      await new Promise<void>((resolve) => waiters.push(resolve))
    }
  }

  return {
    child,
    lines,
    nextLine,
    send: (line) => child.stdin.write(`${line}\n`),
    exited,
    stderr: () => errors
  }
}
