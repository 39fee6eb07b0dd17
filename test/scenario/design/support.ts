/** Building demand for design tests, and reading placements back from a design's events. */
import { dayNumber } from "../../../src/domain/calendar"
import { Dec } from "../../../src/domain/money"
import { buildEvent, type EventData, type EventEnvelope } from "../../../src/events"

export interface RequestOptions {
  readonly plus?: boolean
  readonly stay?: number | undefined
  readonly outflow?: EventData<"placement-ended">["outflow"]
  readonly days?: number
  readonly careType?: EventData<"placement-requested">["careType"]
}

export const request = (childId: string, validTime: string, o: RequestOptions = {}): EventEnvelope =>
  buildEvent(
    {
      type: "placement-requested",
      data: {
        placementId: `PL-${childId}`,
        childId,
        providerId: "P-1",
        careType: o.careType ?? "dagopvang",
        plus: o.plus ?? true,
        daysPerWeek: o.days ?? 3,
        hoursPerDay: 10,
        ...(o.stay === undefined ? {} : { expectedStayMonths: o.stay }),
        ...(o.outflow === undefined ? {} : { intendedOutflow: o.outflow })
      }
    },
    { validTime, source: "design test" }
  )

export interface Placed {
  readonly childId: string
  readonly groupId: string
  readonly from: number
  /** Last day (the placement-ended day, or the period's last day when it runs on). */
  readonly to: number
  readonly ended: boolean
  readonly daysPerWeek: number
}

export const placementsOf = (events: ReadonlyArray<EventEnvelope>, periodLast: string): Array<Placed> => {
  const ends = new Map<string, number>()
  for (const e of events) if (e.type === "placement-ended") ends.set(e.data.placementId, dayNumber(e.validTime))
  return events.flatMap((e) =>
    e.type === "placement-started"
      ? [
          {
            childId: e.data.childId,
            groupId: e.data.groupId,
            from: dayNumber(e.validTime),
            to: ends.get(e.data.placementId) ?? dayNumber(periodLast),
            ended: ends.has(e.data.placementId),
            daysPerWeek: e.data.daysPerWeek
          }
        ]
      : []
  )
}

/** The most children present on one day in the group, over all days. */
export const peakOccupancy = (placed: ReadonlyArray<Placed>): number => {
  const deltas = new Map<number, number>()
  for (const p of placed) {
    deltas.set(p.from, (deltas.get(p.from) ?? 0) + 1)
    deltas.set(p.to + 1, (deltas.get(p.to + 1) ?? 0) - 1)
  }
  let now = 0
  let peak = 0
  for (const day of [...deltas.keys()].sort((a, b) => a - b)) {
    now += deltas.get(day)!
    peak = Math.max(peak, now)
  }
  return peak
}

export const presentOn = (placed: ReadonlyArray<Placed>, day: number): number => placed.filter((p) => p.from <= day && day <= p.to).length

/** The share of a place a child takes with place sharing: min(days a week, 5)/5 (the kindplek rule, seed 004 §X). */
export const dayFraction = (p: Placed): Dec => new Dec(Math.min(p.daysPerWeek, 5)).dividedBy(5)

/** The share of places taken on a day: the sum of the present children's day fractions. */
export const placesTakenOn = (placed: ReadonlyArray<Placed>, day: number): Dec =>
  placed.filter((p) => p.from <= day && day <= p.to).reduce((sum, p) => sum.plus(dayFraction(p)), new Dec(0))

/** The most places taken on one day (sum of day fractions), over all days. */
export const peakPlacesTaken = (placed: ReadonlyArray<Placed>): Dec => {
  const days = new Set(placed.map((p) => p.from))
  let peak = new Dec(0)
  // The sum only rises on a day someone starts: those days are enough.
  for (const day of days) {
    const taken = placesTakenOn(placed, day)
    if (taken.greaterThan(peak)) peak = taken
  }
  return peak
}
