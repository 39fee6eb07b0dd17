/**
 * Exit codes (docs/cli.md): 0 ok, 1 violations, 2 usage, 3 invalid input,
 * 4 missing parameters, 5 store. Each command run as a user would, always
 * against a temporary --store.
 */
import { existsSync, readFileSync } from "node:fs"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cliDataHome, geldstroom } from "./cli"

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "geldstroom-cli-"))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// Each test spawns the CLI several times; on a busy machine one spawn can take seconds.
describe("exit codes", { timeout: 180_000 }, () => {
  it("0: a run without violations", async () => {
    expect((await geldstroom("run", "scenarios/rotterdam-small.yaml")).code).toBe(0)
  })

  it.each([
    ["an unknown command", ["frobnicate"]],
    ["import without a file", ["import"]],
    ["CSV export without -o", ["export", "scenarios/rotterdam-small.yaml", "--format", "csv"]],
    ["an unknown export format", ["export", "scenarios/rotterdam-small.yaml", "--format", "pdf", "-o", "x"]],
    ["a report without --half-year or --year", ["report", "scenarios/rotterdam-small.yaml"]],
    ["a store action that does not exist", ["store", "compact"]]
  ])("2: %s", async (_what, args) => {
    const r = await geldstroom(...args)
    expect(r.code).toBe(2)
    expect(r.stderr).not.toBe("")
  })

  it("2: an --as-of that is no instant, naming the option and the form it takes", async () => {
    const r = await geldstroom("run", "scenarios/rotterdam-small.yaml", "--as-of", "yesterday")
    expect(r.code).toBe(2)
    expect(r.stderr).toBe("geldstroom run: --as-of yesterday is not an instant: give one in ISO 8601 with a time zone, e.g. 2026-07-01T00:00:00Z\n")
    const valid = await geldstroom("run", "scenarios/rotterdam-small.yaml", "--as-of", "2026-07-01T00:00:00+02:00", "--json")
    expect(valid.code).toBe(0)
    expect(JSON.parse(valid.stdout).scenario.asOf).toBe("2026-06-30T22:00:00.000Z")
  })

  it("3: an invalid import file; every problem on stderr, nothing appended, no store created", async () => {
    const bad = join(dir, "bad.csv")
    await writeFile(bad, "kind,validTime,childId,householdIncome,childRank\nkot-entitlement-started,2026-01-01,K-1,\"50.000,00\",first\nkot-entitlement-started,2026-01-01,111222333,50000,eldest\n")
    const store = join(dir, "bad.sqlite")
    const r = await geldstroom("import", bad, "--store", store, "--json")
    expect(r.code).toBe(3)
    expect(r.stderr).toContain(`${bad}:2: column householdIncome: write amounts with a decimal point and no thousands separator: 50000.00, not 50.000,00`)
    expect(r.stderr).toContain(`${bad}:3: column childId: refused: the value looks like a citizen service number`)
    expect(r.stderr).toContain(`${bad}:3: column childRank:`)
    expect(r.stderr).not.toContain("111222333")
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, problems: [{ line: 2, column: "householdIncome" }, { line: 3, column: "childId" }, { line: 3, column: "childRank" }] })
    expect(existsSync(store)).toBe(false)
  })

  it("4: parameters the run needs and nobody confirmed (KOT percentages of 2023)", async () => {
    await writeFile(
      join(dir, "y2023.csv"),
      [
        "kind,validTime,groupId,providerId,locationId,design,careType,capacity,staffing.pedagogical,staffing.hbo,childId,placementId,daysPerWeek,hoursPerDay,hourlyPrice,householdIncome,childRank",
        "group-opened,2023-01-01,G-1,P-1,L-1,homogeneous,dagopvang,11,2,1,,,,,,,",
        "kot-entitlement-started,2023-01-01,,,,,,,,,K-1,,,,,50000,first",
        "placement-started,2023-03-01,G-1,P-1,L-1,,dagopvang,,,,K-1,PL-1,3,10,9.00,,"
      ].join("\n")
    )
    await writeFile(
      join(dir, "y2023.yaml"),
      `name: KOT in 2023\nperiod: { from: 2023-03, to: 2023-03 }\nevents: { file: y2023.csv }\npolicy: ${JSON.stringify(resolve("scenarios/policies/rotterdam-koplus.yaml"))}\n`
    )
    const r = await geldstroom("run", join(dir, "y2023.yaml"))
    expect(r.code).toBe(4)
    expect(r.stderr).toContain("missing parameter kot.percentages")
  })

  it("5: a store with a corrupt event fails verify, naming its position", async () => {
    const store = join(dir, "corrupt.sqlite")
    expect((await geldstroom("import", "docs/import-template.csv", "--store", store)).code).toBe(0)
    const raw = new DatabaseSync(store)
    raw.exec("UPDATE events SET data = 'garbage' WHERE position = 7")
    raw.close()
    const r = await geldstroom("store", "verify", "--store", store)
    expect(r.code).toBe(5)
    expect(r.stdout).toContain("1 CORRUPT event(s), 19 decode")
    expect(r.stdout).toMatch(/position 7 \(stream 'child-K-001', revision \d\)/)
    expect((await geldstroom("store", "verify", "--store", join(dir, "absent.sqlite"))).code).toBe(5)
  })
})

