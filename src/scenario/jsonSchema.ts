/**
 * JSON Schemas of the scenario and policy files, generated from the zod schemas
 * (`npm run docs:schema` writes docs/scenario.schema.json and docs/policy.schema.json;
 * a test keeps them current). Editors use them to complete and check files:
 * put `# yaml-language-server: $schema=<path>/docs/scenario.schema.json` on a file's first line.
 */
import { z } from "zod"
import { PolicySchema } from "../policy/schema"
import { ScenarioSchema } from "./schema"

/**
 * A file that `extends:` another needs none of the other required fields (they come from the file
 * it extends), so the schema accepts either a complete file or one with `extends:`.
 */
const schemaOf = (title: string, schema: z.ZodType) => {
  const { $schema, ...full } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>
  return { $schema, title, anyOf: [full, { ...full, required: ["extends"] }] }
}

export const scenarioJsonSchema = () => schemaOf("geldstroom scenario", ScenarioSchema)
export const policyJsonSchema = () => schemaOf("geldstroom funding policy", PolicySchema)

export const schemaFiles = (): ReadonlyArray<readonly [string, string]> => [
  ["docs/scenario.schema.json", `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`],
  ["docs/policy.schema.json", `${JSON.stringify(policyJsonSchema(), null, 2)}\n`]
]
