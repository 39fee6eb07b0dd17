/**
 * Property: whatever the demand, a design never overfills a group, with and
 * without place sharing.
 *
 * - Without sharing: on every day the children placed in a group are at most
 *   its capacity (and, in a heterogeneous group, those with support needs at
 *   most its plus places, the others at most its regular places).
 * - With sharing: on every day the sum of the present children's day
 *   fractions, min(days, 5)/5, is at most the group's places of their kind,
 *   and the children of a kind number at most places × maxChildrenPerPlace.
 *
 * A child waits only when no group has room for it on its request day. The
 * checks are shown to fail on an overfull group (the last describe block).
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { addDays, dayNumber } from "../../../src/domain/calendar"
import { Dec } from "../../../src/domain/money"
import type { EventEnvelope } from "../../../src/events"
import { applyDesign } from "../../../src/scenario/design/apply"
import { DesignSpec } from "../../../src/scenario/design/schema"
import { dayFraction, peakOccupancy, peakPlacesTaken, type Placed, placementsOf, placesTakenOn, presentOn, request } from "./support"

const PERIOD = { from: "2026-01", to: "2026-12" } as const
const LAST = "2026-12-31"

const arbitraryCase = fc.record({
  kind: fc.constantFrom("homogeneous" as const, "heterogeneous" as const, "hybrid" as const),
  sharing: fc.boolean(),
  maxChildrenPerPlace: fc.constantFrom(1, 1.5, 2, 3),
  groups: fc.integer({ min: 1, max: 3 }),
  locations: fc.integer({ min: 1, max: 2 }),
  capacity: fc.integer({ min: 1, max: 11 }),
  plusPlaces: fc.integer({ min: 1, max: 11 }),
  opensOn: fc.integer({ min: 0, max: 60 }),
  requests: fc.array(
    fc.record({
      // From a month before the period to a few days after it.
      day: fc.integer({ min: -31, max: 370 }),
      plus: fc.boolean(),
      stay: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      // Half days and weekends too: a child of 6 or 7 days takes a whole place (min(d, 5)/5).
      days: fc.constantFrom(1, 1.5, 2, 2.5, 3, 4, 4.5, 5, 6, 7)
    }),
    { maxLength: 60 }
  )
})

type Case = typeof arbitraryCase extends fc.Arbitrary<infer T> ? T : never

const run = (c: Case) => {
  const design = DesignSpec.parse({
    kind: c.kind,
    groups: c.groups,
    locations: c.locations,
    capacity: c.capacity,
    opensOn: addDays("2026-01-01", c.opensOn),
    placeSharing: c.sharing,
    maxChildrenPerPlace: c.maxChildrenPerPlace,
    ...(c.kind === "heterogeneous" ? { plusPlacesPerGroup: Math.min(c.plusPlaces, c.capacity), pedagogicalStaff: 2 } : {}),
    ...(c.kind === "hybrid" ? { specialistHoursPerWeek: 12 } : {})
  })
  const demand = c.requests.map((r, i) => request(`K-${i}`, addDays("2026-01-01", r.day), { plus: r.plus, stay: r.stay, days: r.days }))
  return { design, demand, out: applyDesign(design, demand, PERIOD) }
}

const ofType = <T extends EventEnvelope["type"]>(es: ReadonlyArray<EventEnvelope>, type: T) =>
  es.filter((e): e is Extract<EventEnvelope, { type: T }> => e.type === type)

const plusOf = (demand: ReadonlyArray<EventEnvelope>) =>
  new Map(demand.map((e) => [(e.data as { childId: string }).childId, (e.data as { plus: boolean }).plus]))

/** Places of each kind in a group of the design. */
const placesOf = (design: DesignSpec, plus: boolean): number =>
  design.kind === "heterogeneous" ? (plus ? design.plusPlacesPerGroup : design.capacity - design.plusPlacesPerGroup) : plus ? design.capacity : 0

/** The never-overfull rule for the children of one kind in one group; a message when it is broken. */
const overfull = (placed: ReadonlyArray<Placed>, places: number, sharing: boolean, maxChildrenPerPlace: number): string | undefined => {
  if (!sharing) {
    const peak = peakOccupancy(placed)
    return peak > places ? `${peak} children on ${places} places` : undefined
  }
  const taken = peakPlacesTaken(placed)
  if (taken.greaterThan(places)) return `${taken} places taken of ${places}`
  const heads = peakOccupancy(placed)
  const cap = Math.floor(places * maxChildrenPerPlace)
  return heads > cap ? `${heads} children, above the headcount cap ${cap}` : undefined
}

const everyGroupKind = (c: Case, check: (placed: ReadonlyArray<Placed>, places: number, label: string) => void) => {
  const { design, demand, out } = run(c)
  const plus = plusOf(demand)
  const placed = placementsOf(out, LAST)
  for (const g of ofType(out, "group-opened")) {
    const inGroup = placed.filter((p) => p.groupId === g.data.groupId)
    for (const kind of [true, false]) {
      const ofKind = inGroup.filter((p) => plus.get(p.childId) === kind)
      check(ofKind, placesOf(design, kind), `${g.data.groupId} ${kind ? "plus" : "regular"}`)
    }
    // The group as a whole: the kinds' places add up to its capacity.
    check(inGroup, g.data.capacity, `${g.data.groupId} all`)
  }
}

