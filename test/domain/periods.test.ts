import { describe, expect, it } from "vitest"
import { buildEvent } from "../../src/events"
import { dayNumber, fromDayNumber } from "../../src/domain/calendar"
import { childTimeline } from "../../src/domain/timeline/periods"
import { replay } from "../../src/domain/timeline/world"

const C = "K-1"
const at = (validTime: string, recordedTime?: string) => ({ validTime, ...(recordedTime ? { recordedTime } : {}) })
const started = buildEvent(
  { type: "placement-started", data: { placementId: "P", childId: C, providerId: "PR", locationId: "L", groupId: "G", careType: "dagopvang", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.50" } },
  at("2026-01-05")
)
const ended = (day: string, recorded: string) =>
  buildEvent({ type: "placement-ended", data: { placementId: "P", childId: C, outflow: "regular-ko" } }, at(day, recorded))
const span = (p: { from: number; to: number }) => [fromDayNumber(p.from), Number.isFinite(p.to) ? fromDayNumber(p.to) : "open"]
const timeline = (events: Parameters<typeof replay>[0]) => childTimeline(replay(events).children.get(C)!)

describe("placement periods and corrections", () => {
  it("an open placement runs from its first day on", () => {
    expect(span(timeline([started]).placements[0]!)).toEqual(["2026-01-05", "open"])
  })
  it("the end recorded last wins, whether it moves the end earlier or later", () => {
    const first = ended("2026-08-31", "2026-05-01T10:00:00Z")
    const earlier = ended("2026-07-15", "2026-09-10T10:00:00Z")
    const later = ended("2026-09-30", "2026-10-01T10:00:00Z")
    expect(span(timeline([started, first, earlier]).placements[0]!)).toEqual(["2026-01-05", "2026-07-15"])
    expect(span(timeline([started, first, earlier, later]).placements[0]!)).toEqual(["2026-01-05", "2026-09-30"])
    // Delivery order does not matter.
    expect(span(timeline([later, earlier, started, first]).placements[0]!)).toEqual(["2026-01-05", "2026-09-30"])
  })
  it("a change splits the placement into pieces from its valid day", () => {
    const change = buildEvent({ type: "placement-changed", data: { placementId: "P", childId: C, daysPerWeek: 4 } }, at("2026-03-01"))
    const pieces = timeline([started, change]).placements[0]!.pieces
    expect(pieces.map(span)).toEqual([["2026-01-05", "2026-02-28"], ["2026-03-01", "open"]])
    expect(pieces.map((p) => p.data.daysPerWeek)).toEqual([3, 4])
  })
})

describe("asserted periods (KOT entitlement, waiting lists)", () => {
  const kot = (type: "kot-entitlement-started" | "kot-entitlement-ended", day: string, recorded?: string) =>
    buildEvent(
      type === "kot-entitlement-started"
        ? { type, data: { childId: C, householdIncome: "50000", childRank: "first" as const } }
        : { type, data: { childId: C } },
      at(day, recorded)
    )
  it("a gap in entitlement gives two periods", () => {
    const t = timeline([started, kot("kot-entitlement-started", "2026-01-01"), kot("kot-entitlement-ended", "2026-03-31"), kot("kot-entitlement-started", "2026-06-01")])
    expect(t.kot.map(span)).toEqual([["2026-01-01", "2026-03-31"], ["2026-06-01", "open"]])
  })
  it("of two ends with no start between, the one recorded last is the end", () => {
    const base = [started, kot("kot-entitlement-started", "2026-01-01"), kot("kot-entitlement-ended", "2026-03-31", "2026-04-01T00:00:00Z")]
    expect(timeline([...base, kot("kot-entitlement-ended", "2026-05-31", "2026-06-01T00:00:00Z")]).kot.map(span)).toEqual([["2026-01-01", "2026-05-31"]])
    expect(timeline([...base, kot("kot-entitlement-ended", "2026-02-28", "2026-06-01T00:00:00Z")]).kot.map(span)).toEqual([["2026-01-01", "2026-02-28"]])
  })
  it("waiting-list flips are separate periods", () => {
    const w = (type: "waiting-list-entered" | "waiting-list-left", day: string) =>
      buildEvent({ type, data: { childId: C, list: "jeugdhulp" as const } }, at(day))
    const t = timeline([started, w("waiting-list-entered", "2026-01-01"), w("waiting-list-left", "2026-02-14"), w("waiting-list-entered", "2026-04-01"), w("waiting-list-left", "2026-04-30")])
    expect(t.waitingJeugdhulp.map(span)).toEqual([["2026-01-01", "2026-02-14"], ["2026-04-01", "2026-04-30"]])
  })
  it("an income change applies from its day", () => {
    const change = buildEvent({ type: "kot-entitlement-changed", data: { childId: C, householdIncome: "90000" } }, at("2026-07-01"))
    const t = timeline([started, kot("kot-entitlement-started", "2026-01-01"), change])
    expect(t.kot.map((p) => [...span(p), p.data.householdIncome])).toEqual([["2026-01-01", "2026-06-30", "50000"], ["2026-07-01", "open", "90000"]])
  })
})

describe("indication periods", () => {
  it("an early end recorded after an extension wins; an extension recorded after an end wins", () => {
    const issued = buildEvent({ type: "indication-issued", data: { indicationId: "I", childId: C, kind: "smi", validUntil: "2026-06-30" } }, at("2026-01-01", "2026-01-01T00:00:00Z"))
    const extended = buildEvent({ type: "indication-extended", data: { indicationId: "I", childId: C, validUntil: "2026-09-30" } }, at("2026-06-01", "2026-06-01T00:00:00Z"))
    const endedEarly = buildEvent({ type: "indication-ended", data: { indicationId: "I", childId: C } }, at("2026-04-30", "2026-07-01T00:00:00Z"))
    expect(timeline([started, issued, extended]).indications.map(span)).toEqual([["2026-01-01", "2026-09-30"]])
    expect(timeline([started, issued, extended, endedEarly]).indications.map(span)).toEqual([["2026-01-01", "2026-04-30"]])
    expect(dayNumber("2026-04-30")).toBe(timeline([endedEarly, extended, issued, started]).indications[0]!.to)
  })
})
