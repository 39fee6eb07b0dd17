/**
 * The scenario file (YAML). Issue 3's minimal form: an events source, a
 * policy, a period and parameter overrides. Later parts (population
 * generator, provision designs, cost model, budgets) extend this schema; see
 * docs/scenario-format.md.
 */
import { z } from "zod"
import { Amount, GroupDesign, IsoDateTime, PseudonymousId, YearMonth } from "../events/fields"
import { DatedValueSchema } from "../parameters/load"
import { CostModelSpec } from "./cost/schema"
import { DesignSpec } from "./design/schema"
import { PopulationSpec } from "./population/schema"

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

export const BudgetLineSpec = z.strictObject({
  id: PseudonymousId,
  year: z.number().int().min(2000).max(2100),
  label: z.string().min(1).max(200),
  amount: Amount,
  streams: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).min(1)
})

/** A scenario's period: whole months, `from` up to and including `to`. */
export const PeriodSpec = z
  .strictObject({ from: YearMonth, to: YearMonth })
  .refine((p) => p.from <= p.to, { message: "period.from must not be after period.to" })

const SourcedPrice = z.strictObject({ value: Amount, source: z.string().min(3), assumption: z.boolean().default(true) })

export const ScenarioSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    extends: z.string().optional(),
    period: PeriodSpec,
    /** Recorded histories: placements, indications, entitlements (a file or a store). */
    events: EventsSource.optional(),
    /** A generated population of demand and indications (docs/population-generator.md). */
    population: PopulationSpec.optional(),
    /** A provision design turning demand into groups and placements (docs/designs.md). */
    design: DesignSpec.optional(),
    /** The bottom-up cost model pricing the design's groups (docs/cost-model.md). */
    costModel: CostModelSpec.optional(),
    /** Cost prices per child-hour set by hand, by group design or group (override the policy's and the cost model's). */
    costPrices: z
      .strictObject({
        byDesign: z.partialRecord(z.enum(GroupDesign.options), SourcedPrice).default({}),
        byGroup: z.record(z.string(), SourcedPrice).default({})
      })
      .optional(),
    /** Municipal budget lines (seed 004 §III, §XI): the amounts of their streams are set against them. */
    budgets: z.array(BudgetLineSpec).default([]),
    /** Replay as known on this instant: only events recorded up to it. */
    asOf: IsoDateTime.optional(),
    policy: z.string().min(1).describe("path of a policy file, relative to the scenario"),
    parameters: z.array(ParameterOverride).default([])
  })
  .refine((s) => s.events !== undefined || s.population !== undefined, {
    message: "a scenario needs a population: 'events:' (a file or store) or 'population:' (a generator)",
    path: ["events"]
  })
  .refine((s) => s.costModel === undefined || s.design !== undefined, {
    message: "a cost model prices a design's groups: add 'design:' or remove 'costModel:'",
    path: ["costModel"]
  })
  .refine((s) => s.design?.kindplek?.pricePerPlace !== "cost-model" || s.costModel !== undefined, {
    message: "'pricePerPlace: cost-model' needs a 'costModel:'",
    path: ["design", "kindplek", "pricePerPlace"]
  })

export type ScenarioFile = z.infer<typeof ScenarioSchema>
