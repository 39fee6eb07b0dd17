/**
 * `--store PATH` on the command line is taken from the working directory by every command; a store
 * named inside a scenario file (`events: { store }`) from that file's folder. Commands that only
 * read refuse a store file that is not there (exit 5, naming the path) instead of creating an empty
 * one and reporting no children; `import` and `generate` create it. docs/cli.md#choosing-the-store---store
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cliDataHome, geldstroomWith, PROJECT_ROOT } from "./cli"

/** The working directory of every run here, and a scenario folder apart from it. */
let cwd: string
let scenarioDir: string
let small: string
let totalsFromFile: unknown

const inCwd = (...args: ReadonlyArray<string>) => geldstroomWith({ cwd }, ...args)

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), "geldstroom-store-path-"))
  cwd = join(root, "work")
  scenarioDir = join(root, "scenarios")
  mkdirSync(cwd)
  mkdirSync(join(scenarioDir, "data"), { recursive: true })
  const policy = join(PROJECT_ROOT, "scenarios/policies/rotterdam-koplus.yaml")
  // The worked example, its events read from the file; the store imported below holds the same events.
  small = join(scenarioDir, "small.yaml")
  writeFileSync(small, `name: small\nperiod: { from: 2026-01, to: 2026-12 }\nevents: { file: ${join(PROJECT_ROOT, "scenarios/examples/rotterdam-small.jsonl")} }\npolicy: ${policy}\n`)
  writeFileSync(join(scenarioDir, "own-store.yaml"), `name: own store\nperiod: { from: 2026-01, to: 2026-12 }\nevents: { store: data/events.sqlite }\npolicy: ${policy}\n`)
  writeFileSync(
    join(scenarioDir, "population.yaml"),
    "name: population\nperiod: { from: 2026-01, to: 2026-02 }\nevents: { store: own.sqlite }\npolicy: none.yaml\npopulation:\n  seed: 3\n  children: { atStart: 4, inflowPerMonth: 1 }\n"
  )
  const template = join(PROJECT_ROOT, "docs/import-template.csv")
  expect((await inCwd("import", template, "--store", "events.sqlite")).code).toBe(0)
  expect((await inCwd("import", template, "--store", join(scenarioDir, "data/events.sqlite"))).code).toBe(0)
  const fromFile = await inCwd("run", small, "--json")
  expect(fromFile.code).toBe(0)
  totalsFromFile = JSON.parse(fromFile.stdout).totals
}, 120_000)
afterAll(async () => {
  await rm(join(cwd, ".."), { recursive: true, force: true })
})

describe("--store PATH", { timeout: 180_000 }, () => {
  it("import writes to the path taken from the working directory", () => {
    expect(existsSync(join(cwd, "events.sqlite"))).toBe(true)
  })

  it("run reads the store at the path taken from the working directory, not from the scenario's folder", async () => {
    const r = await inCwd("run", small, "--store", "events.sqlite", "--json")
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).totals).toEqual(totalsFromFile)
    expect(existsSync(join(scenarioDir, "events.sqlite"))).toBe(false)
  })

  it("a store named inside a scenario file is still taken from that file's folder", async () => {
    const r = await inCwd("run", join(scenarioDir, "own-store.yaml"), "--json")
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).totals).toEqual(totalsFromFile)
    expect(existsSync(join(cwd, "data"))).toBe(false)
  })

  it.each([
    ["run", ["run", "SMALL"]],
    ["explain", ["explain", "SMALL", "--child", "K-002", "--month", "2026-03"]],
    ["compare", ["compare", "SMALL"]],
    ["export", ["export", "SMALL", "--format", "json"]],
    ["report", ["report", "SMALL", "--half-year"]],
    ["tui", ["tui", "SMALL"]],
    ["store verify", ["store", "verify"]],
    ["store rebuild", ["store", "rebuild"]]
  ])("%s refuses a store file that is not there (exit 5), naming it, and creates none", async (_name, args) => {
    const r = await inCwd(...args.map((a) => (a === "SMALL" ? small : a)), "--store", "missing.sqlite")
    expect(r.code).toBe(5)
    expect(r.stderr).toContain(`no store at ${join(cwd, "missing.sqlite")}`)
    expect(r.stdout).toBe("")
    expect(existsSync(join(cwd, "missing.sqlite"))).toBe(false)
    expect(existsSync(join(scenarioDir, "missing.sqlite"))).toBe(false)
  })

  it.each([
    ["run", ["run"]],
    ["compare (from projections)", ["compare"]],
    ["compare --replay", ["compare", "--replay"]]
  ])("%s refuses a store named in the scenario file that is not there (exit 5), and creates none", async (_name, args) => {
    const scenario = join(scenarioDir, "gone-store.yaml")
    writeFileSync(scenario, `name: gone store\nperiod: { from: 2026-01, to: 2026-12 }\nevents: { store: gone.sqlite }\npolicy: ${join(PROJECT_ROOT, "scenarios/policies/rotterdam-koplus.yaml")}\n`)
    const r = await inCwd(args[0]!, scenario, ...args.slice(1))
    expect(r.code).toBe(5)
    expect(r.stderr).toContain(`no store at ${join(scenarioDir, "gone.sqlite")}`)
    expect(existsSync(join(scenarioDir, "gone.sqlite"))).toBe(false)
  })

  it("store status reports a store that is not there (exists: false, exit 0) and creates none", async () => {
    const r = await inCwd("store", "status", "--store", "missing.sqlite", "--json")
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ path: join(cwd, "missing.sqlite"), exists: false, events: 0 })
    expect(existsSync(join(cwd, "missing.sqlite"))).toBe(false)
  })

  it("a reading command refuses --store default when the embedded store is not there yet", async () => {
    const r = await inCwd("run", small, "--store", "default")
    expect(r.code).toBe(5)
    expect(r.stderr).toContain(`no store at ${join(cliDataHome, "geldstroom", "events.sqlite")}`)
    expect(existsSync(join(cliDataHome, "geldstroom"))).toBe(false)
  })

  it("generate creates the store at --store taken from the working directory; without --store, the scenario's own", async () => {
    const scenario = join(scenarioDir, "population.yaml")
    const given = await inCwd("generate", scenario, "--store", "generated.sqlite", "--json")
    expect(given.code).toBe(0)
    expect(JSON.parse(given.stdout).store).toBe(`store ${join(cwd, "generated.sqlite")}`)
    expect(existsSync(join(cwd, "generated.sqlite"))).toBe(true)
    expect(existsSync(join(scenarioDir, "generated.sqlite"))).toBe(false)
    const own = await inCwd("generate", scenario, "--json")
    expect(own.code).toBe(0)
    expect(existsSync(join(scenarioDir, "own.sqlite"))).toBe(true)
    expect(existsSync(join(cwd, "own.sqlite"))).toBe(false)
  })
})
