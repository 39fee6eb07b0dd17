/**
 * From facts to periods: the child's timeline.
 *
 * Corrections (docs/domain-model.md "Time and corrections"):
 * - A placement's or indication's start, end and extension are statements about
 *   one identified thing; the statement recorded last wins, whichever way it
 *   moves the date.
 * - KOT entitlement and waiting lists are periods asserted by start and end
 *   events. In valid-time order, a run of consecutive starts (no end between)
 *   is one start: the one recorded last; likewise a run of consecutive ends.
 *   So a late correction moves a boundary either way, and flips
 *   (entered, left, entered, ...) are separate periods.
 * - Changes take effect from their valid day until the next change.
 * All days are day numbers; periods are closed intervals; `to` may be +Infinity.
 */
import { dayNumber } from "../calendar"
import { compareFacts, compareRecorded, type Fact, latestRecorded } from "./facts"
import type {
  Assertion,
  ChildState,
  IndicationIssuedData,
  PlacementChangedData,
  PlacementFacts,
  PlacementStartedData
} from "./state"

export interface PlacementPiece {
  readonly placementId: string
  readonly from: number
  readonly to: number
  readonly data: PlacementStartedData
  /** Events that ground this piece: the start, the changes in force, the end. */
  readonly events: ReadonlyArray<string>
}

export interface PlacementTimeline {
  readonly placementId: string
  readonly from: number
  readonly to: number
  readonly pieces: ReadonlyArray<PlacementPiece>
  readonly outflow: string | undefined
}

export interface IndicationPeriod {
  readonly indicationId: string
  readonly kind: IndicationIssuedData["kind"]
  readonly from: number
  readonly to: number
  readonly data: IndicationIssuedData
  readonly events: ReadonlyArray<string>
}

export interface Period<T> {
  readonly from: number
  readonly to: number
  readonly data: T
  readonly events: ReadonlyArray<string>
}

const applyChange = (data: PlacementStartedData, change: PlacementChangedData): PlacementStartedData => ({
  ...data,
  ...(change.groupId !== undefined ? { groupId: change.groupId } : {}),
  ...(change.daysPerWeek !== undefined ? { daysPerWeek: change.daysPerWeek } : {}),
  ...(change.hoursPerDay !== undefined ? { hoursPerDay: change.hoursPerDay } : {}),
  ...(change.hourlyPrice !== undefined ? { hourlyPrice: change.hourlyPrice } : {})
})

export const placementTimeline = (placementId: string, facts: PlacementFacts): PlacementTimeline | undefined => {
  const start = latestRecorded(facts.started)
  if (start === undefined) return undefined
  const end = latestRecorded(facts.ended)
  const from = start.day
  const to = end === undefined ? Infinity : end.day
  if (to < from) return { placementId, from, to, pieces: [], outflow: end?.data.outflow }
  const endEvents = end === undefined ? [] : [end.eventId]
  // Changes before the start were already in force at the start.
  let data = start.data
  const events = [start.eventId]
  const later: Array<Fact<PlacementChangedData>> = []
  for (const c of facts.changed) {
    if (c.day <= from) {
      data = applyChange(data, c.data)
      events.push(c.eventId)
    } else if (c.day <= to) later.push(c)
  }
  const pieces: Array<PlacementPiece> = []
  let pieceFrom = from
  let pieceEvents = [...events]
  for (let i = 0; i < later.length; i++) {
    const c = later[i]!
    if (c.day > pieceFrom) {
      pieces.push({ placementId, from: pieceFrom, to: c.day - 1, data, events: [...pieceEvents, ...endEvents] })
      pieceFrom = c.day
    }
    data = applyChange(data, c.data)
    pieceEvents = [...pieceEvents, c.eventId]
  }
  pieces.push({ placementId, from: pieceFrom, to, data, events: [...pieceEvents, ...endEvents] })
  return { placementId, from, to, pieces, outflow: end?.data.outflow }
}

export const placementTimelines = (child: ChildState): ReadonlyArray<PlacementTimeline> => {
  const out: Array<PlacementTimeline> = []
  for (const id of [...child.placements.keys()].sort()) {
    const t = placementTimeline(id, child.placements.get(id)!)
    if (t !== undefined) out.push(t)
  }
  return out
}

