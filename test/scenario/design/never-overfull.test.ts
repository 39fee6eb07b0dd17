/**
 * Property: whatever the demand, a design never overfills a group. On every
 * day the children placed in a group are at most its capacity (and, in a
 * heterogeneous group, the children with support needs at most its plus
 * places); a child waits only when every place of its kind is taken.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { addDays, dayNumber } from "../../../src/domain/calendar"
import type { EventEnvelope } from "../../../src/events"
import { applyDesign } from "../../../src/scenario/design/apply"
import { DesignSpec } from "../../../src/scenario/design/schema"
import { peakOccupancy, placementsOf, presentOn, request } from "./support"

const PERIOD = { from: "2026-01", to: "2026-12" } as const
const LAST = "2026-12-31"

const arbitraryCase = fc.record({
  kind: fc.constantFrom("homogeneous" as const, "heterogeneous" as const, "hybrid" as const),
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
      days: fc.integer({ min: 1, max: 5 })
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
    ...(c.kind === "heterogeneous" ? { plusPlacesPerGroup: Math.min(c.plusPlaces, c.capacity), pedagogicalStaff: 2 } : {}),
    ...(c.kind === "hybrid" ? { specialistHoursPerWeek: 12 } : {})
  })
  const demand = c.requests.map((r, i) => request(`K-${i}`, addDays("2026-01-01", r.day), { plus: r.plus, stay: r.stay, days: r.days }))
  return { design, demand, out: applyDesign(design, demand, PERIOD) }
}

const ofType = <T extends EventEnvelope["type"]>(es: ReadonlyArray<EventEnvelope>, type: T) =>
  es.filter((e): e is Extract<EventEnvelope, { type: T }> => e.type === type)

describe("provision designs never overfill a group (fast-check)", () => {
  it("keeps the children present in every group at or below its capacity on every day", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const { design, demand, out } = run(c)
        const plus = new Map(demand.map((e) => [(e.data as { childId: string }).childId, (e.data as { plus: boolean }).plus]))
        const placed = placementsOf(out, LAST)
        for (const g of ofType(out, "group-opened")) {
          const inGroup = placed.filter((p) => p.groupId === g.data.groupId)
          expect(peakOccupancy(inGroup)).toBeLessThanOrEqual(g.data.capacity)
          if (design.kind === "heterogeneous") {
            expect(peakOccupancy(inGroup.filter((p) => plus.get(p.childId)))).toBeLessThanOrEqual(design.plusPlacesPerGroup)
            expect(peakOccupancy(inGroup.filter((p) => !plus.get(p.childId)))).toBeLessThanOrEqual(design.capacity - design.plusPlacesPerGroup)
          }
        }
      }),
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
          const waited = s.validTime > r.validTime && (r.data as { plus: boolean }).plus
          expect(entered.has(s.data.childId)).toBe(waited)
          expect(left.get(s.data.childId)).toBe(waited ? addDays(s.validTime, -1) : undefined)
        }
        for (const e of ofType(out, "waiting-list-entered")) expect(e.data.list).toBe("plus-place")
      }),
      { numRuns: 300 }
    )
  })

  it("makes a child wait only when every place of its kind is taken on its request day", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const { design, demand, out } = run(c)
        const plus = new Map(demand.map((e) => [(e.data as { childId: string }).childId, (e.data as { plus: boolean }).plus]))
        const placed = placementsOf(out, LAST)
        const opens = dayNumber(design.opensOn!)
        const startOf = new Map(ofType(out, "placement-started").map((e) => [e.data.childId, e.validTime]))
        const groups = ofType(out, "group-opened").map((g) => g.data.groupId)
        for (const r of demand) {
          const d = r.data as { childId: string; plus: boolean }
          const day = dayNumber(r.validTime)
          if (day < opens || r.validTime > LAST) continue
          if (!d.plus && design.kind !== "heterogeneous") continue
          const start = startOf.get(d.childId)
          if (start !== undefined && start === r.validTime) continue
          // It waits: on its request day every group's places of its kind are occupied.
          const places = design.kind === "heterogeneous" ? (d.plus ? design.plusPlacesPerGroup : design.capacity - design.plusPlacesPerGroup) : design.capacity
          for (const g of groups) {
            const sameKind = placed.filter((p) => p.groupId === g && plus.get(p.childId) === d.plus)
            expect(presentOn(sameKind, day)).toBe(places)
          }
        }
      }),
      { numRuns: 300 }
    )
  })
})
