import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { dayNumber } from "../../../src/domain/calendar"
import { decodeEvent, type EventEnvelope } from "../../../src/events"
import { lastDayOfStay } from "../../../src/scenario/population/dates"
import { generatePopulation, populationDraws, populationSize } from "../../../src/scenario/population/generate"
import { PopulationSpec, type PopulationSpecInput } from "../../../src/scenario/population/schema"

const YEAR = { from: "2026-01", to: "2026-12" } as const
const spec = (over: Partial<PopulationSpecInput> = {}) => PopulationSpec.parse({ children: { atStart: 20, inflowPerMonth: 5 }, ...over })
const events = (s: PopulationSpecInput | ReturnType<typeof spec>, period: { from: string; to: string } = YEAR) =>
  [...generatePopulation(PopulationSpec.parse(s), period)]
const ofType = <T extends EventEnvelope["type"]>(es: ReadonlyArray<EventEnvelope>, type: T) =>
  es.filter((e): e is Extract<EventEnvelope, { type: T }> => e.type === type)

describe("generatePopulation: reproducible", () => {
  it("gives identical events, ids included, for the same spec and period", () => {
    const a = events(spec({ seed: 7 }))
    const b = events(spec({ seed: 7 }))
    expect(a.length).toBeGreaterThan(100)
    expect(b).toEqual(a)
  })

  it("gives different children for a different seed", () => {
    const a = events(spec({ seed: 7 }))
    const b = events(spec({ seed: 8 }))
    const ids = new Set(a.map((e) => e.eventId))
    expect(b.some((e) => ids.has(e.eventId))).toBe(false)
    const shape = (es: ReadonlyArray<EventEnvelope>) => ofType(es, "placement-requested").map((e) => [e.validTime, e.data.daysPerWeek, e.data.expectedStayMonths])
    expect(shape(b)).not.toEqual(shape(a))
  })

  it("gives every event a unique id", () => {
    const es = events(spec({ children: { atStart: 500, inflowPerMonth: 100 }, supportNeeds: { jeugdhulpWaiting: { share: 0.5 } } }))
    expect(new Set(es.map((e) => e.eventId)).size).toBe(es.length)
  })

  it("draws child n alike however many children follow (children are independent streams)", () => {
    const small = events({ seed: 3, children: { atStart: 10, inflowPerMonth: 0 } })
    // A million children: only the first few are drawn, because the generator streams.
    const iterator = generatePopulation(PopulationSpec.parse({ seed: 3, children: { atStart: 1_000_000, inflowPerMonth: 0 } }), YEAR)
    const firstOfMillion: Array<EventEnvelope> = []
    for (let r = iterator.next(); !r.done && firstOfMillion.length < small.length; r = iterator.next()) firstOfMillion.push(r.value)
    expect(firstOfMillion).toEqual(small)
  })

  it("changes only what a share decides: other attributes of every child stay the same", () => {
    const a = events(spec({ seed: 5, supportNeeds: { bouwsteenAdvice: 0.1 } }))
    const b = events(spec({ seed: 5, supportNeeds: { bouwsteenAdvice: 0.9 } }))
    // (Event ids differ where a child's events differ at all: ids hash all of a child's events, ./ids.ts.)
    const facts = (es: ReadonlyArray<EventEnvelope>, type: EventEnvelope["type"]) => es.filter((e) => e.type === type).map((e) => [e.validTime, e.data])
    expect(facts(b, "placement-requested")).toEqual(facts(a, "placement-requested"))
    expect(facts(b, "kot-entitlement-started")).toEqual(facts(a, "kot-entitlement-started"))
    const advised = (es: ReadonlyArray<EventEnvelope>) => ofType(es, "indication-issued").filter((e) => e.data.kind === "bouwsteen-advice").length
    expect(advised(b)).toBeGreaterThan(advised(a))
  })
})

