/**
 * Every view rendered through Ink (ink-testing-library) at 80×24 and 160×45,
 * from a real workbench of scenarios/rotterdam-small.yaml (and the same
 * children under model 5): the numbers on screen are the comparison
 * document's, and every frame is exactly the window's size.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest"
import { cleanup } from "ink-testing-library"
import type { Workbench } from "../../src/app/workbench"
import { Screen } from "../../src/tui/components/Screen"
import { money, pct, signedMoney } from "../../src/tui/format"
import { labels } from "../../src/tui/i18n"
import { type Action, reduce } from "../../src/tui/reducer"
import { pickerEntries } from "../../src/tui/scenarios"
import { eventsKey, initialState, type State } from "../../src/tui/state"
import { frame } from "../../src/tui/views/frame"
import { fitsWindow, MODEL5, NARROW, renderAt, type Size, SMALL, waitFor, WIDE, workbenches } from "./harness"
import { centsToString } from "../../src/domain/money"
import { cents } from "../../src/tui/drill"
import { readEvents } from "../../src/tui/events"
import { eventIdsOf } from "../../src/tui/drill"

let one: Workbench
let two: Workbench

beforeAll(async () => {
  ;({ one, two } = await workbenches())
})
afterEach(() => cleanup())

const compared = (wb: Workbench, ...actions: ReadonlyArray<Action>): State =>
  actions.reduce(reduce, reduce(initialState("en"), { type: "ran", workbench: wb }))

/** Render a state's frame through Ink at a size and return the text on screen. */
const show = async (state: State, size: Size, now = 0): Promise<string> => {
  const f = frame(state, size.columns, size.rows, now)
  const r = renderAt(<Screen rows={f.rows} width={size.columns} height={size.rows} />, size)
  const text = await waitFor(r, (x) => x.split("\n").length === size.rows, "a full frame")
  expect(fitsWindow(text, size)).toBe(true)
  return text
}

