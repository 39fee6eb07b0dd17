import { readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { InvalidFile } from "../../src/io/yamlFile"
import { policyAssumptions } from "../../src/domain/policy/assumptions"
import { loadPolicy } from "../../src/policy/load"
import { POLICY_DEFAULTS } from "../../src/policy/schema"
import { tempDir } from "../support/tempDir"

const dir = tempDir("geldstroom-policy")
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

describe("extends: a policy", () => {
  const layers = ["layers:", "  regular: { payers: [{ kind: kot }], residual: parent }", "  plus: { payers: [], residual: provider }", "  jeugdhulp: { payers: [], residual: provider }"]

  it("follows two levels: nested fields merge, lists replace, the identity (id, name, description, source) is never inherited", () => {
    write("base.yaml", ["id: base", "name: Base", "description: the base", "source: a test", ...layers, "kindplek:", "  occupancyFloor: { value: '0.80', source: 'test', assumption: true }", "  minAverageChildren: { value: '5', source: 'test', assumption: true }", ""].join("\n"))
    write("middle.yaml", ["extends: base.yaml", "id: middle", "name: Middle", "description: x", "source: a test", "kindplek:", "  minAverageChildren: { value: '4', source: 'test', assumption: true }", ""].join("\n"))
    const top = write("top.yaml", ["extends: ./middle.yaml", "id: top", "name: Top", "description: the top", "source: a test", "layers:", "  regular: { payers: [], residual: parent }", ""].join("\n"))
    const p = loadPolicy(top)
    if (p instanceof InvalidFile) throw new Error(p.message)
    expect([p.id, p.name, p.description]).toEqual(["top", "Top", "the top"])
    expect(p.kindplek!.occupancyFloor.value.toString()).toBe("0.8")
    expect(p.kindplek!.minAverageChildren.value.toString()).toBe("4")
    expect(p.layers.regular.payers).toEqual([])
    expect(p.layers.plus.residual).toBe("provider")
  })

  it("does not inherit the identity: a file that extends another must say what it is itself", () => {
    write("named.yaml", ["id: named", "name: Named", "description: x", "source: a test", ...layers, ""].join("\n"))
    const bare = write("bare.yaml", ["extends: named.yaml", ""].join("\n"))
    const p = loadPolicy(bare) as InvalidFile
    expect(p.problems.map((x) => x.path)).toEqual(expect.arrayContaining(["id", "name", "description", "source"]))
  })

  it("refuses a cycle with one problem at the extends line naming the files", () => {
    write("loop-a.yaml", ["id: a", "extends: loop-b.yaml", ""].join("\n"))
    const b = write("loop-b.yaml", ["id: b", "extends: loop-a.yaml", ""].join("\n"))
    const p = loadPolicy(b) as InvalidFile
    expect(p).toBeInstanceOf(InvalidFile)
    expect(p.problems.map((x) => [x.file, x.line, x.path, x.message])).toEqual([
      [join(dir, "loop-a.yaml"), 2, "extends", `extends form a cycle: ${join(dir, "loop-b.yaml")} extends ${join(dir, "loop-a.yaml")} extends ${join(dir, "loop-b.yaml")}`]
    ])
  })

  it("refuses a file it extends that cannot be read, at the extends line, naming both files", () => {
    const child = write("lost.yaml", ["id: lost", "extends: missing-base.yaml", ""].join("\n"))
    const p = loadPolicy(child) as InvalidFile
    expect(p.problems.map((x) => [x.file, x.line, x.path])).toEqual([[child, 2, "extends"]])
    expect(p.problems[0]!.message).toMatch(new RegExp(`^${child} extends ${join(dir, "missing-base.yaml")}, which cannot be read: ENOENT`))
  })
})

describe("the policy's defaults", () => {
  it("fill contractWeeksPerYear from src/parameters/defaults/policy.yaml and list it as an assumption with that source", () => {
    const p = loadPolicy("scenarios/policies/rotterdam-koplus.yaml")
    if (p instanceof InvalidFile) throw new Error(p.message)
    expect(p.contractWeeksPerYear.value.toString()).toBe("52")
    expect(policyAssumptions(p).find((a) => a.path === "policy rotterdam-koplus.contractWeeksPerYear")).toEqual({
      path: "policy rotterdam-koplus.contractWeeksPerYear",
      value: "52",
      source: POLICY_DEFAULTS.get().contractWeeksPerYear.source,
      reason: "a policy input, not a confirmed public figure"
    })
  })
})
