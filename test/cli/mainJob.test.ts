/**
 * `geldstroom` alone, the main job: a failure while it fills the embedded store ends with the
 * documented exit code and one clear message, not an unhandled rejection. (That it fills the store
 * and prints the comparison: test/tui/nontty.test.ts.)
 */
import { writeFileSync } from "node:fs"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { geldstroomWith } from "./cli"

let brokenHome: string
beforeAll(async () => {
  brokenHome = await mkdtemp(join(tmpdir(), "geldstroom-broken-home-"))
  // A file where the data directory's geldstroom folder should be: the store cannot be created.
  writeFileSync(join(brokenHome, "geldstroom"), "")
})
afterAll(() => rm(brokenHome, { recursive: true, force: true }))

describe("geldstroom (the main job)", { timeout: 180_000 }, () => {
  it("exits 5 (store) with a message naming the store when it cannot fill it", async () => {
    const r = await geldstroomWith({ env: { XDG_DATA_HOME: brokenHome } })
    expect(r.code).toBe(5)
    const store = join(brokenHome, "geldstroom", "events.sqlite")
    // One line, no stack trace; the cause after it is the system's (ENOTDIR on Linux).
    expect(r.stderr.split("\n")).toHaveLength(2)
    expect(r.stderr.startsWith(`geldstroom: the main job could not fill the embedded store ${store}: sqlite:${store}: open failed: `)).toBe(true)
    expect(r.stdout).toBe("")
  })
})
