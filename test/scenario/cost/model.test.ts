import { describe, expect, it } from "vitest"
import { Dec } from "../../../src/domain/money"
import type { ParameterSet } from "../../../src/domain/parameters/types"
import { InvalidFile } from "../../../src/io/yamlFile"
import { loadParameterTree } from "../../../src/parameters/load"
import { costModel, type CostGroup } from "../../../src/scenario/cost/model"
import { CostModelSpec, type CostModelSpecInput } from "../../../src/scenario/cost/schema"
import { designGroups } from "../../../src/scenario/design/groups"
import { DesignSpec, type DesignSpecInput } from "../../../src/scenario/design/schema"

const loaded = loadParameterTree()
if (loaded instanceof InvalidFile) throw new Error(loaded.message)
const params: ParameterSet = loaded
const YEAR = { from: "2026-01", to: "2026-12" } as const

/** Round numbers, so the arithmetic below can be done by hand. */
const ROUND: CostModelSpecInput = {
  year: 2026,
  openingHoursPerWeek: 50,
  weeksPerYear: 50,
  fullTimeHoursPerWeek: 36,
  wages: { pedagogical: "30", hbo: "40", careCoordinator: "40", locationSupport: "50", teamSupporter: "40", specialist: "80", coach: "45" },
  careCoordinatorHoursPerChildPerWeek: 1.5,
  locationSupportHoursPerWeek: 4,
  teamSupporterFtePerLocation: 1,
  overheadShare: "0.2",
  housingPerGroupPerYear: "20000",
  housingPerPlacePerYear: "0"
}

const price = (d: DesignSpecInput, spec: CostModelSpecInput = ROUND) => {
  const design = DesignSpec.parse(d)
  const groups: ReadonlyArray<CostGroup> = designGroups(design, YEAR).map((g) => g.opened)
  return costModel(CostModelSpec.parse(spec), design, groups, params)
}

describe("cost model: a homogeneous KOplus group by hand", () => {
  const r = price({ kind: "homogeneous" })
  const g = r.breakdown["G-1"]!

  it("staffs 11 children with 2 pedagogical staff, one HBO (BKR 0-4: 2 staff up to 12 children; seed 004 §IX.2)", () => {
    expect(g.staff).toEqual({ required: 2, stated: 2, used: 2, hbo: 1, extra: 0 })
  })

  it("adds up the roles: wage cost = hours a week × 50 weeks × rate", () => {
    const wage = (role: keyof typeof g.wageCostPerYear) => g.wageCostPerYear[role].toNumber()
    expect(wage("pedagogical")).toBe(75_000) //    1 staff × 50 h = 50 h × 50 × 30
    expect(wage("hbo")).toBe(100_000) //           1 HBO × 50 h = 50 h × 50 × 40
    expect(wage("careCoordinator")).toBe(33_000) // 1.5 h × 11 children = 16.5 h × 50 × 40 (seed 004 §IX.3)
    expect(wage("locationSupport")).toBe(10_000) // 4 h (one group at the location) × 50 × 50
    expect(wage("teamSupporter")).toBe(72_000) //  1 fte × 36 h × 50 × 40
    expect(wage("extraStaff") + wage("coach") + wage("specialist")).toBe(0)
    expect(g.staffCost.toNumber()).toBe(290_000)
  })

  it("adds overhead and housing, and divides by the child-hours at full occupancy", () => {
    expect(g.overhead.toNumber()).toBe(58_000) //   0.2 × 290,000
    expect(g.housing.toNumber()).toBe(20_000)
    expect(g.total.toNumber()).toBe(368_000) //     290,000 + 58,000 + 20,000
    expect(g.childHoursPerYear.toNumber()).toBe(27_500) // 11 places × 50 h × 50 weeks
    // 368,000 / 27,500 = 13.3818... per child-hour; 368,000 / 11 = 33,454.54... per kindplek a year
    expect(r.byGroup["G-1"]!.value.equals(new Dec(368_000).dividedBy(27_500))).toBe(true)
    expect(r.byGroup["G-1"]!.value.toDecimalPlaces(4).toString()).toBe("13.3818")
    expect(r.perKindplek["G-1"]!.value.toDecimalPlaces(2).toString()).toBe("33454.55")
    expect(r.byGroup["G-1"]!.assumption).toBe(true)
    expect(r.warnings).toEqual([])
  })
})

