import { describe, expect, it } from "vitest"
import type { Progress } from "../../src/app/workbench"
import { estimate } from "../../src/tui/eta"

const p = (scenario: number, phase: Progress["phase"], events: number, expectedEvents?: number): Progress => ({
  scenario,
  scenarios: 2,
  name: `s${scenario}`,
  phase,
  events,
  expectedEvents
})

describe("progress estimate", () => {
  it("with expected event counts: 30,000 of 40,000 in the first of two is 3/8 done; 6 s elapsed leaves 10 s", () => {
    // fraction = (0.75 + 0) / 2 = 0.375; left = 6000 × (1 − 0.375) / 0.375 = 10000 ms
    const e = estimate([p(0, "replaying", 30_000, 40_000), undefined], 6_000)
    expect(e.fraction).toBe(0.375)
    expect(e.leftMs).toBeCloseTo(10_000, 6)
    expect(e.byEvents).toBe(true)
  })

  it("without counts, only finished scenarios count: one of two done after 4 s leaves 4 s", () => {
    const e = estimate([p(0, "done", 500, 500), p(1, "replaying", 10_000)], 4_000)
    expect(e.scenarios).toEqual([1, undefined])
    expect(e.fraction).toBe(0.5)
    expect(e.leftMs).toBe(4_000)
  })

  it("nothing known yet: no fraction and no estimate", () => {
    const e = estimate([p(0, "replaying", 10_000), undefined], 1_000)
    expect(e.fraction).toBeUndefined()
    expect(e.leftMs).toBeUndefined()
  })

  it("never claims a running scenario is done, even past its expected count", () => {
    const e = estimate([p(0, "replaying", 50_000, 40_000)], 1_000)
    expect(e.scenarios[0]).toBe(0.99)
  })
})
