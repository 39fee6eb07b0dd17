/**
 * The report's parameter (./accountability.yaml): the budget deviation a
 * provider must explain (seed 004 §XI: more than 10 %). Data, never a literal
 * in code; validated on load.
 */
import { fileURLToPath } from "node:url"
import { z } from "zod"
import { Dec } from "../domain/money"
import { IsoDate } from "../events/fields"
import { InvalidFile, loadYaml } from "../io/yamlFile"

export const ACCOUNTABILITY_FILE = fileURLToPath(new URL("./accountability.yaml", import.meta.url))

/** A value with its validity dates and source, as the parameter files give them (src/parameters/load.ts). */
const Sourced = <T extends z.ZodType>(value: T) => z.strictObject({ value, validFrom: IsoDate, validUntil: IsoDate, source: z.string().min(3) })

const AccountabilitySchema = z.strictObject({
  budgetDeviationToExplain: Sourced(z.string().regex(/^0?\.\d+$|^1(\.0+)?$/, { message: "must be a share written like 0.10" }))
})

export interface Accountability {
  /** A budget line deviating by more than this share must be explained. */
  readonly budgetDeviationToExplain: { readonly value: Dec; readonly validFrom: string; readonly validUntil: string; readonly source: string }
}

export const loadAccountability = (file: string = ACCOUNTABILITY_FILE): Accountability | InvalidFile => {
  const loaded = loadYaml(file, AccountabilitySchema)
  if (loaded instanceof InvalidFile) return loaded
  return {
    budgetDeviationToExplain: { ...loaded.budgetDeviationToExplain, value: new Dec(loaded.budgetDeviationToExplain.value) }
  }
}
