/**
 * The App driven by keys (ink-testing-library): keys are written to stdin and
 * each step waits, by polling the last frame, for the screen it should bring.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest"
import { cleanup } from "ink-testing-library"
import { type Progress, Cancelled, type Workbench } from "../../src/app/workbench"
import { App, type Runner } from "../../src/tui/App"
import { money, signedMoney } from "../../src/tui/format"
import { KEY, MODEL5, NARROW, press, renderAt, SMALL, waitFor, WIDE, workbenches } from "./harness"

let one: Workbench
let two: Workbench

beforeAll(async () => {
  ;({ one, two } = await workbenches())
})
afterEach(() => cleanup())

const noDefaults = async () => [] as ReadonlyArray<string>

describe.each([
  ["narrow 80×24", NARROW],
  ["wide 160×45", WIDE]
] as const)("keys at %s", (_name, size) => {
  it("sections, scenario focus, baseline chooser, what differs, help, language, quit", async () => {
    const exits: Array<number> = []
    const r = renderAt(<App lang="en" workbench={two} defaultFiles={noDefaults} onExit={(c) => exits.push(c)} />, size)
    await waitFor(r, (f) => f.includes("Total cost of care"), "the totals")
    await press(r, "3", (f) => f.includes("KOPLUS-2026"), "the budgets")
    await press(r, "5", (f) => f.includes("monthly cost of rotterdam-small"), "the monthly chart")
    await press(r, KEY.right, (f) => f.includes("monthly cost of rotterdam-model5"), "the monthly chart of the focused scenario")
    await press(r, KEY.tab, (f) => f.includes("Total cost of care"), "Tab back to the totals")
    // b: choose model 5 as the baseline; the deltas flip sign without a re-run.
    await press(r, "b", (f) => f.includes("Choose the baseline"), "the chooser")
    await press(r, KEY.down, (f) => /▸ {3}rotterdam-model5/.test(f), "the cursor on model 5")
    const rebased = await press(r, KEY.enter, (f) => f.includes("◆ baseline: rotterdam-model5"), "the new baseline")
    expect(rebased).toContain(signedMoney("en", two.compare.deltas[1]!.cost.replace("-", "")))
    // w: what differs between the focused scenario and the baseline.
    await press(r, KEY.left, (f) => f.includes("▸ small"), "focus on the first scenario")
    const differs = await press(r, "w", (f) => f.includes("What differs"), "what differs")
    expect(differs).toContain(`rotterdam-small against ◆ rotterdam-model5 · ${two.compare.differences[1]!.items.length} differences`)
    await press(r, "j", (f) => /▸policy\.id/.test(f), "the cursor on the second difference")
    await press(r, KEY.escape, (f) => f.includes("Total cost of care"), "back to the comparison")
    await press(r, "?", (f) => f.includes("choose another baseline (no re-run)"), "the help")
    await press(r, KEY.escape, (f) => !f.includes("choose another baseline (no re-run)"), "the help closed")
    await press(r, "L", (f) => f.includes("Vergelijking") && f.includes("Totale kosten van zorg"), "Dutch labels")
    r.stdin.write("q")
    await waitFor(r, () => exits.length > 0, "the exit")
    expect(exits).toEqual([0])
  })

  it("drill-down: Enter goes down to the explanation, Esc and Backspace go back up", async () => {
    const r = renderAt(<App lang="en" workbench={one} defaultFiles={noDefaults} />, size)
    await waitFor(r, (f) => f.includes("Total cost of care"), "the totals")
    await press(r, KEY.enter, (f) => f.includes("— Providers") && f.includes(money("en", one.compare.scenarios[0]!.cost)), "the providers")
    await press(r, KEY.enter, (f) => f.includes("— Groups") && f.includes("G-PLUS-1"), "the groups")
    await press(r, KEY.enter, (f) => f.includes("— Children") && f.includes("K-005"), "the children")
    await press(r, "jjj", (f) => /▸K-004/.test(f), "the cursor on K-004")
    await press(r, KEY.enter, (f) => f.includes("— Months") && f.includes("child K-004"), "K-004's months")
    await press(r, "jj", (f) => /▸2026-05/.test(f), "the cursor on May")
    const explained = await press(r, KEY.enter, (f) => f.includes("child K-004, 2026-05") && !f.includes("reading the events"), "the explanation, its events read")
    expect(explained).toContain("rule 'kot'")
    await press(r, "G", (f) => f.includes("group G-PLUS-1 this month"), "the end of the explanation")
    await press(r, "g", (f) => f.includes("child K-004, 2026-05:"), "the top of the explanation")
    await press(r, "j", (f) => !f.includes("child K-004, 2026-05:"), "the explanation scrolled")
    await press(r, KEY.escape, (f) => f.includes("— Months") && /▸2026-05/.test(f), "back to the months, on May")
    await press(r, KEY.backspace, (f) => f.includes("— Children") && /▸K-004/.test(f), "back to the children, on K-004")
    await press(r, KEY.escape, (f) => f.includes("— Groups"), "back to the groups")
    await press(r, KEY.escape, (f) => f.includes("— Providers"), "back to the providers")
    await press(r, KEY.escape, (f) => f.includes("Total cost of care"), "back to the comparison")
  })
})

describe("the window", () => {
  it("a resize redraws at the new size: one section on 80×24, two side by side on 160×45", async () => {
    const r = renderAt(<App lang="en" workbench={two} defaultFiles={noDefaults} />, NARROW)
    const narrow = await waitFor(r, (f) => f.includes("Total cost of care"), "the totals")
    expect(narrow).not.toContain("Funders — bars to one scale")
    expect(narrow.split("\n").length).toBe(NARROW.rows)
    Object.defineProperty(r.stdout, "columns", { get: () => WIDE.columns, configurable: true })
    Object.defineProperty(r.stdout, "rows", { get: () => WIDE.rows, configurable: true })
    r.stdout.emit("resize")
    const wide = await waitFor(r, (f) => f.includes("Funders — bars to one scale"), "the wide layout")
    expect(wide).toContain("Total cost of care")
    expect(wide.split("\n").length).toBe(WIDE.rows)
  })
})

describe("runs", () => {
  it("scenarios named on the command line run at once, with progress, into the comparison", async () => {
    const r = renderAt(<App lang="en" files={[SMALL]} defaultFiles={noDefaults} />, NARROW)
    const f = await waitFor(r, (x) => x.includes("Total cost of care"), "the comparison", 6000)
    expect(f).toContain(money("en", one.compare.scenarios[0]!.cost))
    expect(r.frames.some((x) => x.includes("Replaying events"))).toBe(true)
  })

  it("a run starts once, and its signal is not aborted when it ends", async () => {
    const signals: Array<AbortSignal | undefined> = []
    const runner: Runner = async (_files, options = {}) => {
      signals.push(options.signal)
      options.onProgress?.({ scenario: 0, scenarios: 1, name: "rotterdam-small", phase: "loading", events: 0, expectedEvents: undefined })
      await new Promise((resolve) => setTimeout(resolve, 0))
      return one
    }
    const r = renderAt(<App lang="en" files={[SMALL]} defaultFiles={noDefaults} runner={runner} />, NARROW)
    await waitFor(r, (f) => f.includes("Total cost of care"), "the comparison")
    expect(signals.length).toBe(1)
    expect(signals[0]?.aborted).toBe(false)
  })

  it("the picker offers the default scenarios, all chosen; Space and Enter run the chosen ones", async () => {
    const runs: Array<ReadonlyArray<string>> = []
    const runner: Runner = async (files) => {
      runs.push(files)
      return files.length === 2 ? two : one
    }
    const r = renderAt(<App lang="en" defaultFiles={async () => [SMALL, MODEL5]} runner={runner} />, NARROW)
    await waitFor(r, (f) => f.includes("2 of 2 selected"), "the picker")
    await press(r, KEY.down, (f) => /▸ \[x\] rotterdam-model5/.test(f), "the cursor on model 5")
    await press(r, " ", (f) => f.includes("1 of 2 selected"), "model 5 left out")
    await press(r, KEY.enter, (f) => f.includes("Total cost of care"), "the comparison")
    expect(runs).toEqual([[SMALL]])
  })

  /** A runner that reports progress and then waits until it is aborted. */
  const hanging = (aborted: Array<boolean>): Runner => (files, options = {}) =>
    new Promise<Workbench>((_resolve, reject) => {
      const p: Progress = { scenario: 0, scenarios: files.length, name: "rotterdam-small", phase: "replaying", events: 20_000, expectedEvents: 80_000 }
      options.onProgress?.(p)
      options.signal?.addEventListener("abort", () => {
        aborted.push(true)
        reject(new Cancelled())
      })
    })

  it("Esc cancels a run through the AbortSignal and returns to the picker, saying the store is unchanged", async () => {
    const aborted: Array<boolean> = []
    const r = renderAt(<App lang="en" files={[SMALL]} defaultFiles={noDefaults} runner={hanging(aborted)} />, NARROW)
    await waitFor(r, (f) => f.includes("Running 1 scenario") && f.includes("20,000 / 80,000 events"), "the progress")
    await press(r, KEY.escape, (f) => f.includes("Pick the scenarios") && f.includes("run cancelled; the store is unchanged"), "the picker")
    expect(aborted).toEqual([true])
  })

  it("Ctrl-C cancels a run and quits", async () => {
    const aborted: Array<boolean> = []
    const exits: Array<number> = []
    const r = renderAt(<App lang="en" files={[SMALL]} defaultFiles={noDefaults} runner={hanging(aborted)} onExit={(c) => exits.push(c)} />, NARROW)
    await waitFor(r, (f) => f.includes("Running 1 scenario"), "the progress")
    r.stdin.write(KEY.ctrlC)
    await waitFor(r, () => exits.length > 0, "the exit")
    expect(exits).toEqual([130])
    expect(aborted).toEqual([true])
  })

  it("a failing run shows its error; Enter goes back to the picker", async () => {
    const runner: Runner = async () => {
      throw new Error("scenarios/broken.yaml:4: policy: Required")
    }
    const r = renderAt(<App lang="en" files={[SMALL]} defaultFiles={noDefaults} runner={runner} />, NARROW)
    await waitFor(r, (f) => f.includes("The run stopped") && f.includes("scenarios/broken.yaml:4: policy: Required"), "the error")
    await press(r, KEY.enter, (f) => f.includes("Pick the scenarios"), "the picker")
  })
})
