/** The privacy guard: BSNs and names are refused, with advice, and never echoed. */
import fc from "fast-check"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { readImportText } from "../../src/io/importFile"
import { containsBsn, looksLikeName, PSEUDONYMISE_ADVICE, privacyProblem } from "../../src/io/privacy"

// 111222333: 1×9 + 1×8 + 1×7 + 2×6 + 2×5 + 2×4 + 3×3 + 3×2 − 3×1 = 66 = 6 × 11, passes the elfproef.
const BSN = "111222333"
// 111222334: the same sum minus 1 = 65, not divisible by 11: not a BSN.
const NOT_BSN = "111222334"

describe("looksLikeName", () => {
  it.each([
    ["Jan de Vries", true],
    ["Fatima El Amrani", true],
    ["Vries, Jan de", true],
    ["Jan-Willem van den Berg", true],
    ["Zoë O'Neill", true],
    ["K-001", false],
    ["G-PLUS-1", false],
    ["jan de vries", false],
    ["Jan", false],
    ["Groep 3", false]
  ])("%s → %s", (value, expected) => {
    expect(looksLikeName(value)).toBe(expected)
  })
})

describe("containsBsn", () => {
  it.each([
    [`budget for ${BSN}`, true],
    ["child 111.222.333", true],
    ["child 111 22 2333", true],
    [`budget for ${NOT_BSN}`, false],
    ["KOplus 2026: 150000.00", false],
    ["amount 1111222333", false]
  ])("%s → %s", (value, expected) => {
    expect(containsBsn(value)).toBe(expected)
  })
})

describe("the import refuses BSNs and names", () => {
  const header = "kind,validTime,childId,budgetLineId,year,label,amount,streams,source"
  const csv = [
    header,
    `kot-entitlement-ended,2026-01-01,${BSN},,,,,,`,
    "kot-entitlement-ended,2026-01-01,Fatima El Amrani,,,,,,",
    `budget-line-set,2026-01-01,,B-1,2026,Budget child ${BSN},100.00,kindplek,`,
    `kot-entitlement-ended,2026-01-01,K-1,,,,,,export by Jan de Vries ${BSN}`,
    `kot-entitlement-ended,2026-01-01,${NOT_BSN},,,,,,`
  ].join("\n")
  const refused = readImportText("c.csv", csv, "csv", { defaultRecordedTime: () => "2026-11-26T10:00:00Z" })

  it("names line and column of each, explains how to pseudonymise, and lets a non-BSN number through", () => {
    expect(Result.isFailure(refused)).toBe(true)
    if (Result.isSuccess(refused)) return
    expect(refused.failure.problems.map((p) => [p.line, p.column, p.message.split(";")[0]])).toEqual([
      [2, "childId", "refused: the value looks like a citizen service number (BSN: nine digits passing the elfproef)"],
      [3, "childId", "refused: the value looks like a person's name"],
      [4, "label", "refused: the text contains what looks like a citizen service number (BSN)"],
      [5, "source", "refused: the text contains what looks like a citizen service number (BSN)"]
    ])
    expect(refused.failure.message).toContain(PSEUDONYMISE_ADVICE)
    expect(PSEUDONYMISE_ADVICE).toMatch(/keyed hash/)
    expect(PSEUDONYMISE_ADVICE).toMatch(/outside geldstroom/)
  })

  it("never echoes the refused value", () => {
    if (Result.isSuccess(refused)) throw new Error("expected a refusal")
    expect(refused.failure.message).not.toContain(BSN)
    expect(refused.failure.message).not.toContain("Fatima")
  })

  it("refuses a BSN in an envelope's data too", () => {
    const envelope = JSON.stringify({
      eventId: "0b6f0f7e-0a2c-5f7e-9f3c-6a2d71e4b9c0", type: "kot-entitlement-ended", schemaVersion: 1, stream: `child-${BSN}`,
      validTime: "2026-01-01", recordedTime: "2026-01-01T12:00:00Z", data: { childId: BSN }, metadata: { source: "x" }
    })
    const r = readImportText("e.jsonl", envelope, "jsonl", { defaultRecordedTime: () => "2026-11-26T10:00:00Z" })
    expect(Result.isFailure(r) && r.failure.problems.map((p) => [p.line, p.column])).toEqual([[1, "data.childId"]])
  })
})

describe("pseudonyms pass", () => {
  it("refuses no keyed-hash pseudonym (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^K-[0-9a-f]{12}$/), (id) => {
        expect(privacyProblem("id", id)).toBeUndefined()
      })
    )
  })
})
