/**
 * One rule for what a JSON line is (envelope, import row, neither) and one check of an envelope,
 * used by `geldstroom import` (readImportText) and by a scenario's events file (jsonLinesEvents):
 * both read the same lines the same way, and the privacy guard covers envelope metadata.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { Effect, Result, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { buildEvent } from "../../src/events"
import { readImportText } from "../../src/io/importFile"
import { classifyJsonLine, envelopePrivacyProblems, readJsonLine } from "../../src/io/jsonLine"
import { PSEUDONYMISE_HINT } from "../../src/io/privacy"
import { jsonLinesEvents } from "../../src/scenario/eventSource"
import { tempDir } from "../support/tempDir"

const dir = tempDir("geldstroom-jsonline")
const options = { defaultRecordedTime: () => "2026-11-26T10:00:00.000Z" }

// 111222333 passes the elfproef (9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−1·3 = 66 = 6 × 11): it looks like a BSN.
const BSN = "111222333"

const started = buildEvent(
  { type: "placement-started", data: { placementId: "P-1", childId: "K-1", providerId: "PR-1", locationId: "L-1", groupId: "G-1", careType: "dagopvang", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.50" } },
  { validTime: "2026-01-05" }
)
const budget = buildEvent(
  { type: "budget-line-set", data: { budgetLineId: "B-1", year: 2026, label: "KOplus", amount: "1000.00", streams: ["kindplek"] } },
  { validTime: "2026-01-01" }
)
const withMetadata = (metadata: Record<string, string>) => ({ ...started, metadata: { ...started.metadata, ...metadata } })
const row = { kind: "placement-ended", validTime: "2026-03-31", childId: "K-1", placementId: "P-1", outflow: "regular-ko" }

/** Problems (line, column) of a file as `import` reads it, and as a scenario's events file reads it. */
const importProblems = (lines: ReadonlyArray<unknown>) => {
  const r = readImportText("x.jsonl", lines.map((l) => JSON.stringify(l)).join("\n"), "jsonl", options)
  return Result.isFailure(r) ? r.failure.problems.map((p) => [p.line, p.column ?? "", p.message] as const) : []
}
const scenarioProblems = async (lines: ReadonlyArray<unknown>) => {
  const file = join(dir, `events-${Math.random().toString(36).slice(2)}.jsonl`)
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n") + "\n")
  const failure = await Effect.runPromise(Effect.flip(Stream.runCollect(jsonLinesEvents(file))).pipe(Effect.orElseSucceed(() => undefined)))
  return failure === undefined ? [] : failure.issues.map((i) => [failure.line, i.path, i.message] as const)
}

describe("what a JSON line is", () => {
  it.each([
    ["an envelope: a string type and data", { type: "group-closed", data: {} }, "envelope"],
    ["an import row: a kind", { kind: "placement-ended" }, "row"],
    ["an import row with a stray type but no data", { kind: "placement-ended", type: "x" }, "row"],
    ["an envelope even with a kind beside type and data", { kind: "x", type: "group-closed", data: {} }, "envelope"],
    ["neither: no type and no kind", { eventId: "x" }, "neither"],
    ["neither: a list", [1, 2], "neither"],
    ["neither: a number", 3, "neither"]
  ])("%s", (_, value, kind) => {
    const c = classifyJsonLine(1, value)
    expect("kind" in c ? c.kind : "neither").toBe(kind)
  })

  it("skips blank lines and comments, and refuses text that is not JSON", () => {
    expect(readJsonLine(1, "   ")).toBeUndefined()
    expect(readJsonLine(1, "  # a comment")).toBeUndefined()
    expect(readJsonLine(7, "{nope")).toMatchObject({ line: 7, column: undefined, message: expect.stringMatching(/^not JSON/) })
  })
})

describe("import and a scenario's events file read a line the same way", () => {
  it("an import row with a stray 'type' is a row to both, refused for its unknown column", async () => {
    const lines = [{ ...row, type: "placement-ended" }]
    const fromImport = importProblems(lines)
    expect(fromImport.map(([line, column]) => [line, column])).toEqual([[1, "type"]])
    expect((await scenarioProblems(lines)).map(([line, column]) => [line, column])).toEqual([[1, "type"]])
  })

  it("a line that is neither gets the same message from both", async () => {
    const lines = [{ eventId: "x", data: {} }]
    expect(importProblems(lines)).toEqual([[1, "", expect.stringMatching(/^neither an event envelope/)]])
    expect(await scenarioProblems(lines)).toEqual(importProblems(lines))
  })

  it("both accept a valid envelope and a valid row", async () => {
    expect(importProblems([started, row])).toEqual([])
    expect(await scenarioProblems([started, row])).toEqual([])
  })
})

describe("the privacy guard over envelopes", () => {
  it.each([
    ["a BSN in the metadata source text", { source: `intake list, child ${BSN}` }, "metadata.source"],
    ["a name as the correlation id", { correlationId: "Jan de Vries" }, "metadata.correlationId"],
    ["a BSN as the causation id", { causationId: BSN }, "metadata.causationId"]
  ])("refuses %s, in import and in a scenario's events file", async (_, metadata, column) => {
    const lines = [withMetadata(metadata)]
    const fromImport = importProblems(lines)
    expect(fromImport).toEqual([[1, column, expect.stringContaining(PSEUDONYMISE_HINT)]])
    expect(await scenarioProblems(lines)).toEqual(fromImport)
  })

  it("never echoes the refused value", () => {
    const [p] = envelopePrivacyProblems(1, withMetadata({ source: `child ${BSN}` }))
    expect(p!.message).not.toContain(BSN)
  })

  it("passes the metadata geldstroom writes itself: a file and line as source, a uuid as causation id", () => {
    expect(envelopePrivacyProblems(1, withMetadata({ source: "rotterdam-small.jsonl:12 (import/v1)", correlationId: "import-2026-11-26", causationId: started.eventId }))).toEqual([])
  })

  it("refuses a BSN in an envelope's data text in a scenario's events file too, as import does", async () => {
    const lines = [{ ...budget, data: { ...budget.data, label: `KOplus ${BSN}` } }]
    const fromImport = importProblems(lines)
    expect(fromImport).toEqual([[1, "data.label", expect.stringContaining(PSEUDONYMISE_HINT)]])
    expect(await scenarioProblems(lines)).toEqual(fromImport)
  })
})
