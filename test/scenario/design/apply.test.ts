import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { dayNumber } from "../../../src/domain/calendar"
import { decodeEvent, type EventEnvelope } from "../../../src/events"
import { applyDesign } from "../../../src/scenario/design/apply"
import { DesignSpec, type DesignSpecInput } from "../../../src/scenario/design/schema"
import { generatePopulation } from "../../../src/scenario/population/generate"
import { PopulationSpec } from "../../../src/scenario/population/schema"
import { placementsOf, request } from "./support"

const YEAR = { from: "2026-01", to: "2026-12" } as const
const design = (d: DesignSpecInput) => DesignSpec.parse(d)
const ofType = <T extends EventEnvelope["type"]>(es: ReadonlyArray<EventEnvelope>, type: T) =>
  es.filter((e): e is Extract<EventEnvelope, { type: T }> => e.type === type)

describe("homogeneous plus groups (seed 004 §IX.1-2)", () => {
  it("open with at most 11 children and 2 pedagogical staff, one HBO", () => {
    const out = applyDesign(design({ kind: "homogeneous", groups: 3, locations: 2 }), [], YEAR)
    const opened = ofType(out, "group-opened")
    expect(opened.map((e) => [e.data.groupId, e.data.locationId, e.validTime])).toEqual([
      ["G-1", "L-1", "2026-01-01"],
      ["G-2", "L-2", "2026-01-01"],
      ["G-3", "L-1", "2026-01-01"]
    ])
    for (const e of opened) {
      expect(e.data.capacity).toBe(11)
      expect(e.data.design).toBe("homogeneous")
      expect(e.data.staffing).toEqual({ pedagogical: 2, hbo: 1 })
    }
  })

  it("cannot be larger than 11", () => {
    const r = DesignSpec.safeParse({ kind: "homogeneous", capacity: 12 })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toBe("a homogeneous plus group has at most 11 children (seed 004 §IX.1)")
  })

  it("take only children with support needs, of the design's care type", () => {
    const out = applyDesign(
      design({ kind: "homogeneous" }),
      [request("K-1", "2026-02-02"), request("K-2", "2026-02-02", { plus: false }), request("K-3", "2026-02-02", { careType: "bso" })],
      YEAR
    )
    expect(ofType(out, "placement-started").map((e) => e.data.childId)).toEqual(["K-1"])
  })
})

