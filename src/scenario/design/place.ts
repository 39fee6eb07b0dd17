/**
 * Placing requests in groups without ever overfilling one.
 *
 * Each group has `capacity` places: plus places and, in a heterogeneous
 * design, regular places. A place holds one child at a time, for the child's
 * whole stay: a part-time child still takes a whole place (no place sharing;
 * docs/designs.md). So on any day the children placed in a group never
 * outnumber its places, hence its capacity.
 *
 * Requests are served in order of request day (then child id). A child takes
 * a place of its kind that is free on its request day, in the group with the
 * most such places free (then the first group); when none is free, the place
 * that frees up first (then the first group), from that day on. A place is
 * free again the day after its child's last day. Cost: O(log places) a child.
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

export interface Assignment {
  readonly group: DesignGroup
  readonly start: number
}

interface Busy {
  /** First day the place is free again. */
  readonly freeFrom: number
  readonly group: number
}

/** The places of one kind (plus or regular) over all groups. */
class Pool {
  /** Places in use or not yet open, by the day they are free. */
  private readonly busy = new Heap<Busy>((a, b) => a.freeFrom < b.freeFrom || (a.freeFrom === b.freeFrom && a.group < b.group))
  /** Free places per group, from the current day on. */
  private readonly free: Int32Array
  /** Groups by most free places (entries go stale when a count changes: checked on reading). */
  private readonly byFree = new Heap<{ readonly free: number; readonly group: number }>(
    (a, b) => a.free > b.free || (a.free === b.free && a.group < b.group)
  )

  constructor(groups: ReadonlyArray<DesignGroup>, placesOf: (g: DesignGroup) => number) {
    this.free = new Int32Array(groups.length)
    groups.forEach((g, i) => {
      for (let k = 0; k < placesOf(g); k++) this.busy.push({ freeFrom: g.openDay, group: i })
    })
  }

  /** Free every place whose child has left by `day` (days only move forward). */
  private release(day: number): void {
    for (let top = this.busy.peek(); top !== undefined && top.freeFrom <= day; top = this.busy.peek()) {
      this.busy.pop()
      this.free[top.group]!++
      this.byFree.push({ free: this.free[top.group]!, group: top.group })
    }
  }

  private groupWithMostFree(): number | undefined {
    for (let top = this.byFree.peek(); top !== undefined; top = this.byFree.peek()) {
      if (top.free > 0 && top.free === this.free[top.group]) return top.group
      this.byFree.pop()
    }
    return undefined
  }

  take(day: number, until: number, lastDayOf: (start: number) => number): { group: number; start: number } | undefined {
    this.release(day)
    const g = this.groupWithMostFree()
    if (g !== undefined) {
      if (day > until) return undefined
      this.free[g]!--
      this.byFree.push({ free: this.free[g]!, group: g })
      this.busy.push({ freeFrom: lastDayOf(day) + 1, group: g })
      return { group: g, start: day }
    }
    const next = this.busy.peek()
    if (next === undefined || next.freeFrom > until) return undefined
    this.busy.pop()
    this.busy.push({ freeFrom: lastDayOf(next.freeFrom) + 1, group: next.group })
    return { group: next.group, start: next.freeFrom }
  }
}

/** The places of a design's groups. Ask in order of request day. */
export class PlacePlan {
  private readonly plus: Pool
  private readonly regular: Pool

  constructor(private readonly groups: ReadonlyArray<DesignGroup>) {
    this.plus = new Pool(groups, (g) => g.plusPlaces)
    this.regular = new Pool(groups, (g) => g.regularPlaces)
  }

  /**
   * Place a child asking on `day` who stays until `lastDayOf(start)`; undefined
   * when no place of its kind frees up by `until` (the child keeps waiting).
   */
  place(plus: boolean, day: number, until: number, lastDayOf: (start: number) => number): Assignment | undefined {
    const taken = (plus ? this.plus : this.regular).take(day, until, lastDayOf)
    return taken === undefined ? undefined : { group: this.groups[taken.group]!, start: taken.start }
  }
}
