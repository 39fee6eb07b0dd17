/**
 * The scenario file (YAML). Issue 3's minimal form: an events source, a
 * policy, a period and parameter overrides. Later parts (population
 * generator, provision designs, cost model, budgets) extend this schema; see
 * docs/scenario-format.md.
 */
import { z } from "zod"
import { IsoDate, IsoDateTime, YearMonth } from "../events/fields"
import { DatedValueSchema } from "../parameters/load"

export const EventsSource = z.union([
  z.strictObject({ file: z.string().min(1).describe("a JSON-lines file of event envelopes, or a CSV file in the import layout") }),
  z.strictObject({
    store: z
      .string()
      .min(1)
      .describe("'default' (the embedded store), a path to a SQLite store, or 'env:EVENTSTORE_URL' for EventStoreDB")
  })
])

export const ParameterOverride = DatedValueSchema.extend({
  path: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/),
  source: z.string().min(3).default("supplied by the scenario")
})

export const ScenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  extends: z.string().optional(),
  period: z
    .strictObject({ from: YearMonth, to: YearMonth })
    .refine((p) => p.from <= p.to, { message: "period.from must not be after period.to" }),
  events: EventsSource,
  /** Replay as known on this instant: only events recorded up to it. */
  asOf: IsoDateTime.optional(),
  policy: z.string().min(1).describe("path of a policy file, relative to the scenario"),
  parameters: z.array(ParameterOverride).default([])
})

export type ScenarioFile = z.infer<typeof ScenarioSchema>
export { IsoDate }
