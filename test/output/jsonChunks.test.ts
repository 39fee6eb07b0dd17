/**
 * `jsonChunks` writes what `JSON.stringify(value, null, 2)` writes, in pieces; an iterable that is not
 * an array is written as the array of its elements (src/output/jsonChunks.ts).
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { jsonChunks, writeJson } from "../../src/output/jsonChunks"

const text = (v: unknown) => [...jsonChunks(v)].join("")

describe("jsonChunks", () => {
  it("gives JSON.stringify's text for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(text(v)).toBe(JSON.stringify(v, null, 2))
      }),
      { numRuns: 500 }
    )
  })

  it("leaves out what JSON leaves out, and writes toJSON values, Maps and Sets as JSON does", () => {
    const v = { a: undefined, b: [undefined, () => 1, 2], c: new Date(0), d: new Map([["x", 1]]), e: new Set([1]), f: {}, g: [] }
    expect(text(v)).toBe(JSON.stringify(v, null, 2))
  })

  it("writes a generator as the array of its elements, one at a time", () => {
    const taken: Array<number> = []
    function* groups() {
      for (let i = 0; i < 3; i++) {
        taken.push(i)
        yield { id: `G-${i}`, months: [{ n: i }] }
      }
    }
    const chunks = jsonChunks({ total: 3, groups: groups(), none: (function* () {})() })
    // Nothing is drawn before the writing reaches it.
    chunks.next()
    expect(taken).toEqual([])
    const rest = [...chunks].join("")
    expect(taken).toEqual([0, 1, 2])
    const whole = { total: 3, groups: [0, 1, 2].map((i) => ({ id: `G-${i}`, months: [{ n: i }] })), none: [] }
    expect(`{\n  "total": ${rest}`).toBe(JSON.stringify(whole, null, 2))
  })

  it("writeJson writes the same text in pieces of about the given size, ending with a newline", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 64 }), (v, size) => {
        const pieces: Array<string> = []
        writeJson(v, (t) => pieces.push(t), size)
        expect(pieces.join("")).toBe(`${JSON.stringify(v, null, 2)}\n`)
      }),
      { numRuns: 200 }
    )
  })
})
