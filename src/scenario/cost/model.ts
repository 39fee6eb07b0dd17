/**
 * The bottom-up cost model: a group's yearly cost from its size, the
 * staff-child ratio tables and the design's rules, and from that its cost
 * price per child-hour and per kindplek (docs/cost-model.md).
 *
 *   staff on the group   = max(stated pedagogical staff, BKR staff for the capacity) (+ extra staff, heterogeneous)
 *   hours per week       = staff on the group × opening hours (pedagogical, of which HBO; extra staff)
 *                        + care coordinator 1.5 h × plus places (seed 004 §IX.3)
 *                        + location support ≤ 4 h and a full-time HBO team supporter, shared by the location's groups (§IX.3)
 *                        + coaching hours (heterogeneous, seed 002) + specialist hours (hybrid, seed 002; not in the ratio)
 *   wage cost per year   = Σ hours per week × weeks per year × employer cost per hour of the role
 *   group cost per year  = wage cost × (1 + overhead share) + housing
 *
 * split into the group's regular part and its inclusion extras (seed 002 "Heterogene groepen": funding
 * differs per child; seed 004 §X: the kindplek price pays the quality and the income lost on the smaller group):
 *
 *   regular part         = (ratio staff: pedagogical + HBO) × (1 + overhead share) + housing
 *   inclusion extras     = (extra staff, coach, care coordinator, location support, team supporter, specialist) × (1 + overhead share)
 *   regular per child-hour = regular part / (capacity × opening hours × weeks)         a child without support needs
 *   plus per child-hour  = (group cost − regular per child-hour × regular places' hours) / plus places' hours
 *                        = regular per child-hour + extras / (plus places × opening hours × weeks)   a plus child
 *   cost per kindplek    = plus per child-hour × a place's hours a year (= group cost / capacity when every place is a plus place)
 *   plus price per place = max(0, (plus per child-hour − the design's hourly price) × a place's hours a year)
 *
 * Homogeneous and hybrid groups are all plus places, so there the plus figures are the whole group's
 * cost per place. All at full occupancy. So a smaller group (same staff, same room) costs more per
 * child-hour. Pure: every input is an argument, except the defaults, read once from
 * src/parameters/defaults/cost-model.yaml (the scenario loader reads them first).
 */
import { dayNumber } from "../../domain/calendar"
import { Dec, max, ONE, ZERO } from "../../domain/money"
import type { ParameterSet } from "../../domain/parameters/types"
import type { Sourced } from "../../domain/policy/types"
import type { EventData } from "../../events"
import { extraStaffOf } from "../design/groups"
import type { DesignSpec } from "../design/schema"
import { ratioTableOn, staffRequired } from "./bkr"
import type { DatedDefault } from "../../parameters/defaults"
import { COST_DEFAULTS, type CostInputPath, type CostModelSpec } from "./schema"

type Defaults = ReturnType<typeof COST_DEFAULTS.get>

export const COST_MODEL_SOURCE = "geldstroom bottom-up cost model (docs/cost-model.md; seed 004 §IX, §X; seed 002 'Aanbod — Componenten')"

type Opened = EventData<"group-opened">

/** A group as the cost model needs it (the group-opened event's data fits). */
export interface CostGroup {
  readonly groupId: string
  readonly design: Opened["design"]
  readonly capacity: number
  readonly staffing: Opened["staffing"]
  readonly careType: Opened["careType"]
  /** Groups of one location share its support hours and team supporter; without one a group is its own location. */
  readonly locationId?: string
}

export type Role = "pedagogical" | "hbo" | "extraStaff" | "coach" | "careCoordinator" | "locationSupport" | "teamSupporter" | "specialist"

export const ROLES: ReadonlyArray<Role> = ["pedagogical", "hbo", "extraStaff", "coach", "careCoordinator", "locationSupport", "teamSupporter", "specialist"]

/** The roles of a group's regular part: the staff the ratio needs for its capacity (the rest are inclusion extras). */
export const REGULAR_ROLES: ReadonlySet<Role> = new Set<Role>(["pedagogical", "hbo"])

