/**
 * The shipped Rotterdam design scenarios: with place sharing the homogeneous groups are no longer
 * held near 60 % occupancy by part-time children each holding a whole place, and the heterogeneous
 * groups' plus children are priced at the regular part plus the inclusion extras.
 */
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { Dec, ZERO } from "../../src/domain/money"
import { InvalidFile } from "../../src/io/yamlFile"
import { scenarioEvents } from "../../src/scenario/eventSource"
import { type LoadedScenario, loadScenario } from "../../src/scenario/load"
import { runScenario } from "../../src/scenario/run"

const load = (file: string): LoadedScenario => {
  const s = loadScenario(file)
  if (s instanceof InvalidFile) throw new Error(s.message)
  return s
}

/** Occupied place-days over awarded place-days, over every group and month (the ledger's occupancy). */
const occupancyOf = async (s: LoadedScenario): Promise<Dec> => {
  const r = await Effect.runPromise(runScenario(s, scenarioEvents(s)))
  expect(r.violations).toEqual([])
  let occupied = ZERO
  let capacity = ZERO
  for (const g of r.ledger.groups) {
    occupied = occupied.plus(g.occupancy.occupiedPlaceDays)
    capacity = capacity.plus(g.occupancy.capacityPlaceDays)
  }
  return occupied.dividedBy(capacity)
}

describe("scenarios/rotterdam-homogeneous.yaml", () => {
  const shared = load("scenarios/rotterdam-homogeneous.yaml")

  it("shares places by default and fills the groups above Rotterdam's 80 % floor; whole places stay below 60 %", async () => {
    expect(shared.design?.placeSharing).toBe(true)
    const withSharing = await occupancyOf(shared)
    const whole = await occupancyOf({ ...shared, design: { ...shared.design!, placeSharing: false } })
    // Children come 2-5 days a week (about 3 on average): a whole place each fills about 3/5 of its place-days.
    expect(whole.lessThan(0.6)).toBe(true)
    expect(withSharing.greaterThanOrEqualTo(0.8)).toBe(true)
    expect(withSharing.minus(whole).greaterThan(0.25)).toBe(true)
  }, 120_000)
})

describe("scenarios/rotterdam-heterogeneous.yaml", () => {
  const s = load("scenarios/rotterdam-heterogeneous.yaml")

  it("prices its plus children at the regular part plus the extras, and its kindplek at the plus place above the regular price", () => {
    const b = s.cost!.breakdown["G-1"]!
    expect([b.capacity, b.plusPlaces, b.regularPlaces]).toEqual([16, 4, 12])
    const plus = s.policy.costPrices.byGroup["G-1"]!.value
    const regular = s.policy.costPrices.regularByGroup!["G-1"]!.value
    // Equal but for the last of 60 digits (two divisions against one).
    expect(plus.minus(regular.plus(b.extrasPerPlusHour)).abs().lessThan("1e-50")).toBe(true)
    // Above the whole group's cost per child-hour, which spread the extras over the 12 regular places too.
    expect(plus.greaterThan(b.total.dividedBy(b.childHoursPerYear))).toBe(true)
    // (plus cost per hour − 10.50) × 55 h × 52 weeks, to the cent.
    expect(s.design?.kindplek?.pricePerGroup?.["G-1"]).toBe(b.costPerKindplekPerYear.minus(new Dec("10.50").times(2860)).toFixed(2))
  })
})
