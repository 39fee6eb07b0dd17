import { describe, expect, it } from "vitest"
import { PopulationSpec } from "../../../src/scenario/population/schema"

const messages = (input: unknown) => {
  const r = PopulationSpec.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)
}

describe("PopulationSpec", () => {
  it("needs the number of children and fills every other input with its labelled default", () => {
    expect(messages({})).toEqual([expect.stringMatching(/^children: /)])
    const s = PopulationSpec.parse({ children: { atStart: 10, inflowPerMonth: 2 } })
    expect(s.stayMonths).toEqual({ min: 6, max: 9 }) // seed 000 §2.2
    expect(s.funding.smi.maxDaysPerWeek).toBe(4) // seed 004 §IX.4
    expect(s.funding.shares).toEqual({ kot: 0.5, smi: 0.5, neither: 0 }) // seed 004 §X: KOT or SMI
    expect(s.supportNeeds.jeugdhulpWaiting).toEqual({ share: 0.1, months: { min: 3, max: 9 } })
    expect(s.seed).toBe(1)
  })

  it("refuses shares that do not add up to 1, naming the field", () => {
    expect(messages({ children: { atStart: 1, inflowPerMonth: 0 }, ageBands: { "0-1": 0.5, "1-2": 0.4 } })).toEqual([
      "ageBands: the age band shares must add up to 1"
    ])
    expect(messages({ children: { atStart: 1, inflowPerMonth: 0 }, funding: { shares: { kot: 0.5, smi: 0.4 } } })).toEqual([
      "funding.shares: the kot, smi and neither shares must add up to 1"
    ])
    expect(messages({ children: { atStart: 1, inflowPerMonth: 0 }, funding: { kot: { income: [{ from: 10, to: 20, share: 0.9 }] } } })).toEqual([
      "funding.kot.income: the income band shares must add up to 1"
    ])
  })

  it("refuses unknown outflow destinations, bad age bands, days and ranges", () => {
    const base = { children: { atStart: 1, inflowPerMonth: 0 } }
    expect(messages({ ...base, outflow: { "regular-ko": 0.5, nowhere: 0.5 } }).join()).toMatch(/outflow/)
    expect(messages({ ...base, ageBands: { "4-2": 1 } })).toEqual(["ageBands.4-2: age band '4-2' must run from a lower to a higher age, at most 13"])
    expect(messages({ ...base, daysPerWeek: { "8": 1 } })).toEqual(["daysPerWeek.8: days per week '8' must be a number above 0 and at most 7"])
    expect(messages({ ...base, supportNeeds: { kinds: { Gedrag: { share: 1 } } } })).toEqual([
      "supportNeeds.kinds.Gedrag: 'Gedrag' is not a kind of support need: use a lower-case word, e.g. 'behaviour'"
    ])
    expect(messages({ ...base, stayMonths: { min: 9, max: 6 } })).toEqual(["stayMonths: min must not be above max"])
    expect(messages({ ...base, idPrefix: "123" }).join()).toMatch(/idPrefix/)
  })
})
