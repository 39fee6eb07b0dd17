/**
 * The groups a design opens: ids, locations, capacity, staffing, and the
 * places reserved for children with support needs. A pure function of the
 * design and the period, so the cost model can price the groups before any
 * child is placed (`designGroups`).
 */
import { dayNumber, yearOf, type YearMonth } from "../../domain/calendar"
import type { EventData } from "../../events"
import { isoOf, periodDays } from "../population/dates"
import { type DesignSpec, HOMOGENEOUS_STAFFING } from "./schema"

export interface DesignGroup {
  /** The group-opened event's data. */
  readonly opened: EventData<"group-opened">
  /** Day number the group opens. */
  readonly openDay: number
  /** Places for children with support needs (plus: true). */
  readonly plusPlaces: number
  /** Places for children without support needs (heterogeneous design only). */
  readonly regularPlaces: number
}

/**
 * Extra pedagogical staff (fte on the group) of a heterogeneous group: one for
 * every k plus places, proportionally (seed 002 "Extra medewerker").
 */
export const extraStaffOf = (plusPlaces: number, perPlusChildren: number): number => plusPlaces / perPlusChildren

const staffingOf = (d: DesignSpec): EventData<"group-opened">["staffing"] => {
  switch (d.kind) {
    case "homogeneous":
      return { pedagogical: HOMOGENEOUS_STAFFING.pedagogical, hbo: HOMOGENEOUS_STAFFING.hbo }
    case "heterogeneous":
      return { pedagogical: d.pedagogicalStaff + extraStaffOf(d.plusPlacesPerGroup, d.extraStaffPerPlusChildren), hbo: d.hbo }
    case "hybrid":
      // The specialist is on the group but not in `pedagogical`: jeugdhulp staff do not count in the ratio (seed 002).
      return { pedagogical: d.pedagogicalStaff, hbo: d.hbo, specialistHoursPerWeek: d.specialistHoursPerWeek }
  }
}

/** The day a design's groups open: `opensOn`, else the first day of the period. */
export const openDayOf = (d: DesignSpec, period: { readonly from: YearMonth; readonly to: YearMonth }): number =>
  d.opensOn !== undefined ? dayNumber(d.opensOn) : periodDays(period).first

/** The groups of a design, spread round-robin over its locations (group i at location i mod locations). */
export const designGroups = (d: DesignSpec, period: { readonly from: YearMonth; readonly to: YearMonth }): ReadonlyArray<DesignGroup> => {
  const openDay = openDayOf(d, period)
  const staffing = staffingOf(d)
  const plusPlaces = d.kind === "heterogeneous" ? d.plusPlacesPerGroup : d.capacity
  const locations = Math.min(d.locations, d.groups)
  return Array.from({ length: d.groups }, (_, i) => ({
    opened: {
      groupId: `${d.groupPrefix}-${i + 1}`,
      providerId: d.providerId,
      locationId: `${d.locationPrefix}-${(i % locations) + 1}`,
      design: d.kind,
      careType: d.careType,
      capacity: d.capacity,
      staffing
    },
    openDay,
    plusPlaces,
    regularPlaces: d.capacity - plusPlaces
  }))
}

/**
 * The kindplek awards a design names: one per group and year (seed 004 §X), at the group's price in
 * `pricePerGroup`, else `pricePerPlace`. A price "cost-model" must have been resolved per group
 * (src/scenario/load.ts does); an unresolved one is a programming error and throws.
 */
export const designAwards = (
  d: DesignSpec,
  groups: ReadonlyArray<DesignGroup>,
  period: { readonly from: YearMonth; readonly to: YearMonth }
): ReadonlyArray<{ readonly validTime: string; readonly data: EventData<"kindplek-subsidy-awarded"> }> => {
  const award = d.kindplek
  if (award === undefined) return []
  const { last } = periodDays(period)
  const out: Array<{ validTime: string; data: EventData<"kindplek-subsidy-awarded"> }> = []
  for (const g of groups) {
    const years =
      award.years ??
      Array.from({ length: yearOf(period.to) - yearOf(period.from) + 1 }, (_, i) => yearOf(period.from) + i).filter(
        (y) => dayNumber(`${y}-12-31`) >= g.openDay && dayNumber(`${y}-01-01`) <= last
      )
    const pricePerPlace = award.pricePerGroup?.[g.opened.groupId] ?? award.pricePerPlace
    if (pricePerPlace === "cost-model")
      throw new Error(`design.kindplek.pricePerPlace 'cost-model' has no price for group ${g.opened.groupId}: price the design first (loadScenario)`)
    for (const year of years) {
      const jan1 = dayNumber(`${year}-01-01`)
      const openInYear = g.openDay > jan1 && g.openDay <= dayNumber(`${year}-12-31`)
      out.push({
        validTime: isoOf(openInYear ? g.openDay : jan1),
        data: {
          awardId: `KP-${g.opened.groupId}-${year}`,
          providerId: g.opened.providerId,
          groupId: g.opened.groupId,
          year,
          places: award.placesPerGroup ?? g.plusPlaces,
          pricePerPlace
        }
      })
    }
  }
  return out
}
