import { beforeAll, describe, expect, it } from "vitest"
import type { Key } from "ink"
import type { Workbench } from "../../src/app/workbench"
import { compareRuns } from "../../src/compare/document"
import { centsToString } from "../../src/domain/money"
import { cents } from "../../src/tui/drill"
import { keyCommands, NO_KEY } from "../../src/tui/keys"
import { type Action, reduce } from "../../src/tui/reducer"
import { initialState, type State } from "../../src/tui/state"
import { nextSection, pageOf } from "../../src/tui/views/CompareView"
import type { ViewOutput } from "../../src/tui/views/view"
import { workbenches } from "./harness"

let wb: Workbench
const on = (wb: Workbench): State => reduce(initialState("en"), { type: "ran", workbench: wb })
const all = (s: State, actions: ReadonlyArray<Action>) => actions.reduce(reduce, s)

beforeAll(async () => {
  wb = (await workbenches()).two
})

describe("the router", () => {
  it("a finished run opens the comparison on the run's baseline", () => {
    const s = all(initialState("en"), [{ type: "run", files: ["a.yaml", "b.yaml"], baseline: 1, at: 0 }, { type: "ran", workbench: wb }])
    expect(s.screen).toBe("compare")
    expect(s.baseline).toBe(1)
  })

  it("re-baselining compares the same runs again without running them", () => {
    const s = reduce(on(wb), { type: "rebaseline", index: 1 })
    expect(s.baseline).toBe(1)
    expect(s.workbench!.runs).toBe(wb.runs)
    expect(s.workbench!.compare).toEqual(compareRuns(wb.runs, 1))
    // Against model 5, the first scenario's delta is its cost minus model 5's cost.
    const [a, b] = wb.compare.scenarios
    expect(s.workbench!.compare.deltas[0]!.cost).toBe(centsToString(cents(a!.cost) - cents(b!.cost)))
    expect(s.workbench!.compare.baseline).toBe("rotterdam-model5")
  })

  it("drill-down goes down by keys and back up one level at a time, restoring the cursor", () => {
    let s = reduce(on(wb), { type: "drill" })
    s = all(s, [{ type: "enter", key: "P-1" }, { type: "enter", key: "G-PLUS-1" }, { type: "move", delta: 3, length: 5 }, { type: "enter", key: "K-004" }, { type: "enter", key: "2026-03" }])
    expect(s.drill.path).toEqual(["P-1", "G-PLUS-1", "K-004", "2026-03"])
    s = all(s, [{ type: "back" }, { type: "back" }])
    expect(s.drill.path).toEqual(["P-1", "G-PLUS-1"])
    expect(s.drill.cursors[2]).toBe(3)
    s = all(s, [{ type: "back" }, { type: "back" }, { type: "back" }])
    expect(s.screen).toBe("compare")
  })

  it("a cancelled run goes back to the picker and says the store is unchanged", () => {
    const s = all(initialState("en"), [{ type: "run", files: ["a.yaml"], baseline: 0, at: 0 }, { type: "cancelling" }, { type: "cancelled" }])
    expect(s.screen).toBe("picker")
    expect(s.notice).toBe("cancelled")
  })

  it("from the picker, Esc goes back to the comparison there is, without running again", () => {
    const s = reduce(on(wb), { type: "toPicker" })
    expect(s.screen).toBe("picker")
    expect(reduce(s, { type: "back" }).screen).toBe("compare")
    expect(reduce(initialState("en"), { type: "back" }).screen).toBe("picker")
  })

  it("scrolling stops at the ends", () => {
    let s = all(on(wb), [{ type: "scroll", delta: 100, max: 7 }])
    expect(s.compare.scroll).toBe(7)
    s = reduce(s, { type: "scroll", delta: -Infinity, max: 7 })
    expect(s.compare.scroll).toBe(0)
  })
})

const key = (k: Partial<Key> = {}): Key => ({ ...NO_KEY, ...k })
const view: ViewOutput = { rows: [], page: 10, hints: [], maxScroll: 20 }

describe("keys", () => {
  it("Ctrl-C cancels a run and quits; elsewhere it quits", () => {
    const running = reduce(initialState("en"), { type: "run", files: ["a.yaml"], baseline: 0, at: 0 })
    expect(keyCommands(running, "c", key({ ctrl: true }), view, 80)).toEqual([{ type: "cancel", exit: true }])
    expect(keyCommands(running, "", key({ escape: true }), view, 80)).toEqual([{ type: "cancel", exit: false }])
    expect(keyCommands(running, "q", key(), view, 80)).toEqual([])
    expect(keyCommands(on(wb), "c", key({ ctrl: true }), view, 80)).toEqual([{ type: "quit", code: 0 }])
  })

  it("Enter in the picker runs the selected files, or asks for a selection", () => {
    const entries = [{ file: "a.yaml", id: "a", name: "A", problem: false }, { file: "b.yaml", id: "b", name: "B", problem: false }]
    const s = reduce(initialState("en"), { type: "entries", entries, selected: ["b.yaml"] })
    expect(keyCommands(s, "\r", key({ return: true }), view, 80)).toEqual([{ type: "start", files: ["b.yaml"] }])
    const none = reduce(s, { type: "toggleAll" })
    expect(none.picker.selected).toEqual(["a.yaml", "b.yaml"])
    const cleared = reduce(none, { type: "toggleAll" })
    expect(keyCommands(cleared, "\r", key({ return: true }), view, 80)).toEqual([{ type: "notice", notice: "nothingSelected" }])
  })

  it("Tab pages through the sections: one at a time when narrow, in pairs when wide", () => {
    expect([0, 1, 2, 3, 4].map((i) => nextSection(i, 80, 1))).toEqual([1, 2, 3, 4, 0])
    expect(pageOf(0, 160)).toEqual([0, 1])
    expect(nextSection(0, 160, 1)).toBe(2)
    expect(nextSection(2, 160, 1)).toBe(4)
    expect(nextSection(4, 160, 1)).toBe(0)
    expect(nextSection(0, 160, -1)).toBe(4)
    expect(keyCommands(on(wb), "\t", key({ tab: true }), view, 160)).toEqual([{ type: "section", index: 2 }])
  })

  it("b opens the baseline chooser, where Enter re-baselines on the cursor", () => {
    const s = reduce(on(wb), { type: "chooser", open: true })
    const moved = reduce(s, { type: "move", delta: 1, length: 2 })
    expect(keyCommands(moved, "\r", key({ return: true }), { ...view, list: 2 }, 80)).toEqual([{ type: "rebaseline", index: 1 }])
  })
})
