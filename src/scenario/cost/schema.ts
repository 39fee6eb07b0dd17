/**
 * The `costModel:` part of a scenario file: the inputs of the bottom-up cost
 * model (./model.ts). Wage rates, overhead and housing are NOT in our public
 * sources: every default is a dated, sourced value in
 * src/parameters/defaults/cost-model.yaml (most of them labelled assumptions),
 * and the model lists every one it used in its `assumptions` (docs/cost-model.md).
 */
import { z } from "zod"
import { COST_MODEL_DEFAULTS_FILE, defaultsFile } from "../../parameters/defaults"
import { AmountText } from "../fields"

/** The fields that have a default, with the schema each default is checked against. */
const DEFAULTED = {
  openingHoursPerWeek: z.number().positive().max(168),
  weeksPerYear: z.number().positive().max(53),
  fullTimeHoursPerWeek: z.number().positive().max(60),
  // Employer cost per hour (EUR) incl. on-costs and cover for leave.
  "wages.pedagogical": AmountText,
  "wages.hbo": AmountText,
  "wages.careCoordinator": AmountText,
  "wages.locationSupport": AmountText,
  "wages.teamSupporter": AmountText,
  "wages.specialist": AmountText,
  "wages.coach": AmountText,
  careCoordinatorHoursPerChildPerWeek: z.number().nonnegative().max(40),
  locationSupportHoursPerWeek: z.number().nonnegative().max(60),
  teamSupporterFtePerLocation: z.number().nonnegative().max(10),
  overheadShare: AmountText,
  housingPerGroupPerYear: AmountText,
  housingPerPlacePerYear: AmountText,
  specialistInCostPrice: z.boolean()
}

/** Every default of the cost model, with its dates and source (src/parameters/defaults/cost-model.yaml). */
export const COST_DEFAULTS = defaultsFile(COST_MODEL_DEFAULTS_FILE, DEFAULTED)

export type CostInputPath = keyof typeof DEFAULTED

/** The default of a field, read from the data file when a scenario leaves the field out. */
const d = <K extends CostInputPath>(k: K) => () => COST_DEFAULTS.get()[k].value
const F = DEFAULTED

export const CostModelSpec = z.strictObject({
  // No default: the year the prices apply to; the staff-child ratio and the defaults are read on 1 January of it.
  year: z.number().int().min(2000).max(2100),
  // Default: the design's age band (e.g. 0-4 for KOplus, seed 004 §V).
  ageBand: z.string().regex(/^\d{1,2}-\d{1,2}$/).optional(),
  openingHoursPerWeek: F.openingHoursPerWeek.default(d("openingHoursPerWeek")),
  weeksPerYear: F.weeksPerYear.default(d("weeksPerYear")),
  fullTimeHoursPerWeek: F.fullTimeHoursPerWeek.default(d("fullTimeHoursPerWeek")),
  // Employer cost per hour (EUR) incl. on-costs and cover for leave: assumptions, see the defaults file.
  wages: z
    .strictObject({
      pedagogical: F["wages.pedagogical"].default(d("wages.pedagogical")),
      hbo: F["wages.hbo"].default(d("wages.hbo")),
      careCoordinator: F["wages.careCoordinator"].default(d("wages.careCoordinator")),
      locationSupport: F["wages.locationSupport"].default(d("wages.locationSupport")),
      teamSupporter: F["wages.teamSupporter"].default(d("wages.teamSupporter")),
      specialist: F["wages.specialist"].default(d("wages.specialist")),
      coach: F["wages.coach"].default(d("wages.coach"))
    })
    .prefault({}),
  careCoordinatorHoursPerChildPerWeek: F.careCoordinatorHoursPerChildPerWeek.default(d("careCoordinatorHoursPerChildPerWeek")),
  locationSupportHoursPerWeek: F.locationSupportHoursPerWeek.default(d("locationSupportHoursPerWeek")),
  teamSupporterFtePerLocation: F.teamSupporterFtePerLocation.default(d("teamSupporterFtePerLocation")),
  overheadShare: F.overheadShare.default(d("overheadShare")),
  housingPerGroupPerYear: F.housingPerGroupPerYear.default(d("housingPerGroupPerYear")),
  housingPerPlacePerYear: F.housingPerPlacePerYear.default(d("housingPerPlacePerYear")),
  specialistInCostPrice: F.specialistInCostPrice.default(d("specialistInCostPrice"))
})

export type CostModelSpec = z.output<typeof CostModelSpec>
export type CostModelSpecInput = z.input<typeof CostModelSpec>
