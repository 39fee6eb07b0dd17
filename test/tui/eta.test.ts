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
  it("with expected event counts: 30,000 of 40,000 replayed in the first of two is 3/16 done; 6 s elapsed leaves 26 s", () => {
    // Replaying is the first half of a scenario: 0.75 / 2 = 0.375 of it; fraction = (0.375 + 0) / 2 = 0.1875;
    // left = 6000 × (1 − 0.1875) / 0.1875 = 26000 ms
    const e = estimate([p(0, "replaying", 30_000, 40_000), undefined], 6_000)
    expect(e.fraction).toBe(0.1875)
    expect(e.leftMs).toBeCloseTo(26_000, 6)
    expect(e.byEvents).toBe(true)
  })

  it("computing is the second half of a scenario: 60 % computed is 0.8 of it", () => {
    // 0.5 + 0.6 / 2 = 0.8; with the other scenario done: (0.8 + 1) / 2 = 0.9; left = 9000 × 0.1 / 0.9 = 1000 ms
    const computing: Progress = { ...p(0, "computing", 40_000, 40_000), computed: 0.6 }
    const e = estimate([computing, p(1, "done", 100, 100)], 9_000)
    expect(e.scenarios).toEqual([0.8, 1])
    expect(e.fraction).toBeCloseTo(0.9, 12)
    expect(e.leftMs).toBeCloseTo(1_000, 6)
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

  it("never claims a running scenario is done, even past its expected count or fully computed", () => {
    expect(estimate([p(0, "replaying", 50_000, 40_000)], 1_000).scenarios[0]).toBe(0.5)
    expect(estimate([{ ...p(0, "computing", 1, 1), computed: 1 }], 1_000).scenarios[0]).toBe(0.99)
  })
})
