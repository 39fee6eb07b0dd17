/**
 * The three building blocks together: a generated population, placed by each
 * design, priced by the cost model, replayed into the ledger under the
 * Rotterdam policy: every child's cost apportioned with no invariant violated.
 */
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { monthsBetween } from "../../../src/domain/calendar"
import { checkInvariants } from "../../../src/domain/invariants/check"
import type { Policy } from "../../../src/domain/policy/types"
import { computeLedger } from "../../../src/domain/rules/compute"
import { replay } from "../../../src/domain/timeline/world"
import { Dec } from "../../../src/domain/money"
import { InvalidFile } from "../../../src/io/yamlFile"
import { loadParameterTree } from "../../../src/parameters/load"
import { loadPolicy } from "../../../src/policy/load"
import { costModel } from "../../../src/scenario/cost/model"
import { CostModelSpec } from "../../../src/scenario/cost/schema"
import { applyDesign } from "../../../src/scenario/design/apply"
import { designGroups } from "../../../src/scenario/design/groups"
import { DesignSpec, type DesignSpecInput } from "../../../src/scenario/design/schema"
import { generatePopulation } from "../../../src/scenario/population/generate"
import { PopulationSpec } from "../../../src/scenario/population/schema"

const PERIOD = { from: "2026-01", to: "2026-12" } as const
const params = loadParameterTree()
const policy = loadPolicy("scenarios/policies/rotterdam-koplus.yaml")
if (params instanceof InvalidFile) throw new Error(params.message)
if (policy instanceof InvalidFile) throw new Error(policy.message)

const demand = [
  ...generatePopulation(
    PopulationSpec.parse({ seed: 12, children: { atStart: 25, inflowPerMonth: 4 }, supportNeeds: { share: 0.8, jeugdhulpWaiting: { share: 0.2 } } }),
    PERIOD
  )
]

describe.each<DesignSpecInput>([
  { kind: "homogeneous", groups: 2, kindplek: { pricePerPlace: "30000" } },
  { kind: "heterogeneous", groups: 3, capacity: 10, pedagogicalStaff: 2 },
  { kind: "hybrid", groups: 2, specialistHoursPerWeek: 16, kindplek: { pricePerPlace: "25000" } }
])("a generated population in a $kind design", (input) => {
  it("replays into a ledger with no invariant violated", () => {
    const design = DesignSpec.parse(input)
    const supply = applyDesign(design, demand, PERIOD)
    const cost = costModel(CostModelSpec.parse({ year: 2026 }), design, designGroups(design, PERIOD).map((g) => g.opened), params)
    const p: Policy = { ...(policy as Policy), costPrices: { ...(policy as Policy).costPrices, byGroup: cost.byGroup, regularByGroup: cost.regularByGroup } }
    const input2 = { world: replay([...demand, ...supply]), params, policy: p, months: monthsBetween(PERIOD.from, PERIOD.to) }
    const ledger = computeLedger(input2)
    expect(Result.isSuccess(ledger), Result.isFailure(ledger) ? ledger.failure.message : "").toBe(true)
    if (Result.isFailure(ledger)) return
    expect(ledger.success.children.length).toBeGreaterThan(20)
    expect(checkInvariants(input2, ledger.success)).toEqual([])
    // A child without support needs (heterogeneous design only) is placed with plus: false and priced at the regular cost.
    const regular = new Set(supply.flatMap((e) => (e.type === "placement-started" && e.data.plus === false ? [e.data.childId] : [])))
    expect(regular.size > 0).toBe(design.kind === "heterogeneous")
    // Their cost: hours × the group's regular cost price, or the invoiced price when that is higher (measure.ts).
    const months = ledger.success.children.filter((c) => regular.has(c.childId) && c.groups.length === 1)
    expect(months.length > 0).toBe(design.kind === "heterogeneous")
    for (const c of months) {
      const rate = Dec.max(cost.regularByGroup[c.groups[0]!]!.value, new Dec(design.hourlyPrice))
      expect(c.cost.equals(c.hours.times(rate)), `${c.childId} ${c.month}`).toBe(true)
    }
  })
})
