import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { schemaFiles } from "../../src/scenario/jsonSchema"

describe("JSON Schemas for editors", () => {
  it.each(schemaFiles().map(([f, t]) => [f, t] as const))("%s is what the zod schemas generate (run `npm run docs:schema`)", (file, text) => {
    expect(readFileSync(file, "utf8")).toBe(text)
  })
  it("describe the scenario's parts", () => {
    const [, text] = schemaFiles()[0]!
    const schema = JSON.parse(text) as { anyOf: Array<{ properties: Record<string, unknown> }> }
    expect(Object.keys(schema.anyOf[0]!.properties)).toEqual(expect.arrayContaining(["period", "events", "population", "design", "costModel", "budgets", "policy", "parameters"]))
  })
})
