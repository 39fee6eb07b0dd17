/**
 * `--threads N` (docs/cli.md#threads---threads): how many threads replay the children when a
 * projection is built, on `run --totals`, `compare` and `store rebuild`. A whole number from 1 to
 * 64, else exit 2 naming the option (as `--as-of`); refused where no projection is built. Accepted,
 * it changes no figure: the documents are the ones without it. (That it reaches the replay:
 * ./replayThreads.test.ts; the replay on so many threads: test/projection/parallelReplay.test.ts.)
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { helpText } from "../../src/cli/command"
import { compareCommand } from "../../src/cli/commands/compare"
import { runCommand } from "../../src/cli/commands/run"
import { storeCommand } from "../../src/cli/commands/store"
import { DesignSpec } from "../../src/scenario/design"
import { appendPlaced, demandOf } from "../support/placedPopulation"
import { type TempStore, tempStore } from "../support/tempStore"
import { geldstroom, PROJECT_ROOT } from "./cli"

let temp: TempStore
let scenario: string

beforeAll(async () => {
  temp = await tempStore()
  await appendPlaced(temp.path, DesignSpec.parse({ kind: "heterogeneous", groups: 2, kindplek: { pricePerPlace: "20000" } }), demandOf(41, "H", 12))
  scenario = join(temp.dir, "threads.yaml")
  writeFileSync(
    scenario,
    ["name: threads", "period: { from: 2026-01, to: 2026-12 }", `events: { store: ${temp.path} }`, `policy: ${join(PROJECT_ROOT, "scenarios/policies/rotterdam-koplus.yaml")}`, ""].join("\n")
  )
}, 60_000)
afterAll(() => temp.cleanup())

/** The store keeps no projection: the next command builds its own again. */
const forgetProjections = () => {
  const db = new DatabaseSync(temp.path)
  db.exec("DELETE FROM projection_groups; DELETE FROM projections")
  db.close()
}

const refusal = (who: string, value: string) =>
  `${who}: --threads ${value} is not a number of threads: give a whole number from 1 to 64, e.g. --threads 2 (1: one thread)\n`

describe("--threads", { timeout: 180_000 }, () => {
  it.each(["0", "two", "1.5", "65"])("refuses %s (exit 2), naming the option and its form", async (value) => {
    const r = await geldstroom("run", scenario, "--totals", "--threads", value)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(refusal("geldstroom run", value))
    expect(r.stdout).toBe("")
  })

  it("refuses it on compare and store rebuild the same way", async () => {
    const compare = await geldstroom("compare", scenario, "--threads", "0")
    expect([compare.code, compare.stderr]).toEqual([2, refusal("geldstroom compare", "0")])
    const rebuild = await geldstroom("store", "rebuild", "--store", temp.path, "--threads", "x")
    expect([rebuild.code, rebuild.stderr]).toEqual([2, refusal("geldstroom store", "x")])
  })

  it("refuses it where no projection is built: run without --totals, store status", async () => {
    const run = await geldstroom("run", scenario, "--threads", "2")
    expect([run.code, run.stderr]).toEqual([2, "geldstroom run: --threads is for --totals, which builds a projection (a full run replays on one thread)\n"])
    const status = await geldstroom("store", "status", "--store", temp.path, "--threads", "2")
    expect([status.code, status.stderr]).toEqual([2, "geldstroom store: --threads is for store rebuild, which replays the store\n"])
  })

  it("changes no figure: run --totals, compare and store rebuild give the documents they give without it", async () => {
    const plain = await geldstroom("run", scenario, "--totals", "--json")
    expect(plain.code).toBe(0)
    for (const threads of ["1", "3"]) {
      forgetProjections()
      const r = await geldstroom("run", scenario, "--totals", "--json", "--threads", threads)
      expect(r.stderr).toMatch(/^threads: projection built/m)
      expect([r.code, r.stdout]).toEqual([0, plain.stdout])
    }
    const rebuilt = async (...more: ReadonlyArray<string>) => {
      const r = await geldstroom("store", "rebuild", "--store", temp.path, "--json", ...more)
      expect(r.code).toBe(0)
      return (JSON.parse(r.stdout) as Array<Record<string, unknown>>).map(({ seconds: _seconds, ...rest }) => rest)
    }
    const once = await rebuilt()
    expect(once).toMatchObject([{ name: "threads", outcome: "rebuilt" }])
    expect(await rebuilt("--threads", "2")).toEqual(once)
    const compare = await geldstroom("compare", scenario, "--json")
    const compareThreads = await geldstroom("compare", scenario, "--json", "--threads", "2")
    expect([compareThreads.code, compareThreads.stdout]).toEqual([0, compare.stdout])
  })

  it("is in the help of run, compare and store", () => {
    for (const command of [runCommand, compareCommand, storeCommand]) expect(helpText(command)).toContain("--threads N")
  })
})
