/**
 * docs/events.md, generated from the catalogue's schemas (`npm run docs:events`);
 * test/events/docs.test.ts fails when the file and the schemas disagree.
 */
import { z } from "zod"
import { catalogue, eventTypes } from "./catalogue"
import { EnvelopeShape } from "./envelope"

type JsonSchema = {
  type?: string | Array<string>
  properties?: Record<string, JsonSchema>
  required?: Array<string>
  description?: string
  enum?: Array<unknown>
  anyOf?: Array<JsonSchema>
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  items?: JsonSchema
}

const typeOf = (s: JsonSchema): string => {
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(" \\| ")
  if (s.anyOf) return s.anyOf.map(typeOf).join(" or ")
  if (s.type === "array") return `list of ${s.items ? typeOf(s.items) : "values"}`
  if (s.type === "object") return "object"
  const range =
    s.minimum !== undefined || s.exclusiveMinimum !== undefined || s.maximum !== undefined
      ? ` (${s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : s.minimum !== undefined ? `≥ ${s.minimum}` : ""}${s.maximum !== undefined ? `${s.minimum !== undefined || s.exclusiveMinimum !== undefined ? ", " : ""}≤ ${s.maximum}` : ""})`
      : ""
  return `${Array.isArray(s.type) ? s.type.join("/") : (s.type ?? "value")}${s.format ? ` (${s.format})` : ""}${range}`
}

const fieldRows = (schema: JsonSchema, prefix = ""): Array<string> => {
  const rows: Array<string> = []
  for (const [name, p] of Object.entries(schema.properties ?? {})) {
    const required = schema.required?.includes(name) ? "yes" : "no"
    rows.push(`| \`${prefix}${name}\` | ${typeOf(p)} | ${required} | ${(p.description ?? "").replace(/\|/g, "\\|")} |`)
    if (p.type === "object" && p.properties) rows.push(...fieldRows(p, `${prefix}${name}.`))
  }
  return rows
}

/** Placeholder ids, so each type's stream is shown by the catalogue's own rule: `child-<childId>`. */
const PLACEHOLDER_IDS = { childId: "<childId>", groupId: "<groupId>", budgetLineId: "<budgetLineId>" } as never

const table = (schema: JsonSchema) => ["| field | type | required | meaning |", "| --- | --- | --- | --- |", ...fieldRows(schema)]

export const eventsMarkdown = (): string => {
  const out: Array<string> = [
    "# Event catalogue",
    "",
    "<!-- Generated from src/events/catalogue.ts by `npm run docs:events`. Do not edit by hand: test/events/docs.test.ts checks it. -->",
    "",
    "Every fact geldstroom is built from is an event. Type names are stable domain words with a schema version;",
    "older versions are upcast on read (src/events/upcasters.ts). Children, providers and groups carry pseudonymous",
    "ids only: there is no field for a citizen service number (BSN) or a name, and an id that looks like a BSN is refused.",
    "",
    "Valid time is the day a fact took effect in the world; recorded time is when geldstroom learned it. Intervals are",
    "closed: for `*-ended`, `*-left` and `*-closed` events the valid time is the **last** day on which the thing still applied.",
    "See docs/domain-model.md for how corrections and replays \"as known on\" a date work.",
    "",
    "## Envelope",
    "",
    ...table(z.toJSONSchema(EnvelopeShape, { io: "input" }) as JsonSchema),
    "",
    "Stores add `revision` (0-based, within the stream) and `position` (the global order) on read.",
    "",
    "## Types",
    "",
    "| type | version | stream | what it states |",
    "| --- | --- | --- | --- |",
    ...eventTypes.map((t) => {
      const d = catalogue[t]
      return `| [\`${t}\`](#${t}) | ${d.version} | \`${d.stream(PLACEHOLDER_IDS)}\` | ${d.description} |`
    }),
    ""
  ]
  for (const t of eventTypes) {
    const d = catalogue[t]
    out.push(`### ${t}`, "", `Version ${d.version}. ${d.description} Source: ${d.source}.`, "", ...table(z.toJSONSchema(d.schema, { io: "input" }) as JsonSchema), "")
  }
  out.push(
    "## Upcasting",
    "",
    "`placement-started` version 1 carried the price in whole cents (`hourlyRateCents`: integer); version 2 carries",
    "`hourlyPrice` as a decimal string. Version-1 events are upcast on read, so stores keep what was written.",
    ""
  )
  return out.join("\n")
}
