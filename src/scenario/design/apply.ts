/**
 * Applying a provision design to demand: open the design's groups (and its
 * kindplek awards), then place every request that fits the design, in order
 * of request day, without ever overfilling a group (./place.ts): with place
 * sharing (the default) part-time children share places, a child taking
 * min(days, 5)/5 of a place; without it every child takes a whole place.
 *
 * - Which requests: homogeneous and hybrid groups take children with support
 *   needs (`plus: true`) only; a heterogeneous design takes every child, those
 *   with support needs on its plus places, the others on its regular places.
 *   Requests for another care type than the design's are left alone.
 * - When: on the request day if a group has room for it, else on the first
 *   day one has. A child with support needs who waits is on the `plus-place`
 *   waiting list from the request day until the day before the start (seed
 *   004 §VII, §XI: wachtlijsten). Children without support needs wait
 *   without a list (the catalogue has no list for a regular place).
 * - How long: the request's expectedStayMonths (else the design's
 *   defaultStayMonths); the placement ends on the last day of that stay with
 *   the request's intendedOutflow (else 'other'), at the design's hourly price,
 *   with the request's `plus` (a child without support needs is priced at the
 *   group's regular cost, seed 002 "Heterogene groepen").
 * - Nothing after the period's last day is emitted: a placement that runs on
 *   has no end event, a child still waiting has no -left event, and a child
 *   who cannot start within the period only enters the waiting list.
 *
 * Pure and deterministic: the same demand (in any order) and design give the
 * same events with the same (content-based) ids.
 */
import type { YearMonth } from "../../domain/calendar"
import { buildEvent, type DomainEvent, type EventEnvelope } from "../../events"
import { isoOf, lastDayOfStay, periodDays } from "../population/dates"
import { designAwards, designGroups, openDayOf } from "./groups"
import { placeAll, type Request, requestsOf } from "./place"
import type { DesignSpec } from "./schema"

export interface DesignPeriod {
  readonly from: YearMonth
  readonly to: YearMonth
}

const SOURCE = "geldstroom provision design"

export const applyDesign = (design: DesignSpec, demand: Iterable<EventEnvelope>, period: DesignPeriod): ReadonlyArray<EventEnvelope> => {
  const source = `${SOURCE} (${design.kind})`
  const at = (event: DomainEvent, day: number) => buildEvent(event, { validTime: isoOf(day), source })
  const { last } = periodDays(period)
  const groups = designGroups(design, period)
  const out: Array<EventEnvelope> = []
  const emitted = new Set<string>()
  // The same fact stated twice (e.g. two requests of one child waiting from the same day) is one event.
  const push = (...events: ReadonlyArray<EventEnvelope>) => {
    for (const e of events) {
      if (emitted.has(e.eventId)) continue
      emitted.add(e.eventId)
      out.push(e)
    }
  }
  for (const g of groups) push(at({ type: "group-opened", data: g.opened }, g.openDay))
  for (const a of designAwards(design, groups, period))
    push(buildEvent({ type: "kindplek-subsidy-awarded", data: a.data }, { validTime: a.validTime, source }))

  const requests = requestsOf(demand).filter(
    (r) => r.requestDay <= last && r.careType === design.careType && (r.plus || design.kind === "heterogeneous")
  )
  const stayOf = (r: Request) => r.stayMonths ?? design.defaultStayMonths
  const rules = { sharing: design.placeSharing, maxChildrenPerPlace: design.maxChildrenPerPlace }
  const asks = requests.map((r) => ({ plus: r.plus, requestDay: r.requestDay, daysPerWeek: r.daysPerWeek, lastDayOf: (start: number) => lastDayOfStay(start, stayOf(r)) }))
  const assigned = placeAll(groups, asks, rules, openDayOf(design, period), last)
  requests.forEach((r, i) => {
    const stay = stayOf(r)
    const placed = assigned[i]
    const waits = placed === undefined || placed.start > r.requestDay
    // Seed 004 §VII, §XI: a child with support needs who cannot start yet is on the plus-place waiting list.
    if (waits && r.plus) push(at({ type: "waiting-list-entered", data: { childId: r.childId, list: "plus-place" } }, r.requestDay))
    if (placed === undefined) return
    const o = placed.group.opened
    push(
      at(
        {
          type: "placement-started",
          data: {
            placementId: r.placementId,
            childId: r.childId,
            providerId: o.providerId,
            locationId: o.locationId,
            groupId: o.groupId,
            careType: o.careType,
            daysPerWeek: r.daysPerWeek,
            hoursPerDay: r.hoursPerDay,
            hourlyPrice: design.hourlyPrice,
            // Whether the child has extra support needs: a child without them is priced at its group's regular cost (measure.ts).
            plus: r.plus
          }
        },
        placed.start
      )
    )
    if (waits && r.plus)
      push(at({ type: "waiting-list-left", data: { childId: r.childId, list: "plus-place", reason: "placed" } }, placed.start - 1))
    const end = lastDayOfStay(placed.start, stay)
    if (end <= last)
      push(at({ type: "placement-ended", data: { placementId: r.placementId, childId: r.childId, outflow: r.outflow ?? "other" } }, end))
  })
  return out
}