describe("provision designs never overfill a group (fast-check)", () => {
  it("keeps every group within its places on every day: children without sharing, day fractions and headcount with it", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) =>
        everyGroupKind(c, (placed, places, label) => {
          expect(overfull(placed, places, c.sharing, c.maxChildrenPerPlace), label).toBeUndefined()
        })
      ),
      { numRuns: 300 }
    )
  })

  it("places each child at most once, never before its request or the opening, and puts waiting children on the list", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const { design, demand, out } = run(c)
        const requested = new Map(demand.map((e) => [(e.data as { childId: string }).childId, e]))
        const started = ofType(out, "placement-started")
        expect(new Set(started.map((e) => e.data.childId)).size).toBe(started.length)
        const opens = dayNumber(design.opensOn!)
        const entered = new Set(ofType(out, "waiting-list-entered").map((e) => e.data.childId))
        const left = new Map(ofType(out, "waiting-list-left").map((e) => [e.data.childId, e.validTime]))
        for (const s of started) {
          const r = requested.get(s.data.childId)!
          expect(s.validTime >= r.validTime && dayNumber(s.validTime) >= opens && s.validTime <= LAST).toBe(true)
          if (design.kind !== "heterogeneous") expect((r.data as { plus: boolean }).plus).toBe(true)
          expect(s.data.plus).toBe((r.data as { plus: boolean }).plus)
          const waited = s.validTime > r.validTime && (r.data as { plus: boolean }).plus
          expect(entered.has(s.data.childId)).toBe(waited)
          expect(left.get(s.data.childId)).toBe(waited ? addDays(s.validTime, -1) : undefined)
        }
        for (const e of ofType(out, "waiting-list-entered")) expect(e.data.list).toBe("plus-place")
      }),
      { numRuns: 300 }
    )
  })

  it("makes a child wait only when no group has room of its kind for it on its request day", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const { design, demand, out } = run(c)
        const plus = plusOf(demand)
        const placed = placementsOf(out, LAST)
        const opens = dayNumber(design.opensOn!)
        const startOf = new Map(ofType(out, "placement-started").map((e) => [e.data.childId, e.validTime]))
        const groups = ofType(out, "group-opened").map((g) => g.data.groupId)
        for (const r of demand) {
          const d = r.data as { childId: string; plus: boolean; daysPerWeek: number }
          const day = dayNumber(r.validTime)
          if (day < opens || r.validTime > LAST) continue
          if (!d.plus && design.kind !== "heterogeneous") continue
          const start = startOf.get(d.childId)
          if (start !== undefined && start === r.validTime) continue
          // It waits: on its request day no group of its kind can take it.
          const places = placesOf(design, d.plus)
          const own = new Dec(Math.min(d.daysPerWeek, 5)).dividedBy(5)
          for (const g of groups) {
            const sameKind = placed.filter((p) => p.groupId === g && plus.get(p.childId) === d.plus)
            if (c.sharing) {
              const full = placesTakenOn(sameKind, day).plus(own).greaterThan(places)
              const capped = presentOn(sameKind, day) >= Math.floor(places * c.maxChildrenPerPlace)
              expect(full || capped).toBe(true)
            } else expect(presentOn(sameKind, day)).toBe(places)
          }
        }
      }),
      { numRuns: 300 }
    )
  })
})

describe("the never-overfull check can fail", () => {
  const at = (childId: string, from: string, to: string, daysPerWeek: number): Placed => ({
    childId,
    groupId: "G-1",
    from: dayNumber(from),
    to: dayNumber(to),
    ended: true,
    daysPerWeek
  })

  it("finds a group whose children's day fractions exceed its places on a day", () => {
    // One place; 3 + 3 days = 6/5 of a place on 1-2 March.
    const placed = [at("A", "2026-02-01", "2026-03-02", 3), at("B", "2026-03-01", "2026-04-30", 3)]
    expect(placed.map(dayFraction).map(String)).toEqual(["0.6", "0.6"])
    expect(overfull(placed, 1, true, 2)).toBe("1.2 places taken of 1")
    // The same children one after the other fit.
    expect(overfull([at("A", "2026-02-01", "2026-02-28", 3), at("B", "2026-03-01", "2026-04-30", 3)], 1, true, 2)).toBeUndefined()
  })

  it("finds a group above its headcount cap, and above its places without sharing", () => {
    const three = [at("A", "2026-03-01", "2026-03-31", 1), at("B", "2026-03-01", "2026-03-31", 1), at("C", "2026-03-01", "2026-03-31", 1)]
    expect(overfull(three, 1, true, 2)).toBe("3 children, above the headcount cap 2")
    expect(overfull(three, 1, true, 3)).toBeUndefined()
    expect(overfull(three, 2, false, 2)).toBe("3 children on 2 places")
  })

  it("fails for place sharing judged by the whole-place rule: sharing does put more children than places in a group", () => {
    const shared = fc.check(
      fc.property(arbitraryCase, (c) =>
        everyGroupKind({ ...c, sharing: true, maxChildrenPerPlace: 2 }, (placed, places) => {
          expect(overfull(placed, places, false, 1)).toBeUndefined()
        })
      ),
      { numRuns: 300, seed: 42 }
    )
    expect(shared.failed).toBe(true)
  })
})
