/**
 * Placing requests in groups without ever overfilling one.
 *
 * Each group has `capacity` places: plus places and, in a heterogeneous
 * design, regular places; the two kinds are never mixed. How much of a place
 * a child takes (docs/designs.md "Place sharing"):
 *
 * - with place sharing (the default): min(days a week, 5)/5 of a place, the
 *   kindplek rule (seed 004 §X; src/domain/rules/kindplek.ts). A group admits
 *   a child while the sum of its children's fractions stays within its places
 *   of that kind, and while its children of that kind number at most
 *   places × maxChildrenPerPlace (the headcount cap);
 * - without sharing: a whole place, whatever its days (one child a place).
 *
 * Fractions are counted in thousandths of a day, each child's rounded UP, so
 * the exact sum of fractions is never above what is counted.
 *
 * Requests are served in order of request day (then child id), as a walk over
 * the days on which something changes (a request, a child leaving): on each,
 * children who left the day before free their share, then waiting children are
 * placed, earliest in service order first, each in the group with the most room
 * of its kind (then the first group). A waiting child whose share does not fit
 * does not hold up a later child whose share does (a part-time child fills the
 * days that are free). Nothing is booked ahead: a group's load only falls until
 * the next placement, so room on the start day is room for the whole stay.
 * Cost: O(log groups + log children) a child.
 */
import type { EventData, EventEnvelope } from "../../events"
import { dayNumber } from "../../domain/calendar"
import type { DesignGroup } from "./groups"
import { Heap } from "./heap"