describe("import, store, run, export and report together", { timeout: 180_000 }, () => {
  it("imports the template twice (20 new, then 20 already there), and the store replays to the worked example", async () => {
    const store = join(dir, "events.sqlite")
    const dry = await geldstroom("import", "docs/import-template.csv", "--store", store, "--dry-run", "--json")
    expect([dry.code, JSON.parse(dry.stdout).new, existsSync(store)]).toEqual([0, 20, false])
    const first = await geldstroom("import", "docs/import-template.csv", "--store", store, "--json")
    expect([first.code, JSON.parse(first.stdout)]).toEqual([0, expect.objectContaining({ ok: true, new: 20, alreadyThere: 0, streams: 7 })])
    const second = await geldstroom("import", "docs/import-template.csv", "--store", store)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain("0 new event(s), 20 already there")
    const status = await geldstroom("store", "status", "--store", store, "--json")
    expect(JSON.parse(status.stdout)).toMatchObject({ events: 20, streams: 7, headPosition: "20" })
    const fromFile = JSON.parse((await geldstroom("run", "scenarios/rotterdam-small.yaml", "--json")).stdout)
    const fromStore = JSON.parse((await geldstroom("run", "scenarios/rotterdam-small.yaml", "--store", store, "--json")).stdout)
    expect(fromStore.totals).toEqual(fromFile.totals)
  })

  it("exports CSV files and a workbook, and says what it wrote with --json", async () => {
    const csv = await geldstroom("export", "scenarios/rotterdam-small.yaml", "--format", "csv", "-o", `${dir}/csv/`, "--json")
    expect(csv.code).toBe(0)
    expect(JSON.parse(csv.stdout).files).toHaveLength(5)
    expect(readFileSync(join(dir, "csv", "totals.csv"), "utf8")).toContain("cost,140837.62,")
    const xlsx = await geldstroom("export", "scenarios/rotterdam-small.yaml", "--format", "xlsx", "-o", join(dir, "ledger.xlsx"))
    expect([xlsx.code, existsSync(join(dir, "ledger.xlsx"))]).toEqual([0, true])
    const json = await geldstroom("export", "scenarios/rotterdam-small.yaml", "--format", "json")
    expect(JSON.parse(json.stdout).tables.totals.rows.find((r: { item: string }) => r.item === "cost").amount).toBe("140837.62")
  })

  it("reports the first half-year as Markdown and JSON, the second with --half-year 2", async () => {
    const md = await geldstroom("report", "scenarios/rotterdam-small.yaml", "--half-year")
    expect(md.code).toBe(0)
    expect(md.stdout).toMatch(/^# Accountability report KOplus, half-year 1 of 2026/)
    const json = await geldstroom("report", "scenarios/rotterdam-small.yaml", "--half-year", "2", "--json")
    expect(JSON.parse(json.stdout)).toMatchObject({ period: { kind: "half-year", half: 2 }, explain: [] })
    const file = join(dir, "year.xlsx")
    expect((await geldstroom("report", "scenarios/rotterdam-small.yaml", "--year", "--format", "xlsx", "-o", file)).code).toBe(0)
    expect(existsSync(file)).toBe(true)
  })

  it("never wrote to the user's data directory", () => {
    expect(existsSync(join(cliDataHome, "geldstroom"))).toBe(false)
  })
})
