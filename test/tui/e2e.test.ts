/**
 * End to end: the real command in a real terminal. `geldstroom tui` runs with
 * Node 24 in a detached tmux session of a fixed size (its own tmux server);
 * keys go in with send-keys, the screen comes back with capture-pane, polled
 * a bounded number of times until the expected text is on it.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Workbench } from "../../src/app/workbench"
import { money } from "../../src/tui/format"
import { SMALL, workbenches } from "./harness"

const root = fileURLToPath(new URL("../..", import.meta.url))
const socket = `geldstroom-e2e-${process.pid}`
const session = "tui"
const tmux = (...args: ReadonlyArray<string>) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" })
const alive = () => spawnSync("tmux", ["-L", socket, "has-session", "-t", session]).status === 0
const screen = () => tmux("capture-pane", "-p", "-t", session)
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 100))

/** Poll the pane until `check` holds; fail after `polls` tries, showing the screen. */
const until = async (check: (screen: string) => boolean, what: string, polls = 600): Promise<string> => {
  let last = ""
  for (let i = 0; i < polls; i++) {
    if (!alive()) throw new Error(`the session ended while waiting for ${what}; last screen:\n${last}`)
    last = screen()
    if (check(last)) return last
    await pause()
  }
  throw new Error(`no ${what} on screen after ${polls} polls; last screen:\n${last}`)
}

const hasTmux = spawnSync("tmux", ["-V"]).status === 0
let dir: string
let wb: Workbench

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "geldstroom-e2e-"))
  wb = (await workbenches()).one
})

afterAll(() => {
  spawnSync("tmux", ["-L", socket, "kill-server"])
  rmSync(dir, { recursive: true, force: true })
})

describe.runIf(hasTmux)("geldstroom tui in tmux", () => {
  it("opens on the comparison, switches sections by key, and quits on q with exit code 0", async () => {
    const codeFile = join(dir, "exit-code")
    const command = `'${process.execPath}' --import tsx src/cli/main.ts tui ${SMALL}; echo $? > '${codeFile}'`
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", "-c", root, command)
    // The whole first frame: the comparison and the status line (under load tmux may show a frame half drawn).
    const first = await until((s) => s.includes("Total cost of care") && s.includes("read-only"), "the comparison")
    expect(first).toContain(money("en", wb.compare.scenarios[0]!.cost))
    expect(first).toContain("read-only")
    // Exactly the window: 30 rows, none wider than 100 columns.
    const lines = first.replace(/\n$/, "").split("\n")
    expect(lines.length).toBe(30)
    expect(lines.every((l) => Array.from(l).length <= 100)).toBe(true)
    tmux("send-keys", "-t", session, "2")
    const funders = await until((s) => s.includes("Funders — bars to one scale"), "the funders")
    expect(funders).toContain(money("en", wb.compare.scenarios[0]!.funders.gemeente!))
    tmux("send-keys", "-t", session, "?")
    await until((s) => s.includes("choose another baseline"), "the help")
    tmux("send-keys", "-t", session, "Escape")
    await until((s) => !s.includes("choose another baseline"), "the help closed")
    tmux("send-keys", "-t", session, "q")
    for (let i = 0; i < 300 && alive(); i++) await pause()
    expect(alive()).toBe(false)
    expect(existsSync(codeFile)).toBe(true)
    expect(readFileSync(codeFile, "utf8").trim()).toBe("0")
  }, 180_000)
})
