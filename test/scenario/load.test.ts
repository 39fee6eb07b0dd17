import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { describe, expect, it } from "vitest"
import { InvalidFile } from "../../src/io/yamlFile"
import { loadScenario } from "../../src/scenario/load"

const dir = mkdtempSync(join(tmpdir(), "geldstroom-scenario-"))
const write = (name: string, lines: ReadonlyArray<string>) => {
  const file = join(dir, name)
  writeFileSync(file, lines.join("\n") + "\n")
  return file
}
const policy = resolve("scenarios/policies/rotterdam-koplus.yaml")

describe("scenario files", () => {
  it("report all problems at once, with path and line", () => {
    const file = write("bad.yaml", ["name: bad", "period: { from: 2026-13, to: 2026-01 }", "events: { nothing: here }", `policy: ${policy}`, "parameters:", "  - { path: kot.percentages, validFrom: 2025-01-01, validUntil: 2025-12-31, value: 12 }"])
    const s = loadScenario(file)
    expect(s).toBeInstanceOf(InvalidFile)
    const problems = (s as InvalidFile).problems.map((p) => `${p.line}:${p.path}`)
    expect(problems).toEqual(expect.arrayContaining(["2:period.from", "3:events"]))
  })
  it("report a parameter override of the wrong shape with its line", () => {
    const file = write("override.yaml", ["name: o", "period: { from: 2026-01, to: 2026-12 }", "events: { file: x.jsonl }", `policy: ${policy}`, "parameters:", "  - path: kot.percentages", "    validFrom: 2025-01-01", "    validUntil: 2025-12-31", "    value: 12"])
    const s = loadScenario(file) as InvalidFile
    expect(s.problems.map((p) => `${p.line}:${p.path}`)).toEqual(["9:parameters.0.value"])
  })
  it("layer overrides over the shipped parameters as assumptions", () => {
    const file = write("ok.yaml", ["name: ok", "period: { from: 2025-01, to: 2025-12 }", "events: { file: x.jsonl }", `policy: ${policy}`, "parameters:", "  - { path: kot.maximum-uurprijs.dagopvang, validFrom: 2025-07-01, validUntil: 2025-12-31, value: '11.00', source: 'a reform' }"])
    const s = loadScenario(file)
    if (s instanceof InvalidFile) throw new Error(s.message)
    const values = s.params.parameters.get("kot.maximum-uurprijs.dagopvang")!.values
    expect(values[values.length - 1]).toMatchObject({ value: "11.00", assumption: true, validFrom: "2025-07-01" })
    expect(s.months.length).toBe(12)
  })
})