describe("cost model: homogeneous and hybrid groups are all plus places, so their figures are the whole group's", () => {
  it("keeps byGroup = group cost / all child-hours and perKindplek = group cost / capacity, to the last digit", () => {
    for (const d of [
      { kind: "homogeneous" as const },
      { kind: "homogeneous" as const, groups: 3, locations: 2 },
      { kind: "hybrid" as const, specialistHoursPerWeek: 16 },
      { kind: "hybrid" as const, groups: 3, locations: 2, capacity: 11, specialistHoursPerWeek: 16 }
    ]) {
      const r = price(d)
      for (const [id, b] of Object.entries(r.breakdown)) {
        expect(b.regularPlaces).toBe(0)
        expect(r.byGroup[id]!.value.equals(b.total.dividedBy(b.childHoursPerYear)), `${d.kind} ${id}`).toBe(true)
        expect(r.perKindplek[id]!.value.equals(b.total.dividedBy(b.capacity)), `${d.kind} ${id}`).toBe(true)
      }
    }
  })

  it("still splits a homogeneous group: regular part 230,000 and extras 138,000 of the 368,000 by hand", () => {
    const r = price({ kind: "homogeneous" })
    const g = r.breakdown["G-1"]!
    // Regular: (75,000 pedagogical + 100,000 HBO) × 1.2 + 20,000 housing = 230,000 → 230,000 / 27,500 = 8.3636... an hour.
    expect(g.regularCost.toNumber()).toBe(230_000)
    expect(r.regularByGroup["G-1"]!.value.equals(new Dec(230_000).dividedBy(27_500))).toBe(true)
    // Extras: (33,000 care coordinator + 10,000 location support + 72,000 team supporter) × 1.2 = 138,000 → 5.0181... an hour.
    expect(g.extrasCost.toNumber()).toBe(138_000)
    expect(g.extrasPerPlusHour.equals(new Dec(138_000).dividedBy(27_500))).toBe(true)
  })

  it("prices a plus place above the regular price by hand, floored at 0", () => {
    // 368,000 / 11 = 33,454.5454... a place; less 10.50 × 2,500 h = 26,250 → 7,204.5454... a year.
    const r = price({ kind: "homogeneous" })
    expect(r.plusPricePerPlace["G-1"]!.value.equals(new Dec(368_000).dividedBy(11).minus(26_250))).toBe(true)
    expect(r.plusPricePerPlace["G-1"]!.value.toDecimalPlaces(2).toString()).toBe("7204.55")
    // At an hourly price of 14.00 (above the 13.38 cost): 33,454.55 − 35,000 < 0 → 0.
    expect(price({ kind: "homogeneous", hourlyPrice: "14.00" }).plusPricePerPlace["G-1"]!.value.toNumber()).toBe(0)
  })
})

describe("cost model: group size and sharing", () => {
  it("raises the cost per child-hour of a smaller group", () => {
    const eleven = price({ kind: "homogeneous", capacity: 11 }).byGroup["G-1"]!.value
    const eight = price({ kind: "homogeneous", capacity: 8 }).byGroup["G-1"]!.value
    // 8 children: care coordinator 12 h → 24,000; staff 281,000 + 56,200 + 20,000 = 357,200 over 20,000 child-hours = 17.86
    expect(eight.toNumber()).toBe(17.86)
    expect(eight.greaterThan(eleven)).toBe(true)
  })

  it("shares the location's support hours and team supporter over its groups", () => {
    const r = price({ kind: "homogeneous", groups: 2, locations: 1 })
    for (const id of ["G-1", "G-2"]) {
      expect(r.breakdown[id]!.hoursPerWeek.locationSupport.toNumber()).toBe(2) //  4 h / 2 groups
      expect(r.breakdown[id]!.hoursPerWeek.teamSupporter.toNumber()).toBe(18) // 36 h / 2 groups
      expect(r.breakdown[id]!.total.toNumber()).toBe(318_800) // 368,000 − (5,000 + 36,000) × 1.2 (half of both roles, with overhead)
    }
  })
})

