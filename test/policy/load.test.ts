import { mkdtempSync, readdirSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { InvalidFile } from "../../src/io/yamlFile"
import { loadPolicy } from "../../src/policy/load"

const dir = mkdtempSync(join(tmpdir(), "geldstroom-policy-"))
const write = (name: string, text: string) => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

describe("shipped policies", () => {
  const files = readdirSync("scenarios/policies").filter((f) => f.endsWith(".yaml"))
  it("are the Rotterdam policy and the nine models of seed 000 §3.3", () => {
    expect(files.filter((f) => f.startsWith("model-")).length).toBe(9)
    expect(files).toContain("rotterdam-koplus.yaml")
  })
  it.each(files)("%s loads without problems", (f) => {
    const p = loadPolicy(join("scenarios/policies", f))
    expect(p instanceof InvalidFile ? p.message : "ok").toBe("ok")
  })
})

describe("policy validation", () => {
  it("refuses Jeugdwet money on the regular layer, an unknown stream and a payer on a layer it cannot pay, all at once with lines", () => {
    const file = write(
      "bad.yaml",
      [
        "id: bad",
        "name: Bad",
        "description: conflicting settings",
        "source: a test",
        "layers:",
        "  regular:",
        "    payers:",
        "      - { kind: direct, stream: overbrugging, share: 1 }",
        "      - { kind: kindplek }",
        "    residual: parent",
        "  plus: { payers: [{ kind: direct, stream: nosuch, share: 1 }], residual: provider }",
        "  jeugdhulp: { payers: [], residual: provider }",
        ""
      ].join("\n")
    )
    const p = loadPolicy(file)
    expect(p).toBeInstanceOf(InvalidFile)
    const problems = (p as InvalidFile).problems
    expect(problems.map((x) => [x.line, x.path])).toEqual([
      [8, "layers.regular.payers.0.stream"],
      [9, "layers.regular.payers.1.kind"],
      [11, "layers.plus.payers.0.stream"]
    ])
    expect(problems[0]!.message).toContain("Jeugdwet money")
  })
  it("reports every schema problem with its line", () => {
    const file = write("shape.yaml", ["id: Not An Id", "name: x", "description: x", "source: x", "layers: {}", ""].join("\n"))
    const p = loadPolicy(file) as InvalidFile
    expect(p.problems.map((x) => x.path)).toEqual(expect.arrayContaining(["id", "source", "layers.regular", "layers.plus", "layers.jeugdhulp"]))
    expect(p.problems.find((x) => x.path === "id")!.line).toBe(1)
  })
  it("extends another policy and overrides parts of it", () => {
    const file = write(
      "child.yaml",
      ["extends: " + join(process.cwd(), "scenarios/policies/rotterdam-koplus.yaml"), "id: rotterdam-variant", "name: Variant", "description: x", "source: a test", "kindplek:", "  occupancyFloor: { value: '0.70', source: 'test', assumption: true }", ""].join("\n")
    )
    const p = loadPolicy(file)
    if (p instanceof InvalidFile) throw new Error(p.message)
    expect(p.kindplek!.occupancyFloor.value.toString()).toBe("0.7")
    expect(p.kindplek!.minAverageChildren.value.toString()).toBe("5")
    expect(p.layers.plus.payers.map((r) => r.kind)).toEqual(["kindplek"])
  })
})
