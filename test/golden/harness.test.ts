/**
 * The golden harness must be able to fail: a wrong amount, a stream too many or too few,
 * a wrong group line or a missing child-month are each caught by `checkCase`.
 */
import { describe, expect, it } from "vitest"
import { checkCase, type GoldenCase, groupOpened, kindplekAwarded, kotStarted, placementStarted, shippedPolicy } from "./support"

// 130 h × 10.00 = 1,300.00 ; KOT 0.96 × 1,300.00 = 1,248.00 ; parent 52.00 (see kot.test.ts)
const right: GoldenCase = {
  name: "reference",
  events: [
    groupOpened("G-R"),
    placementStarted("K-1", "2026-01-05", { groupId: "G-R", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.00" }),
    kotStarted("K-1", "2026-01-05", "50000")
  ],
  policy: shippedPolicy("rotterdam-koplus"),
  months: ["2026-04"],
  children: [{ child: "K-1", month: "2026-04", cost: "1300.00", streams: { kot: "1248.00", parent: "52.00" } }]
}
const withChild = (streams: Record<string, string>, cost = "1300.00"): GoldenCase => ({
  ...right,
  children: [{ child: "K-1", month: "2026-04", cost, streams }]
})

describe("golden harness", () => {
  it("accepts the hand-computed reference", () => checkCase(right))
  it("rejects a wrong amount", () => expect(() => checkCase(withChild({ kot: "1248.01", parent: "52.00" }))).toThrow())
  it("rejects a wrong cost", () => expect(() => checkCase(withChild({ kot: "1248.00", parent: "52.00" }, "1300.01"))).toThrow())
  it("rejects a missing stream", () => expect(() => checkCase(withChild({ kot: "1248.00" }))).toThrow())
  it("rejects an extra stream", () => expect(() => checkCase(withChild({ kot: "1248.00", parent: "52.00", smi: "0.01" }))).toThrow())
  it("rejects a child-month that is not in the ledger", () =>
    expect(() => checkCase({ ...right, children: [{ child: "K-1", month: "2026-05", cost: "1300.00", streams: {} }] })).toThrow())
  it("rejects a line where none is expected", () => expect(() => checkCase({ ...right, absent: [{ child: "K-1", month: "2026-04" }] })).toThrow())
  it("rejects a wrong group line", () =>
    expect(() =>
      checkCase({
        ...right,
        events: [...right.events, kindplekAwarded("G-R", "A-1", 2026, 1, "7300.00")],
        children: [],
        groups: [{ group: "G-R", month: "2026-04", vacancy: "0.01", surplus: "0.00" }]
      })
    ).toThrow())
})
