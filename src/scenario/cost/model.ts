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
 *   cost per child-hour  = group cost / (capacity × opening hours per week × weeks per year)   (full occupancy)
 *   cost per kindplek    = group cost / capacity
 *
 * So a smaller group (same staff, same room) costs more per child-hour. Pure:
 * every input is an argument; nothing is read from files.
 */
import { dayNumber } from "../../domain/calendar"
import { Dec, ZERO } from "../../domain/money"
import type { ParameterSet } from "../../domain/parameters/types"
import type { Sourced } from "../../domain/policy/types"
import type { EventData } from "../../events"
import { extraStaffOf } from "../design/groups"
import type { DesignSpec } from "../design/schema"
import { ratioTableOn, staffRequired } from "./bkr"
import { COST_DEFAULTS, type CostInputPath, type CostModelSpec } from "./schema"

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

export interface GroupCostBreakdown {
  readonly groupId: string
  readonly design: Opened["design"]
  readonly locationId: string
  readonly capacity: number
  readonly plusPlaces: number
  readonly ageBand: string
  /** Pedagogical staff on the group: the BKR minimum (undefined when the table gives none), what the design states, what is used. */
  readonly staff: { readonly required: number | undefined; readonly stated: number; readonly used: number; readonly hbo: number; readonly extra: number }
  readonly hoursPerWeek: Readonly<Record<Role, Dec>>
  readonly wageCostPerYear: Readonly<Record<Role, Dec>>
  readonly staffCost: Dec
  readonly overhead: Dec
  readonly housing: Dec
  readonly total: Dec
  readonly childHoursPerYear: Dec
  readonly costPerHour: Dec
  readonly costPerKindplekPerYear: Dec
  readonly formula: ReadonlyArray<string>
}

export interface CostAssumption {
  readonly path: string
  readonly value: string
  readonly source: string
  readonly reason: string
}

export interface CostModelResult {
  /** Cost price per child-hour at full occupancy, per group: fits `policy.costPrices.byGroup`. */
  readonly byGroup: Record<string, Sourced<Dec>>
  /** Cost per kindplek (place) per year, per group. */
  readonly perKindplek: Record<string, Sourced<Dec>>
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

/** The inputs that are not confirmed public figures: every assumed default, and every value the scenario supplied. */
export const costAssumptions = (spec: CostModelSpec): Array<CostAssumption> =>
  INPUTS.flatMap(([path, get]) => {
    const value = get(spec)
    const def = COST_DEFAULTS[path]
    const isDefault = sameValue(value, def.value)
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
  const perKindplek: Record<string, Sourced<Dec>> = {}
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
    for (const role of ROLES) {
      wage[role] = hours[role].times(weeks).times(rate[role])
      staffCost = staffCost.plus(wage[role])
      if (!hours[role].isZero()) formula.push(`${role}: ${num(hours[role])} h/week × ${weeks} weeks × ${eur(rate[role])} = ${eur(wage[role])}`)
    }
    const overhead = staffCost.times(spec.overheadShare)
    const housing = new Dec(spec.housingPerGroupPerYear).plus(new Dec(spec.housingPerPlacePerYear).times(g.capacity))
    const total = staffCost.plus(overhead).plus(housing)
    const childHoursPerYear = new Dec(g.capacity).times(opening).times(weeks)
    const costPerHour = total.dividedBy(childHoursPerYear)
    const costPerKindplekPerYear = total.dividedBy(g.capacity)
    formula.push(
      `staff ${eur(staffCost)} + overhead ${spec.overheadShare} × staff ${eur(overhead)} + housing ${eur(housing)} = ${eur(total)} a year`,
      `per child-hour: ${eur(total)} / (${g.capacity} places × ${opening} h × ${weeks} weeks) = ${eur(costPerHour)}`,
      `per kindplek: ${eur(total)} / ${g.capacity} places = ${eur(costPerKindplekPerYear)} a year`
    )
    breakdown[g.groupId] = {
      groupId: g.groupId,
      design: g.design,
      locationId: locationOf(g),
      capacity: g.capacity,
      plusPlaces: inputs.plusPlaces,
      ageBand,
      staff: { required, stated, used, hbo, extra: inputs.extra },
      hoursPerWeek: hours,
      wageCostPerYear: wage,
      staffCost,
      overhead,
      housing,
      total,
      childHoursPerYear,
      costPerHour,
      costPerKindplekPerYear,
      formula
    }
    const source = `${COST_MODEL_SOURCE}: group ${g.groupId}, ${eur(total)} a year`
    byGroup[g.groupId] = { value: costPerHour, source: `${source} / ${childHoursPerYear} child-hours at full occupancy`, assumption: assumed }
    perKindplek[g.groupId] = { value: costPerKindplekPerYear, source: `${source} / ${g.capacity} places`, assumption: assumed }
  }
  return { byGroup, perKindplek, breakdown, assumptions, warnings }
}
