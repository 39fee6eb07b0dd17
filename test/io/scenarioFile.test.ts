/**
 * A scenario's events from a CSV in the import layout, from JSON lines of
 * import rows, or from a store the template was imported into: each replays
 * to the same ledger as the worked example's own JSON-lines file.
 */
import { readFileSync } from "node:fs"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { Effect, ManagedRuntime, Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { canonicalLedger } from "../../src/domain/ledger/canonical"
import { parseCsv } from "../../src/io/csv"
import { readImportFile } from "../../src/io/importFile"
import { importToStore } from "../../src/io/importToStore"
import { InvalidFile } from "../../src/io/yamlFile"
import { runDocument } from "../../src/output/runDocument"
import { scenarioEvents } from "../../src/scenario/eventSource"
import { type LoadedScenario, loadScenario } from "../../src/scenario/load"
import { type RunResult, runScenario } from "../../src/scenario/run"
import { SqliteEventStore } from "../../src/store/sqlite"

const load = (file: string): LoadedScenario => {
  const s = loadScenario(file)
  if (s instanceof InvalidFile) throw new Error(s.message)
  return s
}
const run = (s: LoadedScenario, store?: string): Promise<RunResult> => Effect.runPromise(runScenario(s, scenarioEvents(s, store)))

const scenarioYaml = (events: string) =>
  [
    "name: worked example from another source",
    "period: { from: 2026-01, to: 2026-12 }",
    `events: { file: ${JSON.stringify(events)} }`,
    `policy: ${JSON.stringify(resolve("scenarios/policies/rotterdam-koplus.yaml"))}`,
    ""
  ].join("\n")

describe("a scenario's events from the import layout", () => {
  let dir: string
  let reference: RunResult
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "geldstroom-scenario-file-"))
    reference = await run(load("scenarios/rotterdam-small.yaml"))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it("reads a CSV file (the template) and replays to the worked example's ledger", async () => {
    await writeFile(join(dir, "csv.yaml"), scenarioYaml(resolve("docs/import-template.csv")))
    const r = await run(load(join(dir, "csv.yaml")))
    expect(canonicalLedger(r.ledger)).toBe(canonicalLedger(reference.ledger))
    expect(runDocument(r).totals).toEqual(runDocument(reference).totals)
    expect(r.eventCount).toBe(20)
  })

  it("gives the same events (ids and all) on every run of a CSV scenario, so the fingerprint is stable", async () => {
    const a = await run(load(join(dir, "csv.yaml")))
    const b = await run(load(join(dir, "csv.yaml")))
    expect(a.fingerprint).toBe(b.fingerprint)
  })

  it("reads JSON lines of import rows and replays to the same ledger", async () => {
    const [header, ...rows] = parseCsv(readFileSync("docs/import-template.csv", "utf8")).records
    const lines = rows.map((r) => JSON.stringify(Object.fromEntries(header!.cells.map((h, i) => [h, r.cells[i] ?? ""]).filter(([, v]) => v !== ""))))
    await writeFile(join(dir, "rows.jsonl"), `${lines.join("\n")}\n`)
    await writeFile(join(dir, "rows.yaml"), scenarioYaml("rows.jsonl"))
    const r = await run(load(join(dir, "rows.yaml")))
    expect(canonicalLedger(r.ledger)).toBe(canonicalLedger(reference.ledger))
  })

  it("replays the template imported into a store (--store) to the same ledger", async () => {
    const path = join(dir, "events.sqlite")
    const plan = readImportFile("docs/import-template.csv", { defaultRecordedTime: () => "2026-11-26T10:00:00Z" })
    if (Result.isFailure(plan)) throw new Error(plan.failure.message)
    const rt = ManagedRuntime.make(SqliteEventStore.layer(path))
    await rt.runPromise(importToStore(plan.success, { dryRun: false }))
    await rt.dispose()
    const r = await run(load("scenarios/rotterdam-small.yaml"), path)
    expect(canonicalLedger(r.ledger)).toBe(canonicalLedger(reference.ledger))
  })

  it("fails a run on a bad CSV with every problem of the file", async () => {
    await writeFile(join(dir, "bad.csv"), "kind,validTime,childId\nkot-entitlement-ended,2026-13-01,K-1\nkot-entitlement-ended,2026-01-01,Jan de Vries\n")
    await writeFile(join(dir, "bad.yaml"), scenarioYaml("bad.csv"))
    const failed = await Effect.runPromise(Effect.flip(runScenario(load(join(dir, "bad.yaml")), scenarioEvents(load(join(dir, "bad.yaml"))))))
    expect(failed).toMatchObject({ _tag: "InvalidImport" })
    expect(failed._tag === "InvalidImport" && failed.problems.map((p) => [p.line, p.column])).toEqual([
      [2, "validTime"],
      [3, "childId"]
    ])
  })
})
