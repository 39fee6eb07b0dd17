import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { buildEvent, catalogue, decodeEvent, eventTypes, PlacementStartedV1, upcast } from "../../src/events"

const started = buildEvent(
  { type: "placement-started", data: { placementId: "P", childId: "K-1", providerId: "PR", locationId: "L", groupId: "G", careType: "dagopvang", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.50" } },
  { validTime: "2026-01-05" }
)

describe("event catalogue", () => {
  it("has no field for a citizen service number or a name", () => {
    for (const t of eventTypes) {
      const fields = Object.keys(catalogue[t].schema.shape)
      expect(fields.filter((f) => /bsn|burgerservice|name|naam/i.test(f)), t).toEqual([])
    }
  })
  it("refuses a child id that passes the elfproef, naming the field", () => {
    const bad = { ...started, data: { ...started.data, childId: "111222333" } }
    const r = decodeEvent(bad)
    expect(Result.isFailure(r) && r.failure.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["data.childId"]))
    expect(Result.isFailure(r) && r.failure.message).toContain("citizen service number")
  })
  it("refuses an unknown field, a wrong type and a bad date, all named", () => {
    const bad = { ...started, validTime: "2026-02-30", data: { ...started.data, daysPerWeek: "three", nickname: "x" } }
    const r = decodeEvent(bad)
    const paths = Result.isFailure(r) ? r.failure.issues.map((i) => i.path) : []
    expect(paths).toEqual(expect.arrayContaining(["validTime"]))
    const bad2 = { ...started, data: { ...started.data, daysPerWeek: "three", nickname: "x" } }
    const r2 = decodeEvent(bad2)
    expect(Result.isFailure(r2) && r2.failure.issues.map((i) => i.path).sort()).toEqual(["data", "data.daysPerWeek"])
  })
  it("upcasts placement-started version 1 (price in cents) to version 2 on read", () => {
    const { hourlyPrice: _p, ...v2data } = started.data
    const v1 = { ...started, schemaVersion: 1, data: { ...v2data, hourlyRateCents: 1050 } }
    const r = decodeEvent(v1)
    expect(Result.isSuccess(r) && r.success).toMatchObject({ schemaVersion: 2, data: { hourlyPrice: "10.50" } })
    expect(Result.isSuccess(upcast("placement-started", 1, { hourlyRateCents: 7 })) ).toBe(true)
    expect(Result.isFailure(upcast("placement-started", 3, {}))).toBe(true)
  })
  it("upcasts exactly what version 1's schema (PlacementStartedV1) accepted, and passes anything else on for version 2 to refuse", () => {
    const { hourlyPrice: _p, ...v2data } = started.data
    for (const [cents, price] of [[0, "0.00"], [7, "0.07"], [1050, "10.50"], [123456, "1234.56"]] as const) {
      const v1 = { ...v2data, hourlyRateCents: cents }
      expect(PlacementStartedV1.safeParse(v1).success).toBe(true)
      const up = upcast("placement-started", 1, v1)
      expect(Result.isSuccess(up) && up.success.hourlyPrice).toBe(price)
    }
    // Negative or fractional cents are not version 1: left as they are (not made into "-1.-5"), and refused as hourlyPrice.
    for (const cents of [-5, 10.5]) {
      const up = upcast("placement-started", 1, { hourlyRateCents: cents })
      expect(Result.isSuccess(up) && up.success.hourlyPrice).toBe(cents)
      const r = decodeEvent({ ...started, schemaVersion: 1, data: { ...v2data, hourlyRateCents: cents } })
      expect(Result.isFailure(r) && r.failure.issues.map((i) => i.path)).toEqual(["data.hourlyPrice"])
    }
  })
  it("puts an event in its subject's stream", () => {
    const wrong = { ...started, stream: "child-K-2" }
    const r = decodeEvent(wrong)
    expect(Result.isFailure(r) && r.failure.issues[0]!.path).toBe("stream")
  })
})