describe("placing children", () => {
  it("starts on the request day when there is room, at the design's price, and ends after the expected stay with the intended outflow", () => {
    const out = applyDesign(design({ kind: "homogeneous", hourlyPrice: "11.25" }), [request("K-1", "2026-01-31", { stay: 1, outflow: "school-special", days: 2 })], YEAR)
    const started = ofType(out, "placement-started")
    expect(started.map((e) => [e.validTime, e.data.groupId, e.data.hourlyPrice, e.data.daysPerWeek, e.data.hoursPerDay])).toEqual([
      ["2026-01-31", "G-1", "11.25", 2, 10]
    ])
    // 31 January + 1 month = 28 February (clamped); the last day is the day before: 27 February.
    expect(ofType(out, "placement-ended").map((e) => [e.validTime, e.data.outflow])).toEqual([["2026-02-27", "school-special"]])
    expect(ofType(out, "waiting-list-entered")).toHaveLength(0)
  })

  it("puts children on the plus-place waiting list when the group is full, and places them when a place frees up", () => {
    const d = design({ kind: "homogeneous", capacity: 1 })
    const demand = [
      request("K-A", "2026-01-05", { stay: 6 }),
      request("K-B", "2026-01-05", { stay: 6 }),
      request("K-C", "2026-03-01", { stay: 3 })
    ]
    const out = applyDesign(d, demand, YEAR)
    const placed = placementsOf(out, "2026-12-31")
    // A: 5 January to 4 July. B waits until A's place is free on 5 July and runs past the period (no end event).
    expect(placed.map((p) => [p.childId, p.from, p.to, p.ended])).toEqual([
      ["K-A", dayNumber("2026-01-05"), dayNumber("2026-07-04"), true],
      ["K-B", dayNumber("2026-07-05"), dayNumber("2026-12-31"), false]
    ])
    expect(ofType(out, "waiting-list-entered").map((e) => [e.data.childId, e.data.list, e.validTime])).toEqual([
      ["K-B", "plus-place", "2026-01-05"],
      ["K-C", "plus-place", "2026-03-01"]
    ])
    // B leaves the list on its last waiting day; C gets no place within the period and keeps waiting.
    expect(ofType(out, "waiting-list-left").map((e) => [e.data.childId, e.data.reason, e.validTime])).toEqual([["K-B", "placed", "2026-07-04"]])
  })

  it("uses the design's default stay and outflow 'other' for requests that name none", () => {
    const out = applyDesign(design({ kind: "homogeneous", defaultStayMonths: 2 }), [request("K-1", "2026-03-10")], YEAR)
    expect(ofType(out, "placement-ended").map((e) => [e.validTime, e.data.outflow])).toEqual([["2026-05-09", "other"]])
  })

  it("places nobody before the groups open: earlier requests wait for the opening day", () => {
    const out = applyDesign(design({ kind: "homogeneous", opensOn: "2026-03-02" }), [request("K-1", "2026-01-10")], YEAR)
    expect(ofType(out, "placement-started").map((e) => e.validTime)).toEqual(["2026-03-02"])
    expect(ofType(out, "waiting-list-left").map((e) => e.validTime)).toEqual(["2026-03-01"])
  })

  it("is deterministic and does not depend on the order of the demand", () => {
    const pop = PopulationSpec.parse({ seed: 4, children: { atStart: 30, inflowPerMonth: 6 } })
    const demand = [...generatePopulation(pop, YEAR)]
    const d = design({ kind: "homogeneous", groups: 2, locations: 1 })
    const a = applyDesign(d, demand, YEAR)
    expect(applyDesign(d, [...demand].reverse(), YEAR)).toEqual(a)
    expect(applyDesign(d, demand, YEAR)).toEqual(a)
    expect(ofType(a, "waiting-list-entered").length).toBeGreaterThan(0)
  })

  it("emits only valid catalogue events", () => {
    const pop = PopulationSpec.parse({ seed: 4, children: { atStart: 30, inflowPerMonth: 6 }, supportNeeds: { share: 0.5 } })
    const demand = [...generatePopulation(pop, YEAR)]
    for (const d of [
      design({ kind: "homogeneous", kindplek: { pricePerPlace: "12000" } }),
      design({ kind: "heterogeneous", groups: 2 }),
      design({ kind: "hybrid", specialistHoursPerWeek: 16 })
    ])
      for (const e of applyDesign(d, demand, YEAR)) {
        const decoded = decodeEvent(JSON.parse(JSON.stringify(e)))
        expect(Result.isSuccess(decoded), Result.isFailure(decoded) ? decoded.failure.message : "").toBe(true)
      }
  })
})