export interface GroupCostBreakdown {
  readonly groupId: string
  readonly design: Opened["design"]
  readonly locationId: string
  readonly capacity: number
  readonly plusPlaces: number
  /** Places for children without support needs: capacity − plus places (0 in a homogeneous or hybrid group). */
  readonly regularPlaces: number
  readonly ageBand: string
  /** Pedagogical staff on the group: the BKR minimum (undefined when the table gives none), what the design states, what is used. */
  readonly staff: { readonly required: number | undefined; readonly stated: number; readonly used: number; readonly hbo: number; readonly extra: number }
  readonly hoursPerWeek: Readonly<Record<Role, Dec>>
  readonly wageCostPerYear: Readonly<Record<Role, Dec>>
  readonly staffCost: Dec
  readonly overhead: Dec
  readonly housing: Dec
  readonly total: Dec
  /** The regular part: ratio staff (pedagogical, HBO) with overhead, and housing. */
  readonly regularCost: Dec
  /** The inclusion extras: every other role, with overhead (total = regular part + extras). */
  readonly extrasCost: Dec
  /** Child-hours a year of all places, and of the plus places, at full occupancy. */
  readonly childHoursPerYear: Dec
  readonly plusHoursPerYear: Dec
  /** Cost per child-hour of a child without support needs: the regular part over all places. */
  readonly regularCostPerHour: Dec
  /** The inclusion extras per plus-child-hour: over the plus places only. */
  readonly extrasPerPlusHour: Dec
  /** Cost per child-hour of a plus child: regular part + extras per plus-child-hour. */
  readonly costPerHour: Dec
  /** Cost of one plus place a year. */
  readonly costPerKindplekPerYear: Dec
  /** What a plus place costs a year above the regular hourly price (floored at 0): the kindplek price it stands for. */
  readonly plusPricePerPlace: Dec
  readonly formula: ReadonlyArray<string>
}

export interface CostAssumption {
  readonly path: string
  readonly value: string
  readonly source: string
  readonly reason: string
}

export interface CostModelResult {
  /** Cost price per child-hour of a PLUS child at full occupancy, per group: fits `policy.costPrices.byGroup`. */
  readonly byGroup: Record<string, Sourced<Dec>>
  /** Cost price per child-hour of a child WITHOUT support needs, per group: fits `policy.costPrices.regularByGroup`. */
  readonly regularByGroup: Record<string, Sourced<Dec>>
  /** Cost of one plus place (kindplek) per year, per group. */
  readonly perKindplek: Record<string, Sourced<Dec>>
  /**
   * The yearly cost of one plus place above the design's regular hourly price, floored at 0, per group:
   * (plus cost per child-hour − hourly price) × a place's hours a year. What a kindplek price stands for
   * (seed 004 §X: the quality asked and the income lost on the smaller group).
   */
  readonly plusPricePerPlace: Record<string, Sourced<Dec>>
  readonly breakdown: Record<string, GroupCostBreakdown>
  readonly assumptions: ReadonlyArray<CostAssumption>
  /** Things to check: a group above the maximum group size, staff below the ratio, a missing ratio table. */
  readonly warnings: ReadonlyArray<string>
}

const INPUTS: ReadonlyArray<readonly [CostInputPath, (s: CostModelSpec) => string | number | boolean]> = [
  ["openingHoursPerWeek", (s) => s.openingHoursPerWeek],
  ["weeksPerYear", (s) => s.weeksPerYear],
  ["fullTimeHoursPerWeek", (s) => s.fullTimeHoursPerWeek],
  ["wages.pedagogical", (s) => s.wages.pedagogical],
  ["wages.hbo", (s) => s.wages.hbo],
  ["wages.careCoordinator", (s) => s.wages.careCoordinator],
  ["wages.locationSupport", (s) => s.wages.locationSupport],
  ["wages.teamSupporter", (s) => s.wages.teamSupporter],
  ["wages.specialist", (s) => s.wages.specialist],
  ["wages.coach", (s) => s.wages.coach],
  ["careCoordinatorHoursPerChildPerWeek", (s) => s.careCoordinatorHoursPerChildPerWeek],
  ["locationSupportHoursPerWeek", (s) => s.locationSupportHoursPerWeek],
  ["teamSupporterFtePerLocation", (s) => s.teamSupporterFtePerLocation],
  ["overheadShare", (s) => s.overheadShare],
  ["housingPerGroupPerYear", (s) => s.housingPerGroupPerYear],
  ["housingPerPlacePerYear", (s) => s.housingPerPlacePerYear],
  ["specialistInCostPrice", (s) => s.specialistInCostPrice]
]

