/**
 * The one implementation of `extends:` (src/io/extendsChain.ts), used by policies and scenarios
 * (their own cases: test/policy/load.test.ts, test/scenario/load.test.ts).
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { mergeOver, readExtendsChain } from "../../src/io/extendsChain"
import { tempDir } from "../support/tempDir"

const dir = tempDir("geldstroom-extends")
const write = (name: string, lines: ReadonlyArray<string>) => {
  const file = join(dir, name)
  writeFileSync(file, lines.join("\n") + "\n")
  return file
}

describe("the merge rule", () => {
  it("merges objects key by key and lets anything else replace", () => {
    const base = { a: { x: 1, y: [1, 2], z: { deep: true } }, b: "base", c: [1] }
    expect(mergeOver(base, { a: { y: [3], z: { more: 1 } }, c: null, d: 4 })).toEqual({ a: { x: 1, y: [3], z: { deep: true, more: 1 } }, b: "base", c: null, d: 4 })
    expect(mergeOver({ a: 1 }, ["list"])).toEqual(["list"])
    expect(mergeOver("scalar", { a: 1 })).toEqual({ a: 1 })
  })
})

describe("following extends", () => {
  it("keeps a kind's own keys out of what is inherited and prepares each file before merging", () => {
    write("base.yaml", ["id: base", "path: data.csv", "shared: { one: 1 }"])
    const child = write("child.yaml", ["extends: base.yaml", "shared: { two: 2 }"])
    const chain = readExtendsChain(child, { own: ["id"], prepare: (raw, file) => ({ ...raw, from: file }) })
    expect(chain.problems).toEqual([])
    expect(chain.raw).toEqual({ path: "data.csv", shared: { one: 1, two: 2 }, from: child })
    expect(chain.files.map((f) => f.file)).toEqual([join(dir, "base.yaml"), child])
  })

  it("refuses a file that extends itself", () => {
    const self = write("self.yaml", ["name: self", "extends: ./self.yaml"])
    expect(readExtendsChain(self, { own: [] }).problems.map((p) => [p.file, p.line, p.message])).toEqual([[self, 2, `extends form a cycle: ${self} extends ${self}`]])
  })

  it("reports a YAML error in a file it extends as that file's problem", () => {
    write("broken.yaml", ["name: broken", "list: [1, 2"])
    const child = write("on-broken.yaml", ["extends: broken.yaml", "name: child"])
    const problems = readExtendsChain(child, { own: [] }).problems
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.every((p) => p.file === join(dir, "broken.yaml"))).toBe(true)
  })

  it("reports a first file that cannot be read", () => {
    const missing = join(dir, "nothing.yaml")
    expect(readExtendsChain(missing, { own: [] }).problems.map((p) => [p.file, p.message.slice(0, 12)])).toEqual([[missing, "cannot read:"]])
  })
})
