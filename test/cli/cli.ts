/**
 * Running the CLI as a user does: a child process of the same Node (24, via
 * vitest's npm scripts) with tsx's loader, from the project root. Every run
 * gets its own XDG_DATA_HOME so the user's default store is never touched.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll } from "vitest"

export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url))

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

const isolatedHome = mkdtempSync(join(tmpdir(), "geldstroom-cli-home-"))
// Registered on the suite of the test file that imports this helper.
afterAll(() => rmSync(isolatedHome, { recursive: true, force: true }))

export const geldstroom = (...args: ReadonlyArray<string>): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: isolatedHome }
    delete env.EVENTSTORE_URL
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c))
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

/** The directory standing in for the user's data directory in these runs. */
export const cliDataHome = isolatedHome