const sameValue = (a: string | number | boolean, b: string | number | boolean): boolean =>
  typeof a === "boolean" || typeof b === "boolean" ? a === b : new Dec(a).equals(new Dec(b))

/** Each input of the cost model: its value, its default, and whether the value is the default. */
const costInputs = (spec: CostModelSpec, defaults: Defaults = COST_DEFAULTS.get()) =>
  INPUTS.map(([path, get]) => {
    const value = get(spec)
    const def = defaults[path]
    return { path, value, default: def as DatedDefault<string | number | boolean>, isDefault: sameValue(value, def.value) }
  })

/** The inputs that are not confirmed public figures: every assumed default, and every value the scenario supplied. */
export const costAssumptions = (spec: CostModelSpec, defaults: Defaults = COST_DEFAULTS.get()): Array<CostAssumption> =>
  costInputs(spec, defaults).flatMap(({ path, value, default: def, isDefault }) => {
    if (isDefault && !def.assumption) return []
    return [
      {
        path: `costModel.${path}`,
        value: String(value),
        source: isDefault ? def.source : "supplied by the scenario",
        reason: isDefault ? "not in our public sources: a default the scenario may replace" : "a scenario input, not a published figure"
      }
    ]
  })

const eur = (d: Dec) => `EUR ${d.toDecimalPlaces(2).toFixed(2)}`
const num = (d: Dec) => d.toDecimalPlaces(4).toString()

/** Design-level inputs for a group of the given design (only when the design spec is of that kind). */
const designInputs = (design: DesignSpec, group: CostGroup) => {
  const same = design.kind === group.design
  const plusPlaces = same && design.kind === "heterogeneous" ? Math.min(design.plusPlacesPerGroup, group.capacity) : group.capacity
  return {
    hourlyPrice: new Dec(design.hourlyPrice),
    ageBand: same ? design.ageBand : "0-4",
    plusPlaces,
    extra: same && design.kind === "heterogeneous" ? extraStaffOf(design.plusPlacesPerGroup, design.extraStaffPerPlusChildren) : 0,
    coachingHoursPerWeek: same && design.kind === "heterogeneous" ? design.coachingHoursPerWeek : 0
  }
}

