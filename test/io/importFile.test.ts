/**
 * Reading import files: the happy path, every problem listed with line and
 * column, identity (same facts → same ids), JSON lines of rows and envelopes.
 */
import { readFileSync } from "node:fs"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { uuidV5 } from "../../src/events/ids"
import { type ImportPlan, type InvalidImport, readImportFile, readImportText } from "../../src/io/importFile"

const NOW = "2026-11-26T10:00:00.000Z"
const options = { defaultRecordedTime: () => NOW }

const ok = (r: Result.Result<ImportPlan, InvalidImport>): ImportPlan => {
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success
}
const problems = (r: Result.Result<ImportPlan, InvalidImport>) => {
  if (Result.isSuccess(r)) throw new Error("expected the file to be refused")
  return r.failure.problems.map((p) => [p.line, p.column, p.message] as const)
}

const HEADER = "kind,validTime,recordedTime,childId,placementId,providerId,locationId,groupId,careType,daysPerWeek,hoursPerDay,hourlyPrice,outflow"
const started = "placement-started,2026-01-05,,K-001,PL-001,P-1,L-1,G-1,dagopvang,3,10,10.50,"

describe("import: the happy path", () => {
  it("reads the template: 20 rows, 20 events of the worked example, each with its row's times and a source naming file and line", () => {
    const plan = ok(readImportFile("docs/import-template.csv", options))
    expect(plan.rows).toBe(20)
    expect(plan.events.map((r) => r.event.type)).toEqual(
      readFileSync("scenarios/examples/rotterdam-small.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l).type)
    )
    const k005end = plan.events.filter((r) => r.event.type === "placement-ended" && r.event.data.childId === "K-005")
    expect(k005end.map((r) => [r.event.validTime, r.event.recordedTime, r.event.metadata.source])).toEqual([
      ["2026-08-31", "2026-05-01T10:00:00Z", "import-template.csv:20"],
      ["2026-07-15", "2026-09-10T10:00:00Z", "import-template.csv:21"]
    ])
    const first = plan.events[0]!.event
    expect(first).toMatchObject({ type: "group-opened", stream: "group-G-PLUS-1", schemaVersion: 1 })
    expect(first.data).toEqual({ groupId: "G-PLUS-1", providerId: "P-1", locationId: "L-1", design: "homogeneous", careType: "dagopvang", capacity: 11, staffing: { pedagogical: 2, hbo: 1 } })
  })

  it("records a row without recordedTime at the import instant, and types its cells (numbers, amounts as strings, lists)", () => {
    const plan = ok(
      readImportText(
        "b.csv",
        "kind;validTime;budgetLineId;year;label;amount;streams\nbudget-line-set;2026-01-01;B-1;2026;\"KOplus; 2026\";150000.00;kindplek|smi\n",
        "csv",
        options
      )
    )
    expect(plan.events[0]!.event).toMatchObject({
      recordedTime: NOW,
      stream: "budget-B-1",
      data: { budgetLineId: "B-1", year: 2026, label: "KOplus; 2026", amount: "150000.00", streams: ["kindplek", "smi"] }
    })
  })
})

describe("import: every problem, with line and column, and nothing imported", () => {
  it("lists all problems of all rows at once", () => {
    const csv = [
      HEADER,
      started,
      "placement-started,2026-01-05,,K-002,PL-002,P-1,L-1,G-1,dagopvang,\"3,5\",10,\"10,50\",",
      "placement-started,2026-02-30,,K-003,PL-003,P-1,L-1,G-1,creche,3,,10.50,",
      "placement-ended,2026-06-30,yesterday,K-001,PL-001,,,,,,,,school",
      "placement-teleported,2026-01-01,,K-009,,,,,,,,,",
      "placement-ended,2026-06-30,,K-004,PL-004,,,G-1,,,,,other",
      ",2026-01-01,,K-010,,,,,,,,,"
    ].join("\n")
    expect(problems(readImportText("p.csv", csv, "csv", options))).toEqual([
      [3, "daysPerWeek", "write decimals with a point: 3.5, not 3,5"],
      [3, "hourlyPrice", "write amounts with a decimal point and no thousands separator: 10.50, not 10,50"],
      [4, "validTime", "must be a calendar date written YYYY-MM-DD (got '2026-02-30')"],
      [4, "hoursPerDay", "required for placement-started: hours of care per day"],
      [4, "careType", expect.stringContaining("(got 'creche')")],
      [5, "recordedTime", "must be an instant with a zone, like 2026-03-01T09:00:00Z (got 'yesterday')"],
      [5, "outflow", expect.stringContaining("(got 'school')")],
      [6, "kind", expect.stringMatching(/^unknown event type 'placement-teleported'/)],
      [7, "groupId", expect.stringMatching(/^not a column of placement-ended; leave it empty/)],
      [8, "kind", expect.stringMatching(/^required: the event type/)]
    ])
  })

  it("refuses unknown and repeated header columns, a missing kind column, ragged rows and an unclosed quote", () => {
    const csv = "validTime,childId,naam,childid\n2026-01-01,K-1,x,K-1,extra\n2026-01-02,\"K-2\n"
    expect(problems(readImportText("h.csv", csv, "csv", options))).toEqual([
      [3, undefined, 'a quoted cell is never closed (a " is missing)'],
      [1, "naam", "unknown column (the columns of the import layout are listed in docs/import.md)"],
      [1, "childid", "this column appears twice in the header"],
      [1, "kind", "the header has no 'kind' column (the event type of each row)"],
      [2, undefined, "the row has 5 cells, the header 4"],
      [2, "kind", expect.stringMatching(/^required/)]
    ])
  })

  it("refuses the same fact twice in one file, naming the first line", () => {
    const csv = [HEADER, started, started.replace("10.50", "10.5")].join("\n")
    expect(problems(readImportText("d.csv", csv, "csv", options))).toEqual([[3, undefined, expect.stringMatching(/^repeats line 2: the same fact twice/)]])
  })
})

describe("import: identity", () => {
  const idOf = (csv: string, file = "a.csv", now = NOW) => ok(readImportText(file, csv, "csv", { defaultRecordedTime: () => now })).events[0]!.event.eventId

  it("gives the same id to the same fact whatever the file, line, column order, amount writing or import instant", () => {
    const base = idOf([HEADER, started].join("\n"))
    const reordered = "hourlyPrice,kind,childId,validTime,placementId,providerId,locationId,groupId,careType,daysPerWeek,hoursPerDay\n10.5,placement-started,K-001,2026-01-05,PL-001,P-1,L-1,G-1,dagopvang,3,10"
    expect(idOf(reordered, "other.csv", "2027-01-01T00:00:00Z")).toBe(base)
    expect(idOf([HEADER, "# a comment", "", started].join("\n"))).toBe(base)
    // The import's correlation id and the row's source text are metadata, not identity.
    const tagged = ok(readImportText("a.csv", [`${HEADER},source`, `${started},admin export`].join("\n"), "csv", { ...options, correlationId: "import 2026-11-26T10:00:00.000Z" })).events[0]!.event
    expect([tagged.eventId, tagged.metadata]).toEqual([base, { source: "a.csv:2 (admin export)", correlationId: "import 2026-11-26T10:00:00.000Z" }])
    // The id is the name-based UUID of the documented identity.
    expect(base).toBe(
      uuidV5(
        'import/v1|placement-started|2026-01-05|{"careType":"dagopvang","childId":"K-001","daysPerWeek":3,"groupId":"G-1","hourlyPrice":"10.5","hoursPerDay":10,"locationId":"L-1","placementId":"PL-001","providerId":"P-1"}'
      )
    )
  })

  it("gives a different id when the data, the valid time or a given recordedTime differ", () => {
    const base = idOf([HEADER, started].join("\n"))
    expect(idOf([HEADER, started.replace("10.50", "10.51")].join("\n"))).not.toBe(base)
    expect(idOf([HEADER, started.replace("2026-01-05", "2026-01-06")].join("\n"))).not.toBe(base)
    const restated = idOf([HEADER, started.replace("2026-01-05,,", "2026-01-05,2026-03-01T09:00:00Z,")].join("\n"))
    expect(restated).not.toBe(base)
    // The same instant written with another offset is the same statement.
    expect(idOf([HEADER, started.replace("2026-01-05,,", "2026-01-05,2026-03-01T10:00:00+01:00,")].join("\n"))).toBe(restated)
  })
})

describe("import: JSON lines", () => {
  it("reads import rows (typed values, arrays, nested staffing) and envelopes (keeping their ids)", () => {
    const envelope = readFileSync("scenarios/examples/rotterdam-small.jsonl", "utf8").split("\n")[0]!
    const jsonl = [
      '{"kind":"placement-started","validTime":"2026-01-05","childId":"K-001","placementId":"PL-001","providerId":"P-1","locationId":"L-1","groupId":"G-1","careType":"dagopvang","daysPerWeek":3,"hoursPerDay":10,"hourlyPrice":"10.50"}',
      "# a comment",
      '{"kind":"group-opened","validTime":"2026-01-01","groupId":"G-2","providerId":"P-1","locationId":"L-1","design":"hybrid","careType":"dagopvang","capacity":10,"staffing":{"pedagogical":2,"hbo":1}}',
      envelope
    ].join("\n")
    const plan = ok(readImportText("x.jsonl", jsonl, "jsonl", options))
    expect(plan.events.map((r) => [r.line, r.event.type])).toEqual([[1, "placement-started"], [3, "group-opened"], [4, "group-opened"]])
    expect(plan.events[1]!.event.data).toMatchObject({ staffing: { pedagogical: 2, hbo: 1 } })
    expect(plan.events[2]!.event.eventId).toBe(JSON.parse(envelope).eventId)
    // A JSON-lines row has the same identity as the CSV row with the same facts.
    expect(plan.events[0]!.event.eventId).toBe(ok(readImportText("a.csv", [HEADER, started].join("\n"), "csv", options)).events[0]!.event.eventId)
  })

  it("lists every bad line with its key", () => {
    const jsonl = ['{"kind":"placement-ended","validTime":"2026-01-05","childId":"K-1","placementId":"P","outflow":"away"}', "not json", "[1,2]", '{"eventId":"x","type":"group-closed","data":{}}'].join("\n")
    expect(problems(readImportText("x.jsonl", jsonl, "jsonl", options))).toEqual([
      [2, undefined, expect.stringMatching(/^not JSON/)],
      [3, undefined, expect.stringMatching(/^neither an event envelope/)],
      [1, "outflow", expect.stringContaining("(got 'away')")],
      [4, "eventId", expect.any(String)],
      [4, "schemaVersion", expect.any(String)],
      [4, "stream", expect.any(String)],
      [4, "validTime", expect.any(String)],
      [4, "recordedTime", expect.any(String)],
      [4, "metadata", expect.any(String)]
    ])
  })
})