describe("heterogeneous groups (seed 002 'Heterogene groepen', 'Extra medewerker')", () => {
  const d = design({ kind: "heterogeneous", groups: 2, capacity: 4, pedagogicalStaff: 1, plusPlacesPerGroup: 2, extraStaffPerPlusChildren: 3 })

  it("staff the group with an extra staff member for every k plus places (2 plus places, k = 3: 2/3 fte)", () => {
    const opened = ofType(applyDesign(d, [], YEAR), "group-opened")
    expect(opened[0]!.data.staffing.pedagogical).toBeCloseTo(1 + 2 / 3, 12)
    expect(opened[0]!.data.capacity).toBe(4)
  })

  it("spread children with support needs over the groups and place the others on the regular places", () => {
    const out = applyDesign(
      d,
      [
        request("K-1", "2026-02-02"),
        request("K-2", "2026-02-02"),
        request("K-3", "2026-02-02"),
        request("K-R1", "2026-02-02", { plus: false }),
        request("K-R2", "2026-02-02", { plus: false })
      ],
      YEAR
    )
    const group = new Map(ofType(out, "placement-started").map((e) => [e.data.childId, e.data.groupId]))
    expect([group.get("K-1"), group.get("K-2"), group.get("K-3")]).toEqual(["G-1", "G-2", "G-1"])
    expect([group.get("K-R1"), group.get("K-R2")]).toEqual(["G-1", "G-2"])
  })

  it("keep children with support needs waiting when the plus places are full, even with regular places free", () => {
    // Full-time children take a whole place with or without sharing: 2 groups × 2 plus places = 4.
    const demand = ["K-1", "K-2", "K-3", "K-4", "K-5"].map((c) => request(c, "2026-02-02", { stay: 12, days: 5 }))
    for (const placeSharing of [true, false]) {
      const out = applyDesign({ ...d, placeSharing }, demand, YEAR)
      expect(ofType(out, "placement-started")).toHaveLength(4)
      expect(ofType(out, "waiting-list-entered").map((e) => e.data.childId)).toEqual(["K-5"])
    }
  })

  it("mark each placement with the child's support needs, so a child without them is priced at the regular cost", () => {
    const out = applyDesign(d, [request("K-1", "2026-02-02"), request("K-R1", "2026-02-02", { plus: false })], YEAR)
    expect(ofType(out, "placement-started").map((e) => [e.data.childId, e.data.plus])).toEqual([
      ["K-1", true],
      ["K-R1", false]
    ])
  })
})

describe("place sharing (docs/designs.md 'Place sharing')", () => {
  // One group of 2 places; every child asks on 2 February for the rest of the year.
  const one = (o: { readonly placeSharing?: boolean; readonly maxChildrenPerPlace?: number }) => design({ kind: "homogeneous", capacity: 2, ...o })
  const ask = (n: number, days: number) => Array.from({ length: n }, (_, i) => request(`K-${i + 1}`, "2026-02-02", { stay: 12, days }))
  const placedOf = (out: ReadonlyArray<EventEnvelope>) => ofType(out, "placement-started").map((e) => e.data.childId)

  it("is on by default, with at most 2 children a place", () => {
    expect([one({}).placeSharing, one({}).maxChildrenPerPlace]).toEqual([true, 2])
  })

  it("admits part-time children while their day fractions fit the places: three 3-day children in 2 places, not four", () => {
    // 3 × 3/5 = 1.8 ≤ 2 places; a fourth makes 2.4.
    const out = applyDesign(one({}), ask(4, 3), YEAR)
    expect(placedOf(out)).toEqual(["K-1", "K-2", "K-3"])
    expect(ofType(out, "waiting-list-entered").map((e) => e.data.childId)).toEqual(["K-4"])
    // Without sharing each takes a whole place: two.
    expect(placedOf(applyDesign(one({ placeSharing: false }), ask(4, 3), YEAR))).toEqual(["K-1", "K-2"])
  })

  it("stops at the headcount cap: four 2-day children in 2 places (2 a place), five with 3 a place", () => {
    // 5 × 2/5 = 2 places would fit, but 2 places × 2 children = 4 children at most.
    expect(placedOf(applyDesign(one({}), ask(5, 2), YEAR))).toEqual(["K-1", "K-2", "K-3", "K-4"])
    expect(placedOf(applyDesign(one({ maxChildrenPerPlace: 3 }), ask(5, 2), YEAR))).toHaveLength(5)
  })

  it("counts a child of more than 5 days as a whole place (min(days, 5)/5) and half days as a half", () => {
    expect(placedOf(applyDesign(one({}), ask(3, 7), YEAR))).toEqual(["K-1", "K-2"])
    // 4 × 2.5/5 = 2 places exactly.
    expect(placedOf(applyDesign(one({}), ask(5, 2.5), YEAR))).toEqual(["K-1", "K-2", "K-3", "K-4"])
  })

  it("lets a part-time child fill days a fuller child who asked earlier does not fit in", () => {
    const out = applyDesign(
      design({ kind: "homogeneous", capacity: 1 }),
      [request("K-A", "2026-02-02", { stay: 3, days: 3 }), request("K-B", "2026-02-03", { stay: 3, days: 4 }), request("K-C", "2026-02-04", { stay: 3, days: 2 })],
      YEAR
    )
    // A takes 3/5 of the place; B (4/5) does not fit beside A and waits; C (2/5) fits beside A at once.
    // A's last day is 1 May, C's 3 May: B (4/5) fits only when C has left too, on 4 May.
    expect(ofType(out, "placement-started").map((e) => [e.data.childId, e.validTime])).toEqual([
      ["K-A", "2026-02-02"],
      ["K-B", "2026-05-04"],
      ["K-C", "2026-02-04"]
    ])
  })
})