describe.each([
  ["narrow 80×24", NARROW],
  ["wide 160×45", WIDE]
] as const)("views at %s", (_name, size) => {
  it("(1) the picker lists scenario files with their names and marks the chosen", async () => {
    const entries = pickerEntries([SMALL, MODEL5], [])
    const s = reduce(initialState("en"), { type: "entries", entries, selected: [SMALL] })
    const text = await show(s, size)
    expect(text).toContain("Pick the scenarios to compare")
    expect(text).toMatch(/\[x\] rotterdam-small\s+Rotterdam KOplus, small example \(2026\)/)
    expect(text).toMatch(/\[ \] rotterdam-model5\s+Rotterdam small example under model 5/)
    expect(text).toContain("1 of 2 selected")
  })

  it("(2) progress shows the share done, the time left and that the store is only read", async () => {
    let s = reduce(initialState("en"), { type: "run", files: [SMALL, MODEL5], baseline: 0, at: 0 })
    s = reduce(s, { type: "progress", at: 6_000, progress: { scenario: 0, scenarios: 2, name: "rotterdam-small", phase: "replaying", events: 30_000, expectedEvents: 40_000 } })
    const text = await show(s, size, 6_000)
    // Replaying is the first half of a scenario: (30,000 / 40,000 / 2 + 0) / 2 = 18.75 % → "19 %";
    // left = 6 s × 0.8125 / 0.1875 = 26 s
    expect(text).toContain("19 %")
    expect(text).toContain("elapsed 6 s · left 26 s")
    expect(text).toContain("30,000 / 40,000 events")
    expect(text).toContain("read-only")
  })

  it("(3) totals: each scenario's cost, delta, children and occupancy from the document", async () => {
    const doc = two.compare
    const top = await show(compared(two), size)
    // On 24 rows the totals scroll: the rest is one scroll away.
    const text = size.rows > 24 ? top : `${top}\n${await show(compared(two, { type: "scroll", delta: 10, max: 100 }), size)}`
    expect(top).toContain(money("en", doc.scenarios[0]!.cost))
    for (const [i, s] of doc.scenarios.entries()) {
      expect(text).toContain(money("en", s.cost))
      expect(text).toContain(pct("en", s.occupancy))
      if (i !== 0) expect(text).toContain(signedMoney("en", doc.deltas[i]!.cost))
    }
    expect(text).toMatch(/Children served\s+5\s+5/)
    expect(text).toContain("◆ baseline: rotterdam-small")
  })

  it("(3) funders: a stacked bar per scenario and each funder's amount", async () => {
    const doc = two.compare
    const text = await show(compared(two, { type: "section", index: 1 }), size)
    expect(text).toContain("Funders — bars to one scale")
    // Rows name the scenarios without their shared prefix: "small" and "model5"; ▸ focused, ◆ baseline.
    expect(text).toMatch(/▸◆small\s+█+\s+€239,819\.71/)
    expect(text).toMatch(/ {2}model5\s+█+\s+€77,276\.40/)
    const shown = size.rows > 24 ? ["rijk", "gemeente", "jeugdhulp", "ouders", "aanbieder"] : ["rijk", "gemeente", "jeugdhulp"]
    for (const f of shown) expect(text).toContain(money("en", doc.scenarios[0]!.funders[f]!))
  })

  it("(3) budgets: a gauge per budget line with used of budget", async () => {
    const b = two.compare.scenarios[0]!.budgets[0]!
    const text = await show(compared(two, { type: "section", index: 2 }), size)
    expect(text).toContain(b.id)
    expect(text).toContain(pct("en", b.usedShare))
    expect(text).toContain(`${money("en", b.used)} of ${money("en", b.budget)}`)
    expect(text).toMatch(/▕█+/)
  })

  it("(3) groups: occupancy per group against the policy's floor", async () => {
    const g = two.compare.scenarios[0]!.groups[0]!
    const text = await show(compared(two, { type: "section", index: 3 }), size)
    expect(text).toContain(`${g.id} · provider ${g.provider}`)
    expect(text).toContain(pct("en", g.occupancy))
    expect(text).toContain(`coverage ${pct("en", g.coverage)}`)
    expect(text).toContain("floor 80 %")
  })

  it("(3) per month: a stacked column chart and each funder's total over the months", async () => {
    const s = two.compare.scenarios[0]!
    const text = await show(compared(two, { type: "section", index: 4 }), { columns: size.columns, rows: Math.max(size.rows, 40) })
    expect(text).toContain("monthly cost of rotterdam-small, stacked by funder")
    expect(text).toMatch(/01\s+02\s+03/)
    // The monthly series add up to the funder totals of the document.
    const rijk = centsToString(s.monthly.reduce((a, m) => a + cents(m.funders.rijk ?? "0.00"), 0n))
    expect(rijk).toBe(s.funders.rijk)
    expect(text).toContain(money("en", rijk))
  })

  it("(3) the baseline chooser lists the runs over the comparison", async () => {
    const text = await show(compared(two, { type: "chooser", open: true }), size)
    expect(text).toContain("Choose the baseline")
    expect(text).toMatch(/◆ rotterdam-small/)
    expect(text).toContain("Rotterdam small example under model 5")
  })

  it("(4) drill-down: provider → group → child → month add up to the comparison", async () => {
    const col = one.compare.scenarios[0]!
    let s = compared(one, { type: "drill" })
    let text = await show(s, size)
    expect(text).toMatch(new RegExp(`P-1\\s+1\\s+5\\s+${money("en", col.cost).replace(/[.$]/g, "\\$&")}`))
    s = reduce(s, { type: "enter", key: "P-1" })
    text = await show(s, size)
    expect(text).toContain("G-PLUS-1")
    expect(text).toContain(money("en", col.groups[0]!.cost))
    s = reduce(s, { type: "enter", key: "G-PLUS-1" })
    text = await show(s, size)
    for (const id of ["K-001", "K-002", "K-003", "K-004", "K-005"]) expect(text).toContain(id)
    s = reduce(s, { type: "enter", key: "K-004" })
    text = await show(s, size)
    const k4 = one.runs[0]!.result.ledger.children.filter((c) => c.childId === "K-004")
    expect(text).toContain(`cost ${money("en", centsToString(k4.reduce((a, c) => a + c.costCents, 0n)))}`)
    expect(text).toMatch(/2026-03\s+123\.01\s+€2,214\.19/)
  })

  it("(4) the month explains every euro: rule, source, parameters with validity, events", async () => {
    const run = one.runs[0]!.result
    const c = run.ledger.children.find((x) => x.childId === "K-004" && x.month === "2026-03")!
    const events = await readEvents(run, eventIdsOf(c), undefined)
    let s = compared(one, { type: "drill" }, { type: "enter", key: "P-1" }, { type: "enter", key: "G-PLUS-1" }, { type: "enter", key: "K-004" }, { type: "enter", key: "2026-03" })
    s = reduce(s, { type: "events", scenario: 0, key: eventsKey(0, "K-004", "2026-03"), events })
    const tall = { columns: size.columns, rows: 200 }
    const text = await show(s, tall)
    expect(text).toContain("child K-004, 2026-03: 123.01 hours, cost €2,214.19")
    expect(text).toContain("pays €504.21 of the regular layer — rule 'kot'")
    expect(text).toContain("source: Besluit kinderopvangtoeslag art. 4, 6, 8a")
    expect(text).toMatch(/parameter kot\.maximum-uurprijs\.dagopvang = 11\.23 \(valid\s+2026-01-01\.\.2026-12-31\)/)
    expect(text).toMatch(/event placement-started 2026-03-16/)
    expect(text).not.toContain("reading the events")
    // And in the window itself, the top of the explanation.
    expect(await show(s, size)).toContain("child K-004, 2026-03")
  })

  it("(5) what differs: every difference, baseline value beside scenario value", async () => {
    const items = two.compare.differences[1]!.items
    const s = compared(two, { type: "focus", delta: 1 }, { type: "differs" })
    const text = await show(s, size)
    expect(text).toContain(`rotterdam-model5 against ◆ rotterdam-small · ${items.length} differences`)
    expect(text).toMatch(/policy\.id\s+rotterdam-koplus\s+model-5-kot-direct-/)
    const moved = reduce(s, { type: "move", delta: items.length, length: items.length })
    const last = items[items.length - 1]!
    expect(await show(moved, size)).toContain(`▸${last.path}`)
  })

  it("(6) help lists the keys of the screen on view", async () => {
    const text = await show(compared(two, { type: "help" }), size)
    expect(text).toContain("Keys")
    expect(text).toContain("choose another baseline (no re-run)")
    expect(text).toContain("switch language (en/nl)")
  })

  it("an error shows the message in full and the way back", async () => {
    const s = reduce(initialState("en"), { type: "failed", message: "scenarios/x.yaml:3: policy: Required" })
    const text = await show(s, size)
    expect(text).toContain("The run stopped")
    expect(text).toContain("scenarios/x.yaml:3: policy: Required")
  })
})

describe("Dutch labels", () => {
  it("show the comparison in Dutch, with Dutch number formats and Dutch domain terms", async () => {
    const s = { ...compared(two, { type: "section", index: 1 }), lang: "nl" as const }
    const text = await show(s, NARROW)
    const t = labels("nl")
    expect(text).toContain(t.screens.compare)
    expect(text).toContain(money("nl", two.compare.scenarios[0]!.payments))
    expect(text).toContain("€ 239.819,71")
    expect(text).toContain("alleen lezen")
  })
})

it("a window below 60×16 says so instead of drawing a broken frame", async () => {
  const text = await show(compared(two), { columns: 50, rows: 12 })
  expect(text).toContain("window too small (50×12)")
})