export const indicationPeriods = (child: ChildState): ReadonlyArray<IndicationPeriod> => {
  const out: Array<IndicationPeriod> = []
  for (const id of [...child.indications.keys()].sort()) {
    const facts = child.indications.get(id)!
    const issued = latestRecorded(facts.issued)
    if (issued === undefined) continue
    // The last day: whichever statement about it was recorded last.
    type EndStatement = Fact<unknown> & { readonly until: number }
    const statements: Array<EndStatement> = [
      { ...issued, until: issued.data.validUntil === undefined ? Infinity : dayNumber(issued.data.validUntil) },
      ...facts.extended.map((f) => ({ ...f, until: dayNumber(f.data.validUntil) })),
      ...facts.ended.map((f) => ({ ...f, until: f.day }))
    ]
    const last = statements.reduce((a, b) => (compareRecorded(b, a) > 0 ? b : a))
    const to = last.until
    const events = [issued.eventId, ...(last.eventId !== issued.eventId ? [last.eventId] : [])]
    if (to < issued.day) continue
    out.push({ indicationId: id, kind: issued.data.kind, from: issued.day, to, data: issued.data, events })
  }
  return out
}

/**
 * Periods asserted by start/change/end facts (KOT entitlement, waiting lists).
 * Runs of consecutive starts or ends collapse to the statement recorded last.
 */
export const assertedPeriods = <S, C>(
  facts: ReadonlyArray<Fact<Assertion<S, C>>>,
  apply: (data: S, change: C) => S
): ReadonlyArray<Period<S>> => {
  // 0. Order by valid day; on one day a start comes before a change and an end (intervals are
  //    closed: a start and an end on the same day make a one-day period), then by recorded time.
  const rank = (f: Fact<Assertion<S, C>>) => (f.data.kind === "start" ? 0 : f.data.kind === "change" ? 1 : 2)
  const ordered = [...facts].sort((a, b) => a.day - b.day || rank(a) - rank(b) || compareFacts(a, b))
  // 1. Collapse boundaries.
  type Boundary = { readonly kind: "start" | "end"; readonly fact: Fact<Assertion<S, C>> }
  const boundaries: Array<Boundary> = []
  for (const f of ordered) {
    if (f.data.kind === "change") continue
    const kind = f.data.kind
    const prev = boundaries[boundaries.length - 1]
    if (prev !== undefined && prev.kind === kind) {
      if (compareRecorded(f, prev.fact) > 0) boundaries[boundaries.length - 1] = { kind, fact: f }
    } else boundaries.push({ kind, fact: f })
  }
  // 2. Pair them into periods and apply the changes inside each.
  const periods: Array<Period<S>> = []
  for (let i = 0; i < boundaries.length; i++) {
    const b = boundaries[i]!
    if (b.kind !== "start" || b.fact.data.kind !== "start") continue
    const endB = boundaries[i + 1]
    const from = b.fact.day
    const to = endB === undefined ? Infinity : endB.fact.day
    if (to < from) continue
    const endEvents = endB === undefined ? [] : [endB.fact.eventId]
    let data = b.fact.data.data
    let events = [b.fact.eventId]
    let pieceFrom = from
    for (const f of ordered) {
      if (f.data.kind !== "change" || f.day < from || f.day > to) continue
      if (f.day > pieceFrom) {
        periods.push({ from: pieceFrom, to: f.day - 1, data, events: [...events, ...endEvents] })
        pieceFrom = f.day
      }
      data = apply(data, f.data.data)
      events = [...events, f.eventId]
    }
    periods.push({ from: pieceFrom, to, data, events: [...events, ...endEvents] })
  }
  return periods
}

export interface KotData {
  readonly householdIncome: string
  readonly childRank: "first" | "further"
}

export const kotPeriods = (child: ChildState): ReadonlyArray<Period<KotData>> =>
  assertedPeriods(child.kot, (d: KotData, c) => ({
    householdIncome: c.householdIncome ?? d.householdIncome,
    childRank: c.childRank ?? d.childRank
  }))

export const waitingPeriods = (child: ChildState, list: "jeugdhulp" | "plus-place"): ReadonlyArray<Period<unknown>> =>
  assertedPeriods(child.waiting[list], (d) => d)

/** Everything the rules need to know about one child, derived from its facts. */
export interface ChildTimeline {
  readonly childId: string
  readonly placements: ReadonlyArray<PlacementTimeline>
  /** Every placement's pieces, placement by placement: what segments cut and checks cover. */
  readonly pieces: ReadonlyArray<PlacementPiece>
  readonly indications: ReadonlyArray<IndicationPeriod>
  readonly kot: ReadonlyArray<Period<KotData>>
  readonly waitingJeugdhulp: ReadonlyArray<Period<unknown>>
  readonly waitingPlusPlace: ReadonlyArray<Period<unknown>>
}

export const childTimeline = (child: ChildState): ChildTimeline => {
  const placements = placementTimelines(child)
  return {
    childId: child.childId,
    placements,
    pieces: placements.flatMap((p) => p.pieces),
    indications: indicationPeriods(child),
    kot: kotPeriods(child),
    waitingJeugdhulp: waitingPeriods(child, "jeugdhulp"),
    waitingPlusPlace: waitingPeriods(child, "plus-place")
  }
}