describe("cost model: hybrid specialist hours are not in the staff-child ratio (seed 002)", () => {
  it("keeps the ratio staff whatever the specialist's hours, and adds the specialist on top", () => {
    const without = price({ kind: "hybrid", specialistHoursPerWeek: 0 }).breakdown["G-1"]!
    const withSpecialist = price({ kind: "hybrid", specialistHoursPerWeek: 30 }).breakdown["G-1"]!
    expect(withSpecialist.staff).toEqual(without.staff)
    expect(withSpecialist.hoursPerWeek.pedagogical.toNumber()).toBe(50) // 1 staff (BKR 2-4: 1 for 8) × 50 h
    expect(withSpecialist.hoursPerWeek.specialist.toNumber()).toBe(30)
    expect(withSpecialist.wageCostPerYear.specialist.toNumber()).toBe(120_000) // 30 h × 50 × 80
    expect(withSpecialist.staffCost.minus(without.staffCost).toNumber()).toBe(120_000)
  })

  it("still needs the ratio's pedagogical staff when the group grows, specialist or not", () => {
    const r = price({ kind: "hybrid", capacity: 10, specialistHoursPerWeek: 30 })
    expect(r.breakdown["G-1"]!.staff).toMatchObject({ required: 2, stated: 1, used: 2 }) // BKR 2-4: 2 staff for 9-16
    expect(r.warnings).toEqual(["group G-1: 1 pedagogical staff stated, the ratio needs 2: the model uses 2"])
  })

  it("leaves the specialist out of the cost price when asked", () => {
    const r = price({ kind: "hybrid", specialistHoursPerWeek: 30 }, { ...ROUND, specialistInCostPrice: false })
    expect(r.breakdown["G-1"]!.wageCostPerYear.specialist.toNumber()).toBe(0)
  })
})

