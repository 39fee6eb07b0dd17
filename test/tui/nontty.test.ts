/**
 * Not on a terminal (piped, CI): `geldstroom` and `geldstroom tui` print the
 * comparison once as text and exit 0, even with stdin left open: they never
 * wait for keys.
 */
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Workbench } from "../../src/app/workbench"
import { compareText } from "../../src/output/compareText"
import { printComparison } from "../../src/tui/index"
import { SMALL, workbenches } from "./harness"

const root = fileURLToPath(new URL("../..", import.meta.url))
const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href

/** Run the CLI with stdin, stdout and stderr as pipes; stdin is never closed. */
const cli = (args: ReadonlyArray<string>, cwd = root, env: NodeJS.ProcessEnv = process.env) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", tsx, join(root, "src/cli/main.ts"), ...args], { cwd, env, stdio: ["pipe", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c))
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c))
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

/** A bound for tests that start the CLI (its start-up is slow on a loaded machine); not a speed target. */
const SLOW = 180_000

let wb: Workbench
let dir: string

beforeAll(async () => {
  wb = (await workbenches()).one
  dir = mkdtempSync(join(tmpdir(), "geldstroom-nontty-"))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("without a terminal", () => {
  it("geldstroom tui <scenario> | cat prints the comparison as compare does, and exits 0", async () => {
    const r = await cli(["tui", SMALL])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(compareText(wb.compare, 100))
  }, SLOW)

  it("geldstroom with no arguments (the main job) fills the embedded store and prints the Rotterdam comparison, exit 0", async () => {
    // A data directory of its own: the main job writes the embedded store there, never in the user's.
    const env = { ...process.env, XDG_DATA_HOME: join(dir, "data") }
    const r = await cli([], dir, env)
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^\s+rotterdam-homogen\S*\s+rotterdam-heterog\S*\s+rotterdam-hybrid\s+rotterdam-2029\n/)
    expect(r.stdout).toContain("total cost of care")
    expect(existsSync(join(dir, "data", "geldstroom", "events.sqlite"))).toBe(true)
    // Again: the same comparison, read from the store it filled the first time.
    const again = await cli([], dir, env)
    expect(again.code).toBe(0)
    expect(again.stdout).toBe(r.stdout)
  }, SLOW)

  it("geldstroom --help still prints the overview, with the tui command", async () => {
    const r = await cli(["--help"])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Usage: geldstroom [command] [options]")
    expect(r.stdout).toMatch(/ tui +open the analyst's workbench/)
  }, SLOW)

  it("a bad --lang is a usage error (exit 2)", async () => {
    const r = await cli(["tui", SMALL, "--lang", "de"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("--lang de is not one of en, nl")
  }, SLOW)

  it("a --baseline that names none of the scenarios is a usage error (exit 2)", async () => {
    const r = await cli(["tui", SMALL, "--baseline", "nope"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("--baseline nope names none of the scenarios")
  }, SLOW)

  it("printComparison writes to the streams it is given and reports a broken scenario with its exit code", async () => {
    const out: Array<string> = []
    const err: Array<string> = []
    const io = {
      stdin: process.stdin,
      stdout: { write: (s: string) => out.push(s), columns: 0 } as unknown as NodeJS.WriteStream,
      stderr: { write: (s: string) => err.push(s) } as unknown as NodeJS.WriteStream
    }
    const broken = join(dir, "broken.yaml")
    writeFileSync(broken, "name: broken\nperiod: { from: 2026-01, to: 2026-12 }\n")
    expect(await printComparison({ lang: "en", files: [broken], defaultFiles: async () => [] }, io)).toBe(3)
    expect(err.join("")).toContain("broken.yaml")
    expect(await printComparison({ lang: "en", defaultFiles: async () => [] }, io)).toBe(2)
    expect(out).toEqual([])
  })
})
