/**
 * The policy file format (YAML), validated with zod. A policy says which stream
 * may pay which layer and on what terms; see docs/scenario-format.md and the
 * shipped policies in scenarios/policies/.
 */
import { z } from "zod"
import { GroupDesign, IndicationKind } from "../events/fields"
import { defaultsFile, POLICY_DEFAULTS_FILE } from "../parameters/defaults"
import { StreamDefinitionSchema } from "../parameters/load"

const DecimalText = z.union([z.string().regex(/^\d+(\.\d+)?$/), z.number().nonnegative()]).transform(String)

/** The policy's defaults, dated and sourced (src/parameters/defaults/policy.yaml). */
export const POLICY_DEFAULTS = defaultsFile(POLICY_DEFAULTS_FILE, { contractWeeksPerYear: DecimalText })

/** A default from the data file as a policy number: its value with its source and assumption flag. */
const sourcedDefault = (key: keyof ReturnType<typeof POLICY_DEFAULTS.get>) => () => {
  const d = POLICY_DEFAULTS.get()[key]
  return { value: d.value, source: d.source, assumption: d.assumption }
}

/**
 * A number with its source: `{ value, source, assumption }`. `assumption` defaults to true:
 * only a value read from a seed, a law or a public table may say `assumption: false`.
 * A bare number is accepted and reported as an assumption without a source.
 */
export const SourcedDecimal = z.union([
  z.strictObject({ value: DecimalText, source: z.string().min(3), assumption: z.boolean().default(true) }),
  DecimalText.transform((value) => ({ value, source: "no source given", assumption: true }))
])

export const SourcedInt = z.union([
  z.strictObject({ value: z.number().int().positive(), source: z.string().min(3), assumption: z.boolean().default(true) }),
  z.number().int().positive().transform((value) => ({ value, source: "no source given", assumption: true }))
])

const Share = SourcedDecimal.refine((s) => Number(s.value) <= 1, { message: "a share is a fraction between 0 and 1" })

const Condition = z.union([
  z.literal("always").transform(() => ({ kind: "always" as const })),
  z.strictObject({ indication: z.array(IndicationKind).min(1) }).transform((c) => ({ kind: "indication" as const, kinds: c.indication }))
])

export const PayerSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("kot"), stream: z.string().default("kot") }),
  z.strictObject({ kind: z.literal("smi"), stream: z.string().default("smi") }),
  z.strictObject({ kind: z.literal("kindplek"), stream: z.string().default("kindplek") }),
  z.strictObject({ kind: z.literal("overbrugging"), stream: z.string().default("overbrugging"), maxPerMonth: SourcedDecimal.optional() }),
  z.strictObject({ kind: z.literal("bouwsteen"), stream: z.string().default("bouwsteen"), maxPerMonth: SourcedDecimal.optional() }),
  z.strictObject({ kind: z.literal("direct"), stream: z.string(), share: Share, condition: Condition.default({ kind: "always" as const }) })
])

const LayerSchema = z.strictObject({
  payers: z.array(PayerSchema).default([]),
  residual: z.string()
})

const OwnContribution = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({ kind: z.literal("share"), share: Share }),
  z.strictObject({ kind: z.literal("share-above-threshold"), share: Share, threshold: SourcedDecimal }),
  z.strictObject({ kind: z.literal("kot-table-above-threshold"), threshold: SourcedDecimal }),
  z.strictObject({
    kind: z.literal("income-table"),
    rows: z.array(z.strictObject({ upTo: DecimalText.nullable(), share: DecimalText })).min(1),
    source: z.string().min(3),
    assumption: z.boolean().default(true)
  })
])

export const PolicySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  description: z.string().min(1),
  source: z.string().min(3),
  extends: z.string().optional(),
  regularRate: z.enum(["placement-price", "maximum-uurprijs"]).default("placement-price"),
  // Default: a full-year contract (src/parameters/defaults/policy.yaml), an assumption.
  contractWeeksPerYear: SourcedDecimal.default(sourcedDefault("contractWeeksPerYear")),
  streams: z.array(StreamDefinitionSchema).default([]),
  layers: z.strictObject({ regular: LayerSchema, plus: LayerSchema, jeugdhulp: LayerSchema }),
  smi: z
    .strictObject({
      model: z.string().min(1),
      source: z.string().min(3),
      priceCap: z.enum(["maximum-uurprijs", "none"]),
      maxHoursPerMonth: SourcedDecimal.optional(),
      maxMonths: SourcedInt.optional(),
      smiPlusMaxDaysPerWeek: SourcedInt.optional(),
      ownContribution: OwnContribution
    })
    .optional(),
  kindplek: z.strictObject({ occupancyFloor: Share, minAverageChildren: SourcedDecimal }).optional(),
  jeugdhulpExpertise: z.strictObject({ hoursPerWeek: SourcedDecimal, hourlyRate: SourcedDecimal }).optional(),
  costPrices: z
    .strictObject({
      // The group designs of the events, without their description (the generated JSON Schema keeps its shape).
      byDesign: z.partialRecord(z.enum(GroupDesign.options), SourcedDecimal).default({}),
      byGroup: z.record(z.string(), SourcedDecimal).default({})
    })
    .default({ byDesign: {}, byGroup: {} })
})

export type PolicyFile = z.infer<typeof PolicySchema>
