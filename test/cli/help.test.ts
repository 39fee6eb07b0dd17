/**
 * `geldstroom <command> --help`: every command explains itself with usage and examples, its options
 * in one aligned column, and exits 0.
 */
import { describe, expect, it } from "vitest"
import { commands } from "../../src/cli/main"
import { geldstroom } from "./cli"

/** The commands of issue 6 and the two before them: each must show examples. */
const WITH_EXAMPLES = ["run", "explain", "import", "export", "report", "store"]

describe("--help", () => {
  it.each(commands.map((c) => [c.name, c] as const))("geldstroom %s --help", async (name, command) => {
    const r = await geldstroom(name, "--help")
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^geldstroom ${name}: `))
    expect(r.stdout).toContain(`Usage: geldstroom ${name}`)
    if (WITH_EXAMPLES.includes(name)) expect(r.stdout).toMatch(/\nExamples:\n {2}geldstroom /)
    // Every option's description starts in one column, at least two spaces after the longest option.
    const lines = r.stdout.split("\n")
    const columns = command.options.map(([option, description]) => {
      const line = lines.find((l) => l.startsWith(`  ${option} `) && l.endsWith(description))
      expect(line, `the line of ${option}`).toBeDefined()
      expect(line!.slice(0, line!.length - description.length), `the gap after ${option}`).toMatch(/\S {2,}$/)
      return line!.length - description.length
    })
    expect(new Set(columns).size, "description columns").toBeLessThanOrEqual(1)
  })

  it("knows every command this issue asks for", () => {
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(WITH_EXAMPLES))
  })

  it("geldstroom --help lists the commands of this issue", async () => {
    const r = await geldstroom("--help")
    expect(r.code).toBe(0)
    for (const name of ["import", "export", "report", "store"]) expect(r.stdout).toMatch(new RegExp(`\\n  ${name} +\\S`))
  })
})