describe("cost model: heterogeneous groups", () => {
  const hetero = price({ kind: "heterogeneous", plusPlacesPerGroup: 3, extraStaffPerPlusChildren: 3, coachingHoursPerWeek: 2 })
  const g = hetero.breakdown["G-1"]!

  it("price the extra staff, the coaching and the care coordination of the plus places only", () => {
    expect(g.staff).toEqual({ required: 4, stated: 4, used: 4, hbo: 0, extra: 1 }) // BKR 0-4: 4 staff for 16
    expect(g.wageCostPerYear.pedagogical.toNumber()).toBe(300_000) //   4 × 50 h × 50 × 30
    expect(g.wageCostPerYear.extraStaff.toNumber()).toBe(75_000) //     1 × 50 h × 50 × 30
    expect(g.wageCostPerYear.coach.toNumber()).toBe(4_500) //           2 h × 50 × 45
    expect(g.wageCostPerYear.careCoordinator.toNumber()).toBe(9_000) // 1.5 h × 3 plus places × 50 × 40
  })

  it("split the group's cost: the regular part over all 16 places, the inclusion extras over the 3 plus places", () => {
    // Regular part: ratio staff 300,000 × 1.2 + housing 20,000 = 380,000.
    expect(g.regularCost.toNumber()).toBe(380_000)
    // Extras: extra staff 75,000 + coach 4,500 + care coordinator 9,000 + location support 4 h × 50 × 50 = 10,000
    //       + team supporter 36 h × 50 × 40 = 72,000 = 170,500; × 1.2 = 204,600.
    expect(g.extrasCost.toNumber()).toBe(204_600)
    expect(g.total.toNumber()).toBe(584_600) // 380,000 + 204,600
    expect(g.childHoursPerYear.toNumber()).toBe(40_000) // 16 places × 50 h × 50 weeks
    expect(g.plusHoursPerYear.toNumber()).toBe(7_500) //   3 plus places × 50 h × 50 weeks
    // A child without support needs: 380,000 / 40,000 = 9.50 an hour.
    expect(hetero.regularByGroup["G-1"]!.value.toNumber()).toBe(9.5)
    expect(g.regularCostPerHour.toNumber()).toBe(9.5)
    // The extras per plus-child-hour: 204,600 / 7,500 = 27.28.
    expect(g.extrasPerPlusHour.toNumber()).toBe(27.28)
    // A plus child: 9.50 + 27.28 = 36.78 an hour (not the whole group's 584,600 / 40,000 = 14.615).
    expect(hetero.byGroup["G-1"]!.value.toNumber()).toBe(36.78)
    // A plus place a year: 36.78 × 2,500 h = 91,950 = (584,600 − 9.50 × 13 regular places × 2,500 h) / 3.
    expect(hetero.perKindplek["G-1"]!.value.toNumber()).toBe(91_950)
    // Above the regular price (10.50 by default): (36.78 − 10.50) × 2,500 = 65,700 a year.
    expect(hetero.plusPricePerPlace["G-1"]!.value.toNumber()).toBe(65_700)
    expect(g.plusPricePerPlace.toNumber()).toBe(65_700)
  })

  it("say in the formula which lines are regular and which are extras", () => {
    expect(g.formula).toContain("regular pedagogical: 200 h/week × 50 weeks × EUR 30.00 = EUR 300000.00")
    expect(g.formula).toContain("extra extraStaff: 50 h/week × 50 weeks × EUR 30.00 = EUR 75000.00")
    expect(g.formula).toContain("extra teamSupporter: 36 h/week × 50 weeks × EUR 40.00 = EUR 72000.00")
    expect(g.formula).toContain("regular per child-hour (a child without support needs): EUR 380000.00 / (16 places × 50 h × 50 weeks) = EUR 9.50")
    expect(g.formula).toContain("extras per plus-child-hour: EUR 204600.00 / (3 plus places × 50 h × 50 weeks) = EUR 27.28")
    expect(g.formula).toContain("plus per child-hour (a child with support needs): regular EUR 9.50 + extras EUR 27.28 = EUR 36.78")
    expect(hetero.byGroup["G-1"]!.source).toMatch(/a plus child, regular part EUR 380000.00 \/ 40000 child-hours of 16 places \+ extras EUR 204600.00 \/ 7500 child-hours of 3 plus places/)
    expect(hetero.regularByGroup["G-1"]!.source).toMatch(/a child without support needs, regular part EUR 380000.00/)
  })

  it("warn when a group is above the maximum group size (Besluit kwaliteit kinderopvang: 16 for 0-4)", () => {
    const r = price({ kind: "heterogeneous", capacity: 20 })
    expect(r.warnings).toContain("group G-1: capacity 20 is above the maximum group size 16 (bkr.dagopvang)")
  })

  it("use the design's staffing when the care type has no ratio table", () => {
    const r = price({ kind: "homogeneous", careType: "gastouderopvang" })
    expect(r.breakdown["G-1"]!.staff.used).toBe(2)
    expect(r.warnings.join()).toMatch(/no staff-child ratio table/)
  })
})

describe("cost model: assumptions", () => {
  it("lists every assumed default with its source", () => {
    const r = price({ kind: "homogeneous" }, { year: 2026 })
    const wage = r.assumptions.find((a) => a.path === "costModel.wages.pedagogical")!
    expect(wage.value).toBe("32.50")
    expect(wage.source).toMatch(/CAO Kinderopvang scale 6/)
    expect(r.assumptions.map((a) => a.path)).toContain("costModel.overheadShare")
    expect(r.assumptions.map((a) => a.path)).toContain("costModel.housingPerGroupPerYear")
    // Seed 004 §IX.3 gives 1.5 h a child: a sourced figure, not an assumption.
    expect(r.assumptions.map((a) => a.path)).not.toContain("costModel.careCoordinatorHoursPerChildPerWeek")
  })

  it("reports values the scenario supplied as scenario inputs", () => {
    const r = price({ kind: "homogeneous" }, { ...ROUND, careCoordinatorHoursPerChildPerWeek: 2 })
    expect(r.assumptions.find((a) => a.path === "costModel.careCoordinatorHoursPerChildPerWeek")).toEqual({
      path: "costModel.careCoordinatorHoursPerChildPerWeek",
      value: "2",
      source: "supplied by the scenario",
      reason: "a scenario input, not a published figure"
    })
    expect(r.assumptions.find((a) => a.path === "costModel.wages.pedagogical")!.source).toBe("supplied by the scenario")
  })
})