export interface Request {
  readonly placementId: string
  readonly childId: string
  readonly requestDay: number
  readonly plus: boolean
  readonly careType: string
  readonly daysPerWeek: number
  readonly hoursPerDay: number
  readonly stayMonths: number | undefined
  readonly outflow: EventData<"placement-ended">["outflow"] | undefined
  readonly recordedTime: string
  readonly eventId: string
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The placement-requested events of the demand, one per placement (the one recorded last), in service order. */
export const requestsOf = (demand: Iterable<EventEnvelope>): Array<Request> => {
  const byPlacement = new Map<string, Request>()
  for (const e of demand) {
    if (e.type !== "placement-requested") continue
    const d = e.data
    const r: Request = {
      placementId: d.placementId,
      childId: d.childId,
      requestDay: dayNumber(e.validTime),
      plus: d.plus,
      careType: d.careType,
      daysPerWeek: d.daysPerWeek,
      hoursPerDay: d.hoursPerDay,
      stayMonths: d.expectedStayMonths,
      outflow: d.intendedOutflow,
      recordedTime: new Date(e.recordedTime).toISOString(),
      eventId: e.eventId
    }
    const seen = byPlacement.get(d.placementId)
    if (seen === undefined || r.recordedTime > seen.recordedTime || (r.recordedTime === seen.recordedTime && r.eventId > seen.eventId))
      byPlacement.set(d.placementId, r)
  }
  return [...byPlacement.values()].sort(
    (a, b) => a.requestDay - b.requestDay || compare(a.childId, b.childId) || compare(a.placementId, b.placementId)
  )
}

/** How places are taken: the design's `placeSharing` and `maxChildrenPerPlace`. */
export interface PlaceRules {
  readonly sharing: boolean
  readonly maxChildrenPerPlace: number
}

/** Thousandths of a day, the unit a place is counted in: a place is 5 days a week = 5,000. */
const UNITS_PER_DAY = 1000
const WHOLE_PLACE = 5 * UNITS_PER_DAY

/**
 * What a child takes of a place, in thousandths of a day: min(days, 5) with sharing (d/5 of a place,
 * seed 004 §X), rounded up; a whole place without.
 */
export const unitsOf = (daysPerWeek: number, rules: PlaceRules): number =>
  rules.sharing ? Math.min(WHOLE_PLACE, Math.ceil(Math.min(daysPerWeek, 5) * UNITS_PER_DAY)) : WHOLE_PLACE

/** The most children of one kind in a group with `places` places of that kind. */
export const headcountCapOf = (places: number, rules: PlaceRules): number =>
  rules.sharing ? Math.floor(places * rules.maxChildrenPerPlace) : places

export interface Ask {
  readonly plus: boolean
  readonly requestDay: number
  readonly daysPerWeek: number
  /** The last day of the stay of a child who starts on `start`. */
  readonly lastDayOf: (start: number) => number
}

export interface Assignment {
  readonly group: DesignGroup
  readonly start: number
}

/** A walk over the days for the places of one kind (plus or regular) over all groups. */
const placeKind = (
  groups: ReadonlyArray<DesignGroup>,
  placesOf: (g: DesignGroup) => number,
  asks: ReadonlyArray<{ readonly index: number; readonly ask: Ask }>,
  rules: PlaceRules,
  openDay: number,
  last: number,
  out: Array<Assignment | undefined>
): void => {
  const freeUnits = groups.map((g) => placesOf(g) * WHOLE_PLACE)
  const freeHeads = groups.map((g) => headcountCapOf(placesOf(g), rules))
  // Groups by most room (entries go stale when a group's room changes: checked on reading).
  const byRoom = new Heap<{ readonly free: number; readonly group: number }>((a, b) => a.free > b.free || (a.free === b.free && a.group < b.group))
  const pushRoom = (g: number) => {
    if (freeHeads[g]! > 0 && freeUnits[g]! > 0) byRoom.push({ free: freeUnits[g]!, group: g })
  }
  const roomiest = (): { readonly free: number; readonly group: number } | undefined => {
    for (let top = byRoom.peek(); top !== undefined; top = byRoom.peek()) {
      if (freeHeads[top.group]! > 0 && top.free === freeUnits[top.group]) return top
      byRoom.pop()
    }
    return undefined
  }
  groups.forEach((_, g) => pushRoom(g))
  // Children placed, by the day their share is free again.
  const leaving = new Heap<{ readonly day: number; readonly group: number; readonly units: number }>((a, b) => a.day < b.day)
  // Waiting children, one first-in-first-out queue per share size (in service order within each).
  const queues = new Map<number, { readonly items: Array<{ readonly index: number; readonly ask: Ask }>; head: number }>()
  let next = 0
  const arrival = (k: number) => Math.max(asks[k]!.ask.requestDay, openDay)
  for (;;) {
    const nextArrival = next < asks.length ? arrival(next) : Infinity
    const nextLeave = leaving.peek()?.day ?? Infinity
    const day = Math.min(nextArrival, nextLeave)
    if (day > last) return
    for (let top = leaving.peek(); top !== undefined && top.day <= day; top = leaving.peek()) {
      leaving.pop()
      freeUnits[top.group]! += top.units
      freeHeads[top.group]!++
      pushRoom(top.group)
    }
    for (; next < asks.length && arrival(next) <= day; next++) {
      const a = asks[next]!
      const units = unitsOf(a.ask.daysPerWeek, rules)
      const q = queues.get(units) ?? { items: [], head: 0 }
      q.items.push(a)
      queues.set(units, q)
    }
    for (;;) {
      const room = roomiest()
      if (room === undefined) break
      // The earliest waiting child (in service order) whose share fits the roomiest group.
      let chosen: { units: number; q: { readonly items: Array<{ readonly index: number; readonly ask: Ask }>; head: number } } | undefined
      for (const [units, q] of queues) {
        if (q.head >= q.items.length || units > room.free) continue
        if (chosen === undefined || q.items[q.head]!.index < chosen.q.items[chosen.q.head]!.index) chosen = { units, q }
      }
      if (chosen === undefined) break
      const { index, ask } = chosen.q.items[chosen.q.head++]!
      const g = room.group
      freeUnits[g]! -= chosen.units
      freeHeads[g]!--
      pushRoom(g)
      leaving.push({ day: ask.lastDayOf(day) + 1, group: g, units: chosen.units })
      out[index] = { group: groups[g]!, start: day }
    }
  }
}

/**
 * Place every ask (in service order) in the groups: its group and start day, or undefined when no
 * room of its kind frees up by `last` (the child keeps waiting). Groups open on `openDay`.
 */
export const placeAll = (
  groups: ReadonlyArray<DesignGroup>,
  asks: ReadonlyArray<Ask>,
  rules: PlaceRules,
  openDay: number,
  last: number
): Array<Assignment | undefined> => {
  const out: Array<Assignment | undefined> = asks.map(() => undefined)
  const ofKind = (plus: boolean) => asks.flatMap((ask, index) => (ask.plus === plus ? [{ index, ask }] : []))
  placeKind(groups, (g) => g.plusPlaces, ofKind(true), rules, openDay, last, out)
  placeKind(groups, (g) => g.regularPlaces, ofKind(false), rules, openDay, last, out)
  return out
}