describe("hybrid groups (seed 002 'Hybride groepen')", () => {
  it("carry the specialist's hours beside, not in, the pedagogical staff", () => {
    const out = applyDesign(design({ kind: "hybrid", specialistHoursPerWeek: 20 }), [], YEAR)
    expect(ofType(out, "group-opened")[0]!.data).toMatchObject({
      design: "hybrid",
      capacity: 8,
      staffing: { pedagogical: 1, hbo: 0, specialistHoursPerWeek: 20 }
    })
  })
})

describe("kindplek awards (seed 004 §X)", () => {
  it("award every group each year of the period it is open, all its places by default", () => {
    const out = applyDesign(design({ kind: "homogeneous", groups: 2, kindplek: { pricePerPlace: "12000.00" } }), [], { from: "2026-07", to: "2027-06" })
    expect(ofType(out, "kindplek-subsidy-awarded").map((e) => [e.validTime, e.data.groupId, e.data.year, e.data.places, e.data.pricePerPlace])).toEqual([
      ["2026-07-01", "G-1", 2026, 11, "12000.00"],
      ["2027-01-01", "G-1", 2027, 11, "12000.00"],
      ["2026-07-01", "G-2", 2026, 11, "12000.00"],
      ["2027-01-01", "G-2", 2027, 11, "12000.00"]
    ])
  })

  it("award the plus places of a heterogeneous group, or the places and years named", () => {
    const het = applyDesign(design({ kind: "heterogeneous", plusPlacesPerGroup: 4, kindplek: { pricePerPlace: 9000 } }), [], YEAR)
    expect(ofType(het, "kindplek-subsidy-awarded").map((e) => [e.data.places, e.data.pricePerPlace])).toEqual([[4, "9000"]])
    const named = applyDesign(design({ kind: "homogeneous", kindplek: { placesPerGroup: 9, pricePerPlace: "1", years: [2026] } }), [], { from: "2026-01", to: "2027-12" })
    expect(ofType(named, "kindplek-subsidy-awarded").map((e) => [e.data.year, e.data.places])).toEqual([[2026, 9]])
  })

  it("take a price per group over the price per place, and refuse an unresolved 'cost-model' price", () => {
    const priced = applyDesign(design({ kind: "homogeneous", groups: 2, kindplek: { pricePerPlace: "100", pricePerGroup: { "G-2": "250.50" } } }), [], YEAR)
    expect(ofType(priced, "kindplek-subsidy-awarded").map((e) => [e.data.groupId, e.data.pricePerPlace])).toEqual([
      ["G-1", "100"],
      ["G-2", "250.50"]
    ])
    const perGroup = design({ kind: "homogeneous", groups: 2, kindplek: { pricePerPlace: "cost-model", pricePerGroup: { "G-1": "1", "G-2": "2" } } })
    expect(ofType(applyDesign(perGroup, [], YEAR), "kindplek-subsidy-awarded").map((e) => e.data.pricePerPlace)).toEqual(["1", "2"])
    const unresolved = design({ kind: "homogeneous", groups: 2, kindplek: { pricePerPlace: "cost-model", pricePerGroup: { "G-1": "1" } } })
    expect(() => applyDesign(unresolved, [], YEAR)).toThrow("design.kindplek.pricePerPlace 'cost-model' has no price for group G-2")
  })

  it("are absent when the design names none", () => {
    expect(ofType(applyDesign(design({ kind: "homogeneous" }), [], YEAR), "kindplek-subsidy-awarded")).toHaveLength(0)
  })
})
