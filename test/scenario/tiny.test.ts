/**
 * scenarios/tiny.yaml: every number checked by hand. March 2026 has 31 days and 22 weekdays
 * (opening days). Contract weeks 52 (policy assumption), so hours a month = hours a week × 52 / 12.
 * Cost price G-T 15.00 per child-hour (scenario); regular price 10.50; max uurprijs 2026 dagopvang 11.23.
 *
 * T-1: KOT, first child, income 50,000 → 96.0 % (2026 table, band up to 56,412). 3 days × 10 h:
 *   hours 30 × 52/12 = 130.00; cost 130 × 15 = 1,950.00; regular 130 × 10.50 = 1,365.00; plus 585.00.
 *   KOT 0.96 × 130 × min(10.50, 11.23) = 1,310.40; parent 1,365.00 − 1,310.40 = 54.60.
 *   place-days 3/5 × 22 = 13.2.
 * T-2: SMI+ (no KOT), 5 days × 9 h = 45 h a week: hours 45 × 52/12 = 195.00; cost 2,925.00;
 *   regular 2,047.50; plus 877.50. SMI+ pays at most 4 days (seed 004 §IX.4): 195 × 4/5 = 156 h
 *   × min(10.50, 11.23) = 1,638.00, own contribution 0 (Rotterdam policy input); parent 409.50.
 *   place-days 5/5 × 22 = 22.
 * T-3: KOT, further child, income 100,000 → 90.5 % (2026 further column, band 99,889–103,694).
 *   2 days × 12 h = 24 h a week: hours 104.00; cost 1,560.00 + jeugdhulp layer; regular 1,092.00;
 *   plus 468.00. KOT 0.905 × 104 × 10.50 = 988.26; parent 103.74.
 *   Jeugdhulp indication and on the jeugdhulp waiting list all month → overbrugging pays the
 *   jeugdhulp expertise: 2 h a week × 52/12 = 8.6667 h × 95.00 = 823.3333… → 823.33;
 *   cost 1,560 + 823.3333 = 2,383.3333 → 2,383.33. place-days 2/5 × 22 = 8.8.
 * Group G-T: 11 places × 3,650.00 × 31/365 = 3,410.00 for March; capacity 11 × 22 = 242 place-days;
 *   occupied 13.2 + 22 + 8.8 = 44 (18.18 %). Shares: T-1 3,410 × 13.2/242 = 186.00;
 *   T-2 3,410 × 22/242 = 310.00; T-3 3,410 × 8.8/242 = 124.00; vacancy 3,410 × 198/242 = 2,790.00.
 *   Each share is below the child's plus layer, so surplus 0 and the provider pays the rest of the
 *   plus layer: T-1 585 − 186 = 399.00; T-2 877.50 − 310 = 567.50; T-3 468 − 124 = 344.00.
 *   Average children: 3 children × 22 days / 22 = 3.0 (< 5, flagged); occupancy < 80 % (flagged).
 * Totals: cost 1,950 + 2,925 + 2,383.33 = 7,258.33; kot 1,310.40 + 988.26 = 2,298.66; smi 1,638.00;
 *   kindplek 186 + 310 + 124 = 620.00; overbrugging 823.33; parent 54.60 + 409.50 + 103.74 = 567.84;
 *   provider 399 + 567.50 + 344 = 1,310.50 (sum 7,258.33).
 * Budget KOPLUS-2026 (kindplek, smi): 1,638.00 + 620.00 + vacancy 2,790.00 = 5,048.00 of 5,000.00:
 *   an overrun of 48.00, reported.
 */
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { InvalidFile } from "../../src/io/yamlFile"
import { runDocument } from "../../src/output/runDocument"
import { scenarioEvents } from "../../src/scenario/eventSource"
import { loadScenario } from "../../src/scenario/load"
import { runScenario } from "../../src/scenario/run"

const run = async () => {
  const s = loadScenario("scenarios/tiny.yaml")
  if (s instanceof InvalidFile) throw new Error(s.message)
  return runDocument(await Effect.runPromise(runScenario(s, scenarioEvents(s))))
}

describe("scenarios/tiny.yaml, computed by hand", async () => {
  const d = await run()
  const child = (id: string) => d.children.find((c) => c.id === id)!.months[0]!
  it("apportions each child's March to the cent", () => {
    expect(child("T-1")).toMatchObject({ hours: "130.00", cost: "1950.00", streams: { kot: "1310.40", kindplek: "186.00", parent: "54.60", provider: "399.00" } })
    expect(child("T-2")).toMatchObject({ hours: "195.00", cost: "2925.00", streams: { smi: "1638.00", kindplek: "310.00", parent: "409.50", provider: "567.50" } })
    expect(child("T-3")).toMatchObject({ hours: "104.00", cost: "2383.33", streams: { kot: "988.26", kindplek: "124.00", overbrugging: "823.33", parent: "103.74", provider: "344.00" } })
  })
  it("totals the streams", () => {
    expect(d.totals).toMatchObject({
      cost: "7258.33",
      streams: { kot: "2298.66", smi: "1638.00", kindplek: "620.00", overbrugging: "823.33", parent: "567.84", provider: "1310.50" },
      vacancy: "2790.00",
      surplus: "0.00",
      children: 3
    })
  })
  it("reports the group's occupancy, vacancy and flags", () => {
    const g = d.groups[0]!.months[0]!
    expect(g).toMatchObject({ subsidy: "3410.00", vacancy: "2790.00", surplus: "0.00" })
    expect(g.occupancy).toMatchObject({ places: 11, occupiedPlaceDays: "44.00", capacityPlaceDays: "242.00", averageChildren: "3.00" })
    expect(g.flags).toHaveLength(2)
  })
  it("reports occupancy per location and in total", () => {
    expect(d.occupancy.total).toEqual({ rate: "0.1818", occupiedPlaceDays: "44.00", capacityPlaceDays: "242.00", averageChildrenPerGroup: "3.00" })
    expect(d.occupancy.locations).toEqual([expect.objectContaining({ id: "L-T", groups: 1, rate: "0.1818" })])
    expect(d.occupancy.locations[0]!.flags).toHaveLength(2)
  })
  it("flags a location by the group's rule and in its words (one group, one month: the same flags)", () => {
    // 44 / 242 = 18.1818… % below Rotterdam's 80 %; 3 children a day on average, below 5.
    expect(d.groups[0]!.months[0]!.flags).toEqual(["occupancy 18.18 % below 80 %", "average 3 children, below 5"])
    expect(d.occupancy.locations[0]!.flags).toEqual(d.groups[0]!.months[0]!.flags)
  })
  it("reports the budget overrun", () => {
    expect(d.budgets).toEqual([expect.objectContaining({ id: "KOPLUS-2026", used: "5048.00", budget: "5000.00", headroom: "-48.00", overrun: true })])
  })
  it("holds every invariant and lists its assumptions", () => {
    expect(d.violations).toEqual([])
    expect(d.checks.invariants).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(d.assumptions.map((a) => a.path)).toContain("policy rotterdam-koplus.costPrices.byGroup.G-T")
  })
})
