/**
 * Occupancy of the kindplekken (seed 004 §XI: "De bezettingsgraad van de
 * kindplekken wordt ... weergegeven in absolute aantallen en een doorberekend
 * percentage ... uitgesplitst per groep, locatie en in totaal voor alle
 * plusgroepen van de organisatie"; the 80 % norm is seed 004 §X).
 *
 * Over the report's months, per group with awarded kindplekken:
 *   kindplekken (average)      = capacity place-days / opening days of the period
 *   occupied places (average)  = occupied place-days / opening days of the period
 *   occupancy                  = occupied place-days / capacity place-days
 *   children (average per day) = Σ children placed per opening day / opening days of the period
 *   children placed            = distinct children with care in the group in the period
 * Place-days are the ledger's (a child placed d days a week occupies d/5 of a
 * place on each opening day: src/domain/rules/kindplek.ts). Averages over the
 * period's opening days add up: a location is the sum of its groups.
 */
import type { ChildMonth, GroupMonth } from "../domain/ledger/types"
import { Dec, ZERO } from "../domain/money"

export interface OccupancyRow {
  readonly level: "group" | "location" | "provider" | "total"
  readonly provider: string
  readonly location: string
  readonly group: string
  readonly capacityPlaceDays: Dec
  readonly occupiedPlaceDays: Dec
  readonly places: Dec
  readonly occupiedPlaces: Dec
  readonly averageChildren: Dec
  readonly childrenPlaced: number
  readonly rate: Dec
  readonly belowFloor: boolean
}

interface Tally {
  capacity: Dec
  occupied: Dec
  childDays: Dec
  children: Set<string>
}

const emptyTally = (): Tally => ({ capacity: ZERO, occupied: ZERO, childDays: ZERO, children: new Set() })

/** Group-months that count: those with awarded kindplekken (plus groups), in the period. */
export const plusGroupMonths = (groups: ReadonlyArray<GroupMonth>, months: ReadonlySet<string>): ReadonlyArray<GroupMonth> =>
  groups.filter((g) => months.has(g.month) && g.occupancy.basis === "awarded-places")

export const occupancyRows = (
  groups: ReadonlyArray<GroupMonth>,
  children: ReadonlyArray<ChildMonth>,
  months: ReadonlySet<string>,
  openingDays: number,
  floor: Dec | undefined
): ReadonlyArray<OccupancyRow> => {
  const plus = plusGroupMonths(groups, months)
  const info = new Map<string, { provider: string; location: string }>()
  const tallies = new Map<string, Tally>()
  for (const g of plus) {
    info.set(g.groupId, { provider: g.providerId, location: g.locationId })
    const t = tallies.get(g.groupId) ?? emptyTally()
    t.capacity = t.capacity.plus(g.occupancy.capacityPlaceDays)
    t.occupied = t.occupied.plus(g.occupancy.occupiedPlaceDays)
    t.childDays = t.childDays.plus(g.occupancy.averageChildren.times(g.occupancy.openingDays))
    tallies.set(g.groupId, t)
  }
  for (const c of children) {
    if (!months.has(c.month)) continue
    for (const g of c.groups) tallies.get(g)?.children.add(c.childId)
  }
  const days = new Dec(openingDays)
  const row = (level: OccupancyRow["level"], provider: string, location: string, group: string, t: Tally): OccupancyRow => {
    const rate = t.capacity.isZero() ? ZERO : t.occupied.dividedBy(t.capacity)
    return {
      level,
      provider,
      location,
      group,
      capacityPlaceDays: t.capacity,
      occupiedPlaceDays: t.occupied,
      places: openingDays === 0 ? ZERO : t.capacity.dividedBy(days),
      occupiedPlaces: openingDays === 0 ? ZERO : t.occupied.dividedBy(days),
      averageChildren: openingDays === 0 ? ZERO : t.childDays.dividedBy(days),
      childrenPlaced: t.children.size,
      rate,
      belowFloor: floor !== undefined && !t.capacity.isZero() && rate.lessThan(floor)
    }
  }
  const add = (into: Tally, t: Tally) => {
    into.capacity = into.capacity.plus(t.capacity)
    into.occupied = into.occupied.plus(t.occupied)
    into.childDays = into.childDays.plus(t.childDays)
    for (const c of t.children) into.children.add(c)
  }
  const out: Array<OccupancyRow> = []
  const total = emptyTally()
  const providers = [...new Set([...info.values()].map((i) => i.provider))].sort()
  for (const provider of providers) {
    const providerTally = emptyTally()
    const locations = [...new Set([...info.values()].filter((i) => i.provider === provider).map((i) => i.location))].sort()
    for (const location of locations) {
      const locationTally = emptyTally()
      const groupIds = [...info.entries()].filter(([, i]) => i.provider === provider && i.location === location).map(([g]) => g).sort()
      for (const g of groupIds) {
        const t = tallies.get(g)!
        out.push(row("group", provider, location, g, t))
        add(locationTally, t)
      }
      out.push(row("location", provider, location, "", locationTally))
      add(providerTally, locationTally)
    }
    if (providers.length > 1) out.push(row("provider", provider, "", "", providerTally))
    add(total, providerTally)
  }
  out.push(row("total", providers.length === 1 ? providers[0]! : "", "", "", total))
  return out
}
