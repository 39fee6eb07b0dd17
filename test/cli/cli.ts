/**
 * Running the CLI as a user does: a child process of the same Node (24, via
 * vitest's npm scripts) with tsx's loader, from the project root unless a test
 * names another working directory. Every run gets its own XDG_DATA_HOME so the
 * user's default store is never touched.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { afterAll } from "vitest"

export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url))

/** tsx's loader and the CLI by absolute location, so the CLI also runs from another working directory. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
const MAIN = join(PROJECT_ROOT, "src/cli/main.ts")

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface CliOptions {
  /** The working directory (default: the project root). */
  readonly cwd?: string
  /** Variables added to (or replacing) the environment, after XDG_DATA_HOME is set. */
  readonly env?: NodeJS.ProcessEnv
}

const isolatedHome = mkdtempSync(join(tmpdir(), "geldstroom-cli-home-"))
// Registered on the suite of the test file that imports this helper.
afterAll(() => rmSync(isolatedHome, { recursive: true, force: true }))

export const geldstroomWith = (options: CliOptions, ...args: ReadonlyArray<string>): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: isolatedHome, ...options.env }
    delete env.EVENTSTORE_URL
    const child = spawn(process.execPath, ["--import", TSX_LOADER, MAIN, ...args], { cwd: options.cwd ?? PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c))
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

export const geldstroom = (...args: ReadonlyArray<string>): Promise<CliResult> => geldstroomWith({}, ...args)

/** The directory standing in for the user's data directory in these runs. */
export const cliDataHome = isolatedHome
