/**
 * Over many children the drawn shares come close to the spec's (loose bounds,
 * fixed seed: deterministic, never flaky). 20,000 children: a share p is
 * drawn with a standard error of at most 0.0035, so ±0.02 is over 5 SE.
 */
import { describe, expect, it } from "vitest"
import type { EventEnvelope } from "../../../src/events"
import { generatePopulation, populationDraws } from "../../../src/scenario/population/generate"
import { PopulationSpec } from "../../../src/scenario/population/schema"

const YEAR = { from: "2026-01", to: "2026-12" } as const
const N = 20_000
const spec = PopulationSpec.parse({
  seed: 2026,
  children: { atStart: 0, inflowPerMonth: N / 12 },
  // Babies only: no stay is cut short by the 4th birthday, so stays and outflow follow the spec.
  ageBands: { "0-1": 1 },
  supportNeeds: {
    share: 0.7,
    kinds: { development: { share: 0.5 }, behaviour: { share: 0.3, jeugdhulpWaiting: 0.4 }, medical: { share: 0.2 } },
    bouwsteenAdvice: 0.3,
    jeugdhulpWaiting: { share: 0.1, months: { min: 2, max: 5 } }
  },
  funding: {
    shares: { kot: 0.5, smi: 0.3, neither: 0.2 },
    kot: { firstChildShare: 0.6, income: [{ from: 30000, to: 60000, share: 0.4 }, { from: 60000, to: 120000, share: 0.6 }] }
  },
  daysPerWeek: { "2": 0.3, "3": 0.5, "5": 0.2 },
  hoursPerDay: { "5": 0.25, "10": 0.75 },
  stayMonths: { min: 6, max: 9 },
  outflow: { "regular-ko": 0.5, "school-special": 0.3, dropout: 0.2 }
})
const draws = [...populationDraws(spec, YEAR)]
const es = [...generatePopulation(spec, YEAR)]
const share = <T>(xs: ReadonlyArray<T>, f: (x: T) => boolean) => xs.filter(f).length / xs.length

describe("population distributions over 20,000 children", () => {
  it("generates the number of children asked for", () => {
    expect(draws).toHaveLength(N)
    expect(es.filter((e) => e.type === "placement-requested")).toHaveLength(N)
  })

  it("matches the share with support needs and the kinds", () => {
    expect(Math.abs(share(draws, (d) => d.plus) - 0.7)).toBeLessThan(0.02)
    const plus = draws.filter((d) => d.plus)
    expect(Math.abs(share(plus, (d) => d.kind === "development") - 0.5)).toBeLessThan(0.02)
    expect(Math.abs(share(plus, (d) => d.kind === "behaviour") - 0.3)).toBeLessThan(0.02)
    expect(Math.abs(share(plus, (d) => d.kind === "medical") - 0.2)).toBeLessThan(0.02)
    expect(draws.filter((d) => !d.plus).every((d) => d.kind === undefined)).toBe(true)
  })

  it("matches the funding shares, the income bands and the child rank", () => {
    expect(Math.abs(share(draws, (d) => d.funding === "kot") - 0.5)).toBeLessThan(0.02)
    expect(Math.abs(share(draws, (d) => d.funding === "smi") - 0.3)).toBeLessThan(0.02)
    expect(Math.abs(share(draws, (d) => d.funding === "neither") - 0.2)).toBeLessThan(0.02)
    const kot = es.filter((e): e is Extract<EventEnvelope, { type: "kot-entitlement-started" }> => e.type === "kot-entitlement-started")
    const incomes = kot.map((e) => Number(e.data.householdIncome))
    expect(incomes.every((i) => i >= 30000 && i <= 120000)).toBe(true)
    expect(Math.abs(share(incomes, (i) => i < 60000) - 0.4)).toBeLessThan(0.02)
    expect(Math.abs(share(kot, (e) => e.data.childRank === "first") - 0.6)).toBeLessThan(0.02)
  })

  it("matches days per week (SMI capped at 4) and hours per day", () => {
    const notSmi = draws.filter((d) => d.funding !== "smi")
    expect(Math.abs(share(notSmi, (d) => d.daysPerWeek === 2) - 0.3)).toBeLessThan(0.02)
    expect(Math.abs(share(notSmi, (d) => d.daysPerWeek === 3) - 0.5)).toBeLessThan(0.02)
    expect(Math.abs(share(notSmi, (d) => d.daysPerWeek === 5) - 0.2)).toBeLessThan(0.02)
    const smi = draws.filter((d) => d.funding === "smi")
    expect(smi.every((d) => d.daysPerWeek <= 4)).toBe(true)
    // The 5-day share of SMI children becomes 4 days (seed 004 §IX.4).
    expect(Math.abs(share(smi, (d) => d.daysPerWeek === 4) - 0.2)).toBeLessThan(0.03)
    expect(Math.abs(share(draws, (d) => d.hoursPerDay === 5) - 0.25)).toBeLessThan(0.02)
  })

  it("draws stays uniformly from 6 to 9 months (seed 000 §2.2) and outflow by its shares", () => {
    expect(draws.every((d) => d.stayMonths >= 6 && d.stayMonths <= 9)).toBe(true)
    for (const m of [6, 7, 8, 9]) expect(Math.abs(share(draws, (d) => d.stayMonths === m) - 0.25)).toBeLessThan(0.02)
    expect(Math.abs(share(draws, (d) => d.outflow === "regular-ko") - 0.5)).toBeLessThan(0.02)
    expect(Math.abs(share(draws, (d) => d.outflow === "school-special") - 0.3)).toBeLessThan(0.02)
    expect(Math.abs(share(draws, (d) => d.outflow === "dropout") - 0.2)).toBeLessThan(0.02)
  })

  it("matches jeugdhulp waiting per kind, its months, and the bouwsteen advice among those not waiting", () => {
    const plus = draws.filter((d) => d.plus)
    const behaviour = plus.filter((d) => d.kind === "behaviour")
    const others = plus.filter((d) => d.kind !== "behaviour")
    expect(Math.abs(share(behaviour, (d) => d.jeugdhulpWaitMonths !== undefined) - 0.4)).toBeLessThan(0.03)
    expect(Math.abs(share(others, (d) => d.jeugdhulpWaitMonths !== undefined) - 0.1)).toBeLessThan(0.02)
    const waits = plus.flatMap((d) => (d.jeugdhulpWaitMonths === undefined ? [] : [d.jeugdhulpWaitMonths]))
    expect(new Set(waits)).toEqual(new Set([2, 3, 4, 5]))
    const notWaiting = plus.filter((d) => d.jeugdhulpWaitMonths === undefined)
    expect(Math.abs(share(notWaiting, (d) => d.bouwsteenAdvice) - 0.3)).toBeLessThan(0.02)
    expect(draws.filter((d) => !d.plus).some((d) => d.bouwsteenAdvice || d.jeugdhulpWaitMonths !== undefined)).toBe(false)
  })

  it("spreads requests over the days of each month", () => {
    const days = new Set(es.filter((e) => e.type === "placement-requested").map((e) => e.validTime))
    expect(days.size).toBe(365)
  })
})