describe("generatePopulation: events", () => {
  const es = events(spec({ seed: 11, supportNeeds: { share: 0.6, jeugdhulpWaiting: { share: 0.3 } }, veIndication: 0.5 }))

  it("are all valid catalogue events, each in its child's stream", () => {
    for (const e of es) {
      const decoded = decodeEvent(JSON.parse(JSON.stringify(e)))
      expect(Result.isSuccess(decoded), Result.isFailure(decoded) ? decoded.failure.message : "").toBe(true)
      expect(e.stream).toBe(`child-${(e.data as { childId: string }).childId}`)
    }
  })

  it("are demand and indication events only: nothing is placed", () => {
    const types = new Set(es.map((e) => e.type))
    expect([...types].sort()).toEqual(["indication-issued", "kot-entitlement-started", "placement-requested", "waiting-list-entered", "waiting-list-left"])
  })

  it("fall inside the period, and the children at the start ask on its first day", () => {
    for (const e of es) expect(e.validTime >= "2026-01-01" && e.validTime <= "2026-12-31").toBe(true)
    const requests = ofType(es, "placement-requested")
    expect(requests.slice(0, 20).every((e) => e.validTime === "2026-01-01")).toBe(true)
    expect(requests).toHaveLength(20 + 12 * 5)
  })

  it("put jeugdhulp waiting on its own list, with a jeugdhulp indication, and never with a bouwsteen advice (seed 004 §VII)", () => {
    const byChild = new Map<string, Array<EventEnvelope>>()
    for (const e of es) byChild.set(e.stream, [...(byChild.get(e.stream) ?? []), e])
    let waiting = 0
    for (const child of byChild.values()) {
      const kinds = ofType(child, "indication-issued").map((e) => e.data.kind)
      const entered = ofType(child, "waiting-list-entered")
      if (entered.length > 0) {
        waiting++
        expect(entered[0]!.data.list).toBe("jeugdhulp")
        expect(kinds).toContain("jeugdhulp")
        expect(kinds).not.toContain("bouwsteen-advice")
      }
      const left = ofType(child, "waiting-list-left")
      if (left.length > 0) expect(left[0]!.validTime > entered[0]!.validTime).toBe(true)
    }
    expect(waiting).toBeGreaterThan(0)
  })

  it("give SMI+ to children with support needs and plain SMI to the others, for at most 4 days a week (seed 004 §IX.4)", () => {
    const requests = new Map(ofType(es, "placement-requested").map((e) => [e.data.childId, e.data]))
    const smi = ofType(es, "indication-issued").filter((e) => e.data.kind === "smi" || e.data.kind === "smi-plus")
    expect(smi.length).toBeGreaterThan(10)
    for (const e of smi) {
      const r = requests.get(e.data.childId)!
      expect(e.data.kind).toBe(r.plus ? "smi-plus" : "smi")
      expect(r.daysPerWeek).toBeLessThanOrEqual(4)
      expect(e.data.maxDaysPerWeek).toBe(r.daysPerWeek)
      expect(e.data.householdIncome).toMatch(/^\d+$/)
    }
  })

  it("advise plus care for children with support needs only, and ask plus care for them only", () => {
    const requests = new Map(ofType(es, "placement-requested").map((e) => [e.data.childId, e.data]))
    for (const e of ofType(es, "indication-issued").filter((i) => i.data.kind === "plus-advice")) expect(requests.get(e.data.childId)!.plus).toBe(true)
    expect([...requests.values()].some((r) => !r.plus)).toBe(true)
  })

  it("give VE indications only from 2.5 years, valid until the day before the 4th birthday", () => {
    const draws = new Map([...populationDraws(spec({ seed: 11, supportNeeds: { share: 0.6, jeugdhulpWaiting: { share: 0.3 } }, veIndication: 0.5 }), YEAR)].map((d) => [d.childId, d]))
    const ve = ofType(es, "indication-issued").filter((e) => e.data.kind === "ve")
    expect(ve.length).toBeGreaterThan(5)
    for (const e of ve) {
      const d = draws.get(e.data.childId)!
      expect(d.ageDays).toBeGreaterThanOrEqual((30 * 365.25) / 12)
      expect(dayNumber(e.data.validUntil!)).toBe(d.fourthBirthday - 1)
    }
  })

  it("emit nothing after the period: a wait that ends later has no -left event", () => {
    const short = events(spec({ seed: 2, children: { atStart: 40, inflowPerMonth: 0 }, supportNeeds: { jeugdhulpWaiting: { share: 1, months: { min: 6, max: 6 } } } }), { from: "2026-01", to: "2026-03" })
    expect(ofType(short, "waiting-list-entered").length).toBe(40)
    expect(ofType(short, "waiting-list-left")).toHaveLength(0)
  })
})

describe("generatePopulation: counts", () => {
  it("carries a fractional inflow over: 1.5 a month is 18 in a year", () => {
    const s = spec({ children: { atStart: 0, inflowPerMonth: 1.5 } })
    const requests = ofType(events(s), "placement-requested")
    expect(requests).toHaveLength(18)
    expect(populationSize(s, YEAR)).toBe(18)
    const perMonth = new Map<string, number>()
    for (const r of requests) perMonth.set(r.validTime.slice(0, 7), (perMonth.get(r.validTime.slice(0, 7)) ?? 0) + 1)
    expect([...perMonth.values()]).toEqual([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2])
  })

  it("ends a dagopvang stay by the 4th birthday; a child then leaves for school rather than regular care", () => {
    const s = spec({ seed: 9, children: { atStart: 0, inflowPerMonth: 50 }, ageBands: { "3-4": 1 }, outflow: { "regular-ko": 1 } })
    const draws = [...populationDraws(s, YEAR)]
    const clipped = draws.filter((d) => d.outflow === "school-regular")
    expect(clipped.length).toBeGreaterThan(100)
    for (const d of draws) {
      if (d.stayMonths > 1) expect(lastDayOfStay(d.requestDay, d.stayMonths)).toBeLessThan(d.fourthBirthday)
      if (d.outflow === "regular-ko") expect(lastDayOfStay(d.requestDay, d.stayMonths)).toBeLessThan(d.fourthBirthday)
    }
  })
})
