/**
 * The beroepskracht-kindratio (staff-child ratio) tables, read from the
 * parameters `bkr.<care type>` (src/parameters/nl/kwaliteit/
 * beroepskracht-kindratio.yaml; Besluit kwaliteit kinderopvang, bijlage 1,
 * PARAMETERS.md "Staff-child ratios"). Pure.
 */
import { Result } from "effect"
import { z } from "zod"
import { valueOn } from "../../domain/parameters/lookup"
import { parameterCareType } from "../../domain/parameters/paths"
import type { ParameterSet } from "../../domain/parameters/types"

export const RatioTable = z.object({
  maxGroupSize: z.number().int().positive().optional(),
  maxGroupSizeAllUnderOne: z.number().int().positive().optional(),
  bands: z.array(
    z.object({
      ageBand: z.string(),
      childrenPerStaff: z.number().positive(),
      steps: z.array(z.object({ staff: z.number().positive(), children: z.number().int().positive() })).optional()
    })
  )
})
export type RatioTable = z.infer<typeof RatioTable>

export interface RatioTableRead {
  readonly path: string
  readonly table: RatioTable
  readonly source: string
}

/** The ratio table for a care type (peuteropvang follows the dagopvang table) on a day, or why there is none. */
export const ratioTableOn = (params: ParameterSet, careType: string, day: number): RatioTableRead | string => {
  const path = `bkr.${parameterCareType(careType)}`
  const found = valueOn(params, path, day)
  if (Result.isFailure(found)) return found.failure.message
  const table = RatioTable.safeParse(found.success.value)
  if (!table.success) return `${path}: not a ratio table (${table.error.issues.map((i) => i.message).join("; ")})`
  return { path, table: table.data, source: found.success.source }
}

/**
 * Pedagogical staff needed for `children` children of an age band: the first
 * step that allows that many children where the band has steps (mixed age
 * groups: 0-4 is 1:5, 2:12, 4:16), else children / children per staff,
 * rounded up. Undefined when the band is unknown or the group is larger than
 * its steps allow.
 */
export const staffRequired = (table: RatioTable, ageBand: string, children: number): number | undefined => {
  const band = table.bands.find((b) => b.ageBand === ageBand)
  if (band === undefined) return undefined
  if (band.steps !== undefined && band.steps.length > 0) {
    const step = [...band.steps].sort((a, b) => a.children - b.children).find((s) => s.children >= children)
    return step?.staff
  }
  return Math.ceil(children / band.childrenPerStaff)
}
