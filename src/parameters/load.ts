/**
 * Loading the shipped parameter tree (src/parameters/nl/**.yaml) and the
 * default stream catalogue (src/parameters/streams.yaml). Every file is
 * validated; values of one parameter may not overlap in time.
 */
import { readdirSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { z } from "zod"
import type { DatedValue, Parameter, ParameterSet } from "../domain/parameters/types"
import { FUNDERS, type StreamDefinition } from "../domain/policy/types"
import { IsoDate } from "../events/fields"
import { InvalidFile, type FileProblem, lineOf, readYamlFile, zodProblems } from "../io/yamlFile"

export const PARAMETERS_DIR = fileURLToPath(new URL("./nl", import.meta.url))
export const STREAMS_FILE = fileURLToPath(new URL("./streams.yaml", import.meta.url))

const Decimal = z.string().regex(/^\d+(\.\d+)?$/, { message: "must be a decimal written as a string" })
const Percent = Decimal.nullable()

export const KotTableValue = z.strictObject({
  rows: z
    .array(z.strictObject({ upTo: Decimal.nullable(), first: Percent, further: Percent }))
    .min(1)
    .refine((rows) => rows[rows.length - 1]!.upTo === null, { message: "the last row must be 'upTo: null' (above the last edge)" })
})

const RatioValue = z.record(z.string(), z.unknown())

/** The shape of a value, by parameter path. */
export const valueSchemaFor = (path: string): z.ZodType =>
  path === "kot.percentages" ? KotTableValue : path.startsWith("bkr.") ? RatioValue : Decimal

export const DatedValueSchema = z.strictObject({
  validFrom: IsoDate,
  validUntil: IsoDate,
  value: z.unknown(),
  source: z.string().min(3),
  assumption: z.boolean().optional()
})

const ParameterFile = z.strictObject({
  parameters: z.record(
    z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/),
    z.strictObject({
      description: z.string().optional(),
      unit: z.string().optional(),
      values: z.array(DatedValueSchema).min(1)
    })
  )
})

const yamlFilesUnder = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFilesUnder(join(dir, e.name)) : e.name.endsWith(".yaml") ? [join(dir, e.name)] : []))
    .sort()

/** Load every parameter file under a directory into one ParameterSet. */
export const loadParameterTree = (dir: string = PARAMETERS_DIR): ParameterSet | InvalidFile => {
  const problems: Array<FileProblem> = []
  const params = new Map<string, { description: string; unit: string; values: Array<DatedValue & { file: string; line: number | undefined }> }>()
  for (const file of yamlFilesUnder(dir)) {
    const parsed = readYamlFile(file)
    if (parsed instanceof InvalidFile) {
      problems.push(...parsed.problems)
      continue
    }
    const result = ParameterFile.safeParse(parsed.value)
    if (!result.success) {
      problems.push(...zodProblems(parsed, result.error))
      continue
    }
    for (const [path, p] of Object.entries(result.data.parameters)) {
      const entry = params.get(path) ?? { description: "", unit: "", values: [] }
      if (p.description) entry.description = p.description
      if (p.unit) entry.unit = p.unit
      p.values.forEach((v, i) => {
        const at = ["parameters", path, "values", i]
        const checked = valueSchemaFor(path).safeParse(v.value)
        if (!checked.success) problems.push(...zodProblems(parsed, checked.error, [...at, "value"]))
        if (v.validUntil < v.validFrom) problems.push({ file, line: lineOf(parsed, at), path: at.join("."), message: "validUntil is before validFrom" })
        entry.values.push({ value: v.value, validFrom: v.validFrom, validUntil: v.validUntil, source: v.source, assumption: v.assumption ?? false, file, line: lineOf(parsed, at) })
      })
      params.set(path, entry)
    }
  }
  for (const [path, p] of params) {
    const sorted = [...p.values].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i]!.validFrom <= sorted[i - 1]!.validUntil)
        problems.push({ file: sorted[i]!.file, line: sorted[i]!.line, path, message: `value from ${sorted[i]!.validFrom} overlaps the one valid until ${sorted[i - 1]!.validUntil}` })
    p.values.splice(0, p.values.length, ...sorted)
  }
  if (problems.length > 0) return new InvalidFile({ file: dir, problems })
  const parameters = new Map<string, Parameter>()
  for (const [path, p] of params)
    parameters.set(path, { path, description: p.description, unit: p.unit, values: p.values.map(({ file: _f, line: _l, ...v }) => v) })
  return { parameters }
}

export const StreamDefinitionSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: "stream names are lower-case words joined by '-'" }),
  funder: z.enum(FUNDERS),
  label: z.strictObject({ nl: z.string().min(1), en: z.string().min(1) }),
  jeugdwet: z.boolean(),
  description: z.string().min(1),
  source: z.string().min(3)
})

export const loadStreamCatalogue = (file: string = STREAMS_FILE): ReadonlyArray<StreamDefinition> | InvalidFile => {
  const parsed = readYamlFile(file)
  if (parsed instanceof InvalidFile) return parsed
  const result = z.strictObject({ streams: z.array(StreamDefinitionSchema).min(1) }).safeParse(parsed.value)
  if (!result.success) return new InvalidFile({ file, problems: zodProblems(parsed, result.error) })
  return result.data.streams
}
