/**
 * The row layout is the catalogue's: every field has a column with a type,
 * docs/import.md lists every kind with exactly its columns, and the template
 * holds every column and imports cleanly.
 */
import { readFileSync } from "node:fs"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { eventTypes } from "../../src/events/catalogue"
import { parseCsv } from "../../src/io/csv"
import { ALL_COLUMNS, COLUMN_TYPES, DATA_COLUMNS } from "../../src/io/importColumns"
import { columnsMarkdown, generatedPart } from "../../src/io/importDocs"
import { readImportFile } from "../../src/io/importFile"

const doc = readFileSync("docs/import.md", "utf8")

/** The `| column | required | ...` rows of a kind's section in docs/import.md. */
const documented = (kind: string): Array<[string, string]> => {
  const section = doc.split(`\n### ${kind}\n`)[1]?.split("\n### ")[0]?.split("\n## ")[0] ?? ""
  return [...section.matchAll(/^\| `([^`]+)` \| (yes|no) \|/gm)].map((m) => [m[1]!, m[2]!])
}

describe("the import layout", () => {
  it("gives every data field of every kind a column with a declared type (add new fields to COLUMN_TYPES and docs/import.md)", () => {
    const untyped = eventTypes.flatMap((t) => DATA_COLUMNS[t].filter((c) => !(c.column in COLUMN_TYPES)).map((c) => `${t}.${c.column}`))
    expect(untyped).toEqual([])
  })

  it("maps the nested staffing fields and the indication's kind to their own columns", () => {
    expect(DATA_COLUMNS["group-opened"].filter((c) => c.path[0] === "staffing").map((c) => [c.column, c.required])).toEqual([
      ["staffing.pedagogical", true],
      ["staffing.hbo", true],
      ["staffing.specialistHoursPerWeek", false]
    ])
    expect(DATA_COLUMNS["indication-issued"].find((c) => c.path[0] === "kind")?.column).toBe("indicationKind")
  })

  it("docs/import.md holds the generated column tables of the current catalogue (regenerate: npx tsx src/io/importDocs.ts)", () => {
    expect(generatedPart(doc)).toBe(columnsMarkdown().trim())
  })

  it.each([...eventTypes])("docs/import.md lists the columns of %s, with whether each is required", (kind) => {
    expect(documented(kind)).toEqual(DATA_COLUMNS[kind].map((c) => [c.column, c.required ? "yes" : "no"]))
  })

  it("the template's header is every column of the layout, and the template imports without a problem", () => {
    const header = parseCsv(readFileSync("docs/import-template.csv", "utf8")).records[0]!.cells
    expect(header).toEqual(ALL_COLUMNS)
    expect(Result.isSuccess(readImportFile("docs/import-template.csv", { defaultRecordedTime: () => "2026-11-26T10:00:00Z" }))).toBe(true)
  })
})
