import { describe, expect, it } from "vitest"
import { dayNumber } from "../../../src/domain/calendar"
import { emptyParameterSet } from "../../../src/domain/parameters/lookup"
import { InvalidFile } from "../../../src/io/yamlFile"
import { loadParameterTree } from "../../../src/parameters/load"
import { type RatioTable, ratioTableOn, staffRequired } from "../../../src/scenario/cost/bkr"
import { CostModelSpec } from "../../../src/scenario/cost/schema"

const table: RatioTable = {
  maxGroupSize: 16,
  bands: [
    { ageBand: "0-1", childrenPerStaff: 3 },
    { ageBand: "0-4", childrenPerStaff: 5, steps: [{ staff: 1, children: 5 }, { staff: 2, children: 12 }, { staff: 4, children: 16 }] }
  ]
}

describe("staff-child ratio (Besluit kwaliteit kinderopvang, bijlage 1)", () => {
  it("takes the first step that allows the group's children, in a mixed band", () => {
    expect([1, 5, 6, 11, 12, 13, 16].map((n) => staffRequired(table, "0-4", n))).toEqual([1, 1, 2, 2, 2, 4, 4])
    expect(staffRequired(table, "0-4", 17)).toBeUndefined()
  })

  it("divides and rounds up in a band without steps; knows no unknown band", () => {
    expect([3, 4, 9, 10].map((n) => staffRequired(table, "0-1", n))).toEqual([1, 2, 3, 4])
    expect(staffRequired(table, "5-6", 3)).toBeUndefined()
  })

  it("reads the shipped table for dagopvang (and peuteropvang), and says when there is none", () => {
    const params = loadParameterTree()
    if (params instanceof InvalidFile) throw new Error(params.message)
    const day = dayNumber("2026-01-01")
    for (const careType of ["dagopvang", "peuteropvang"]) {
      const read = ratioTableOn(params, careType, day)
      expect(typeof read === "string" ? read : staffRequired(read.table, "0-4", 11)).toBe(2)
    }
    expect(ratioTableOn(emptyParameterSet, "dagopvang", day)).toMatch(/missing parameter bkr.dagopvang/)
  })
})

describe("CostModelSpec", () => {
  it("needs the price year and fills the rest with labelled defaults", () => {
    expect(CostModelSpec.safeParse({}).success).toBe(false)
    const s = CostModelSpec.parse({ year: 2026, wages: { hbo: 40 } })
    expect(s.wages).toMatchObject({ pedagogical: "32.50", hbo: "40" })
    expect(s.careCoordinatorHoursPerChildPerWeek).toBe(1.5)
  })
})
