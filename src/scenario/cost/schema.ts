/**
 * The `costModel:` part of a scenario file: the inputs of the bottom-up cost
 * model (./model.ts). Wage rates, overhead and housing are NOT in our public
 * sources: each default below is a labelled assumption, and the model lists
 * every one it used in its `assumptions` (docs/cost-model.md).
 */
import { z } from "zod"
import { AmountText } from "../fields"

export interface CostDefault {
  readonly value: string | number | boolean
  readonly source: string
  /** False only for values read from a seed or law; true for everything we had to assume. */
  readonly assumption: boolean
}

const PEDAGOGICAL_WAGE_DERIVATION =
  "CAO Kinderopvang scale 6 (pedagogisch professional), step 17: EUR 3,138 a month for 36 h/week from 1 July 2025 " +
  "(kinderopvanglappelein.nl, secondary) = EUR 20.12/h; × 1.08 holiday pay × 1.30 employer on-costs ÷ 0.87 " +
  "productive share (leave, illness) ≈ EUR 32.50 per hour on the group"

/** Every default of the cost model, with where it comes from. */
export const COST_DEFAULTS = {
  openingHoursPerWeek: { value: 55, source: "assumption: a dagopvang day of 11 hours (e.g. 7:30-18:30), 5 days a week", assumption: true },
  weeksPerYear: { value: 52, source: "assumption: open the whole year, as the policies' contractWeeksPerYear (52)", assumption: true },
  fullTimeHoursPerWeek: { value: 36, source: "CAO Kinderopvang: a full-time week of 36 hours (kinderopvanglappelein.nl, secondary)", assumption: true },
  "wages.pedagogical": { value: "32.50", source: `assumption: ${PEDAGOGICAL_WAGE_DERIVATION}`, assumption: true },
  "wages.hbo": { value: "37.50", source: "assumption: HBO-trained pedagogical staff about one scale higher (scale 7-8), +15 % on the scale 6 rate", assumption: true },
  "wages.careCoordinator": { value: "40.00", source: "assumption: zorgcoördinator/gezinsadviseur around CAO Kinderopvang scale 8-9, employer cost per hour", assumption: true },
  "wages.locationSupport": { value: "50.00", source: "assumption: pedagogical/psychological support (orthopedagoog, psycholoog) around scale 10, employer cost per hour", assumption: true },
  "wages.teamSupporter": { value: "37.50", source: "assumption: the full-time HBO team supporter at the HBO rate", assumption: true },
  "wages.specialist": { value: "80.00", source: "assumption: jeugdhulp specialist of a care provider, employer cost per hour (jeugdhulp rates are not public, PARAMETERS.md)", assumption: true },
  "wages.coach": { value: "42.00", source: "assumption: pedagogisch coach around scale 8-9, employer cost per hour", assumption: true },
  careCoordinatorHoursPerChildPerWeek: { value: 1.5, source: "seed 004 §IX.3: zorgcoördinator/gezinsadviseur 1,5 uur per week per kind", assumption: false },
  locationSupportHoursPerWeek: { value: 4, source: "seed 004 §IX.3: pedagogische/psychologische ondersteuning aan de locatie, maximaal 4 uur per week (the maximum taken)", assumption: true },
  teamSupporterFtePerLocation: { value: 1, source: "seed 004 §IX.3: één full-time HBO-er die het team ondersteunt (per location, shared by its groups)", assumption: false },
  overheadShare: { value: "0.20", source: "assumption: management, administration, training (deskundigheidsbevordering, seed 004 §IX.3), materials (§IX.5) as 20 % of staff cost", assumption: true },
  housingPerGroupPerYear: { value: "18000.00", source: "assumption: a group room with its share of shared and outdoor space, about 90 m² at EUR 200/m² a year", assumption: true },
  housingPerPlacePerYear: { value: "0", source: "assumption: housing is priced per group room, not per place", assumption: true },
  specialistInCostPrice: { value: true, source: "assumption: a hybrid group's specialist is part of the group's cost price (set false when the policy pays jeugdhulp expertise separately)", assumption: true }
} as const satisfies Record<string, CostDefault>

export type CostInputPath = keyof typeof COST_DEFAULTS

const d = COST_DEFAULTS

export const CostModelSpec = z.strictObject({
  // No default: the year the prices apply to; the staff-child ratio is read on 1 January of it.
  year: z.number().int().min(2000).max(2100),
  // Default: the design's age band (e.g. 0-4 for KOplus, seed 004 §V).
  ageBand: z.string().regex(/^\d{1,2}-\d{1,2}$/).optional(),
  openingHoursPerWeek: z.number().positive().max(168).default(d.openingHoursPerWeek.value),
  weeksPerYear: z.number().positive().max(53).default(d.weeksPerYear.value),
  fullTimeHoursPerWeek: z.number().positive().max(60).default(d.fullTimeHoursPerWeek.value),
  // Employer cost per hour (EUR) incl. on-costs and cover for leave: assumptions, see COST_DEFAULTS.
  wages: z
    .strictObject({
      pedagogical: AmountText.default(d["wages.pedagogical"].value),
      hbo: AmountText.default(d["wages.hbo"].value),
      careCoordinator: AmountText.default(d["wages.careCoordinator"].value),
      locationSupport: AmountText.default(d["wages.locationSupport"].value),
      teamSupporter: AmountText.default(d["wages.teamSupporter"].value),
      specialist: AmountText.default(d["wages.specialist"].value),
      coach: AmountText.default(d["wages.coach"].value)
    })
    .prefault({}),
  careCoordinatorHoursPerChildPerWeek: z.number().nonnegative().max(40).default(d.careCoordinatorHoursPerChildPerWeek.value),
  locationSupportHoursPerWeek: z.number().nonnegative().max(60).default(d.locationSupportHoursPerWeek.value),
  teamSupporterFtePerLocation: z.number().nonnegative().max(10).default(d.teamSupporterFtePerLocation.value),
  overheadShare: AmountText.default(d.overheadShare.value),
  housingPerGroupPerYear: AmountText.default(d.housingPerGroupPerYear.value),
  housingPerPlacePerYear: AmountText.default(d.housingPerPlacePerYear.value),
  specialistInCostPrice: z.boolean().default(d.specialistInCostPrice.value)
})

export type CostModelSpec = z.output<typeof CostModelSpec>
export type CostModelSpecInput = z.input<typeof CostModelSpec>