export const costModel = (
  spec: CostModelSpec,
  design: DesignSpec,
  groups: ReadonlyArray<CostGroup>,
  params: ParameterSet
): CostModelResult => {
  const warnings: Array<string> = []
  const day = dayNumber(`${spec.year}-01-01`)
  const weeks = new Dec(spec.weeksPerYear)
  const opening = new Dec(spec.openingHoursPerWeek)
  const groupsAt = new Map<string, number>()
  const locationOf = (g: CostGroup) => g.locationId ?? `(group ${g.groupId})`
  for (const g of groups) groupsAt.set(locationOf(g), (groupsAt.get(locationOf(g)) ?? 0) + 1)
  if (groups.some((g) => g.locationId === undefined))
    warnings.push("some groups name no location: each is counted as its own location (it carries the location roles alone)")

  const byGroup: Record<string, Sourced<Dec>> = {}
  const regularByGroup: Record<string, Sourced<Dec>> = {}
  const perKindplek: Record<string, Sourced<Dec>> = {}
  const plusPricePerPlace: Record<string, Sourced<Dec>> = {}
  const breakdown: Record<string, GroupCostBreakdown> = {}
  const assumptions = costAssumptions(spec)
  const assumed = assumptions.length > 0

  for (const g of groups) {
    const inputs = designInputs(design, g)
    const ageBand = spec.ageBand ?? inputs.ageBand
    const formula: Array<string> = []
    // Staff-child ratio (Besluit kwaliteit kinderopvang, bijlage 1; parameters bkr.*).
    const read = ratioTableOn(params, g.careType, day)
    let required: number | undefined
    if (typeof read === "string") warnings.push(`group ${g.groupId}: no staff-child ratio table (${read}); the design's staffing is used`)
    else {
      required = staffRequired(read.table, ageBand, g.capacity)
      if (required === undefined) warnings.push(`group ${g.groupId}: ${read.path} gives no staffing for ${g.capacity} children aged ${ageBand}`)
      if (read.table.maxGroupSize !== undefined && g.capacity > read.table.maxGroupSize)
        warnings.push(`group ${g.groupId}: capacity ${g.capacity} is above the maximum group size ${read.table.maxGroupSize} (${read.path})`)
      formula.push(`BKR ${read.path} ${ageBand}: ${g.capacity} children need ${required ?? "?"} staff (${read.source})`)
    }
    const stated = Math.max(0, g.staffing.pedagogical - inputs.extra)
    if (required !== undefined && stated < required)
      warnings.push(`group ${g.groupId}: ${stated} pedagogical staff stated, the ratio needs ${required}: the model uses ${required}`)
    const used = Math.max(stated, required ?? 0)
    const hbo = Math.min(g.staffing.hbo, used)
    const shared = new Dec(groupsAt.get(locationOf(g)) ?? 1)
    const hours: Record<Role, Dec> = {
      pedagogical: new Dec(used - hbo).times(opening),
      hbo: new Dec(hbo).times(opening),
      extraStaff: new Dec(inputs.extra).times(opening),
      coach: new Dec(inputs.coachingHoursPerWeek),
      careCoordinator: new Dec(spec.careCoordinatorHoursPerChildPerWeek).times(inputs.plusPlaces),
      locationSupport: new Dec(spec.locationSupportHoursPerWeek).dividedBy(shared),
      teamSupporter: new Dec(spec.teamSupporterFtePerLocation).times(spec.fullTimeHoursPerWeek).dividedBy(shared),
      // Seed 002 "Hybride groepen": the specialist's hours are on top of the ratio staff, never in it.
      specialist: new Dec(g.staffing.specialistHoursPerWeek ?? 0)
    }
    const rate: Record<Role, Dec> = {
      pedagogical: new Dec(spec.wages.pedagogical),
      hbo: new Dec(spec.wages.hbo),
      extraStaff: new Dec(spec.wages.pedagogical),
      coach: new Dec(spec.wages.coach),
      careCoordinator: new Dec(spec.wages.careCoordinator),
      locationSupport: new Dec(spec.wages.locationSupport),
      teamSupporter: new Dec(spec.wages.teamSupporter),
      specialist: spec.specialistInCostPrice ? new Dec(spec.wages.specialist) : ZERO
    }
    const wage = {} as Record<Role, Dec>
    let staffCost = ZERO
    let regularStaff = ZERO
    for (const role of ROLES) {
      wage[role] = hours[role].times(weeks).times(rate[role])
      staffCost = staffCost.plus(wage[role])
      if (REGULAR_ROLES.has(role)) regularStaff = regularStaff.plus(wage[role])
      const part = REGULAR_ROLES.has(role) ? "regular" : "extra"
      if (!hours[role].isZero()) formula.push(`${part} ${role}: ${num(hours[role])} h/week × ${weeks} weeks × ${eur(rate[role])} = ${eur(wage[role])}`)
    }
    const overheadShare = new Dec(spec.overheadShare)
    const overhead = staffCost.times(overheadShare)
    const housing = new Dec(spec.housingPerGroupPerYear).plus(new Dec(spec.housingPerPlacePerYear).times(g.capacity))
    const total = staffCost.plus(overhead).plus(housing)
    const extrasStaff = staffCost.minus(regularStaff)
    const regularCost = regularStaff.times(ONE.plus(overheadShare)).plus(housing)
    const extrasCost = extrasStaff.times(ONE.plus(overheadShare))
    const placeHours = opening.times(weeks)
    const childHoursPerYear = new Dec(g.capacity).times(placeHours)
    const regularPlaces = g.capacity - inputs.plusPlaces
    const plusHoursPerYear = new Dec(inputs.plusPlaces).times(placeHours)
    const regularCostPerHour = regularCost.dividedBy(childHoursPerYear)
    const extrasPerPlusHour = extrasCost.dividedBy(plusHoursPerYear)
    // What the plus places carry: the group's cost less the regular part of its regular places (= the
    // whole group cost when every place is a plus place). Per plus place = regular part + extras.
    const plusPlacesCost = total.minus(regularCostPerHour.times(regularPlaces).times(placeHours))
    const costPerHour = plusPlacesCost.dividedBy(plusHoursPerYear)
    const costPerKindplekPerYear = plusPlacesCost.dividedBy(inputs.plusPlaces)
    const plusPrice = max(ZERO, costPerKindplekPerYear.minus(inputs.hourlyPrice.times(placeHours)))
    formula.push(
      `staff ${eur(staffCost)} + overhead ${spec.overheadShare} × staff ${eur(overhead)} + housing ${eur(housing)} = ${eur(total)} a year`,
      `regular part: ratio staff ${eur(regularStaff)} × (1 + ${spec.overheadShare}) + housing ${eur(housing)} = ${eur(regularCost)} a year`,
      `inclusion extras: other roles ${eur(extrasStaff)} × (1 + ${spec.overheadShare}) = ${eur(extrasCost)} a year`,
      `regular per child-hour (a child without support needs): ${eur(regularCost)} / (${g.capacity} places × ${opening} h × ${weeks} weeks) = ${eur(regularCostPerHour)}`,
      `extras per plus-child-hour: ${eur(extrasCost)} / (${inputs.plusPlaces} plus places × ${opening} h × ${weeks} weeks) = ${eur(extrasPerPlusHour)}`,
      `plus per child-hour (a child with support needs): regular ${eur(regularCostPerHour)} + extras ${eur(extrasPerPlusHour)} = ${eur(costPerHour)}`,
      `per kindplek (a plus place): ${eur(costPerHour)} × ${opening} h × ${weeks} weeks = ${eur(costPerKindplekPerYear)} a year`,
      `plus price per place: max(0, ${eur(costPerKindplekPerYear)} − hourly price ${eur(inputs.hourlyPrice)} × ${placeHours} h) = ${eur(plusPrice)} a year`
    )
    breakdown[g.groupId] = {
      groupId: g.groupId,
      design: g.design,
      locationId: locationOf(g),
      capacity: g.capacity,
      plusPlaces: inputs.plusPlaces,
      regularPlaces,
      ageBand,
      staff: { required, stated, used, hbo, extra: inputs.extra },
      hoursPerWeek: hours,
      wageCostPerYear: wage,
      staffCost,
      overhead,
      housing,
      total,
      regularCost,
      extrasCost,
      childHoursPerYear,
      plusHoursPerYear,
      regularCostPerHour,
      extrasPerPlusHour,
      costPerHour,
      costPerKindplekPerYear,
      plusPricePerPlace: plusPrice,
      formula
    }
    const source = `${COST_MODEL_SOURCE}: group ${g.groupId}, ${eur(total)} a year`
    const regular = `regular part ${eur(regularCost)} / ${childHoursPerYear} child-hours of ${g.capacity} places`
    const extras = `extras ${eur(extrasCost)} / ${plusHoursPerYear} child-hours of ${inputs.plusPlaces} plus places`
    byGroup[g.groupId] = { value: costPerHour, source: `${source}: a plus child, ${regular} + ${extras}, at full occupancy`, assumption: assumed }
    regularByGroup[g.groupId] = { value: regularCostPerHour, source: `${source}: a child without support needs, ${regular}, at full occupancy`, assumption: assumed }
    perKindplek[g.groupId] = { value: costPerKindplekPerYear, source: `${source}: a plus place, ${eur(costPerHour)} × ${placeHours} h`, assumption: assumed }
    plusPricePerPlace[g.groupId] = {
      value: plusPrice,
      source: `${source}: a plus place ${eur(costPerKindplekPerYear)} less the hourly price ${eur(inputs.hourlyPrice)} × ${placeHours} h (seed 004 §X)`,
      assumption: assumed
    }
  }
  return { byGroup, regularByGroup, perKindplek, plusPricePerPlace, breakdown, assumptions, warnings }
}
