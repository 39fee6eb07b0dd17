import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { detectDelimiter, parseCsv, toCsv } from "../../src/io/csv"

const cells = (text: string) => parseCsv(text).records.map((r) => [r.line, ...r.cells])

describe("parseCsv", () => {
  it("reads quoted cells with commas, doubled quotes and line breaks, and names the line each record starts on", () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",z\r\n3,,\r\n'
    expect(cells(text)).toEqual([
      [1, "a", "b", "c"],
      [2, "1", "x, y", 'say "hi"'],
      [3, "2", "two\nlines", "z"],
      [5, "3", "", ""]
    ])
  })

  it("takes ';' as the delimiter when the header has more of them (Dutch Excel), and drops a byte-order mark", () => {
    expect(detectDelimiter("kind;validTime;amount\n")).toBe(";")
    expect(detectDelimiter('"a;b",c\n')).toBe(",")
    const parsed = parseCsv("\uFEFFkind;amount\nbudget-line-set;150000.00\n")
    expect(parsed.delimiter).toBe(";")
    expect(parsed.records.map((r) => r.cells)).toEqual([["kind", "amount"], ["budget-line-set", "150000.00"]])
  })

  it("trims unquoted cells, keeps quoted ones as written, and skips blank lines", () => {
    expect(cells(' a , " b " \n\n  \nc,d')).toEqual([
      [1, "a", " b "],
      [4, "c", "d"]
    ])
  })

  it("reports a quote that is never closed, with the line its record starts on", () => {
    const parsed = parseCsv('a,b\n1,"open\n2,3\n')
    expect(parsed.problems).toEqual([{ line: 2, message: 'a quoted cell is never closed (a " is missing)' }])
  })

  it("reads back whatever it writes (property)", () => {
    const row = fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 1, maxLength: 6 }).filter((r) => r.some((c) => c !== ""))
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom<"," | ";">(",", ";"), (rows, delimiter) => {
        expect(parseCsv(toCsv(rows, delimiter), delimiter).records.map((r) => r.cells)).toEqual(rows)
      })
    )
  })
})
