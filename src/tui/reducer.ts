/**
 * The router: every change of the TUI's state, as a pure function of the
 * state and an action. Keys become actions in keys.ts; the App dispatches
 * them and the results of its side effects (progress, a finished run).
 */
import type { Progress, Workbench } from "../app/workbench"
import { compareRuns } from "../compare/document"
import type { EventEnvelope } from "../events"
import { type Notice, type PickerEntry, SECTIONS, type State } from "./state"

export type Action =
  | { readonly type: "entries"; readonly entries: ReadonlyArray<PickerEntry>; readonly selected?: ReadonlyArray<string> }
  /** Move the cursor of the list on screen; `length` is the list's length. */
  | { readonly type: "move"; readonly delta: number; readonly length: number }
  | { readonly type: "moveTo"; readonly index: number; readonly length: number }
  | { readonly type: "toggle" }
  | { readonly type: "toggleAll" }
  | { readonly type: "run"; readonly files: ReadonlyArray<string>; readonly baseline: number; readonly at: number }
  /** What a run reports carries its id (`run`); reports of a run that is no longer on are ignored. */
  | { readonly type: "progress"; readonly progress: Progress; readonly at: number; readonly run?: number }
  | { readonly type: "cancelling" }
  | { readonly type: "cancelled"; readonly run?: number }
  | { readonly type: "ran"; readonly workbench: Workbench; readonly run?: number }
  | { readonly type: "failed"; readonly message: string; readonly run?: number }
  | { readonly type: "toPicker" }
  | { readonly type: "section"; readonly index?: number; readonly delta?: number }
  /** Scroll the text on screen; `max` is the largest offset that still fills the window. */
  | { readonly type: "scroll"; readonly delta: number; readonly max: number }
  | { readonly type: "focus"; readonly delta: number }
  | { readonly type: "chooser"; readonly open: boolean }
  | { readonly type: "rebaseline"; readonly index: number }
  | { readonly type: "drill" }
  | { readonly type: "enter"; readonly key: string }
  | { readonly type: "back" }
  | { readonly type: "differs" }
  | { readonly type: "help" }
  | { readonly type: "lang" }
  /** Events read for the explanations of scenario (run index) `scenario`. */
  | { readonly type: "events"; readonly scenario: number; readonly key: string; readonly events: ReadonlyMap<string, EventEnvelope> }
  | { readonly type: "notice"; readonly notice: Notice | undefined }

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n))
const setAt = <T>(xs: ReadonlyArray<T>, i: number, v: T): Array<T> => xs.map((x, j) => (j === i ? v : x))

const moveCursor = (s: State, to: (cursor: number) => number, length: number): State => {
  const put = (c: number) => clamp(to(c), 0, Math.max(0, length - 1))
  if (s.chooser) return { ...s, chooser: { cursor: put(s.chooser.cursor) } }
  switch (s.screen) {
    case "picker":
      return { ...s, picker: { ...s.picker, cursor: put(s.picker.cursor) } }
    case "drill": {
      const level = s.drill.path.length
      return { ...s, drill: { ...s.drill, cursors: setAt(s.drill.cursors, level, put(s.drill.cursors[level] ?? 0)) } }
    }
    case "differs":
      return { ...s, differs: { cursor: put(s.differs.cursor) } }
    default:
      return s
  }
}

const scrollBy = (s: State, delta: number, max: number): State => {
  const to = (v: number) => clamp(v + delta, 0, Math.max(0, max))
  if (s.help.open) return { ...s, help: { ...s.help, scroll: to(s.help.scroll) } }
  if (s.screen === "compare") return { ...s, compare: { ...s.compare, scroll: to(s.compare.scroll) } }
  if (s.screen === "drill") return { ...s, drill: { ...s.drill, scroll: to(s.drill.scroll) } }
  return s
}

const runs = (s: State) => s.workbench?.runs.length ?? 0

/** Whether an action reports on a run other than the one on. */
const stale = (s: State, a: Action): boolean => "run" in a && typeof a.run === "number" && a.run !== s.run?.id

export const reduce = (s: State, a: Action): State => {
  if (stale(s, a)) return s
  switch (a.type) {
    case "entries": {
      const files = a.entries.map((e) => e.file)
      const selected = (a.selected ?? s.picker.selected).filter((f) => files.includes(f))
      return { ...s, picker: { entries: a.entries, cursor: clamp(s.picker.cursor, 0, Math.max(0, files.length - 1)), selected } }
    }
    case "move":
      return moveCursor(s, (c) => c + a.delta, a.length)
    case "moveTo":
      return moveCursor(s, () => a.index, a.length)
    case "toggle": {
      const entry = s.picker.entries?.[s.picker.cursor]
      if (!entry) return s
      const on = s.picker.selected.includes(entry.file)
      return { ...s, notice: undefined, picker: { ...s.picker, selected: on ? s.picker.selected.filter((f) => f !== entry.file) : [...s.picker.selected, entry.file] } }
    }
    case "toggleAll": {
      const all = (s.picker.entries ?? []).map((e) => e.file)
      return { ...s, notice: undefined, picker: { ...s.picker, selected: s.picker.selected.length === all.length ? [] : all } }
    }
    case "run":
      return {
        ...s,
        screen: "progress",
        notice: undefined,
        error: undefined,
        runCounter: s.runCounter + 1,
        run: { id: s.runCounter + 1, files: a.files, baseline: a.baseline, startedAt: a.at, updatedAt: a.at, progress: a.files.map(() => undefined), cancelling: false }
      }
    case "progress":
      return s.run ? { ...s, run: { ...s.run, updatedAt: a.at, progress: setAt(s.run.progress, a.progress.scenario, a.progress) } } : s
    case "cancelling":
      return s.run ? { ...s, run: { ...s.run, cancelling: true } } : s
    case "cancelled":
      return { ...s, screen: "picker", run: undefined, notice: "cancelled" }
    case "ran": {
      const baseline = clamp(s.run?.baseline ?? 0, 0, Math.max(0, a.workbench.runs.length - 1))
      return {
        ...s,
        screen: "compare",
        workbench: a.workbench,
        baseline,
        events: new Map(),
        eventsRead: [],
        compare: { section: s.compare.section, scroll: 0, focus: clamp(s.compare.focus, 0, a.workbench.runs.length - 1) },
        drill: { scenario: 0, path: [], cursors: [0], scroll: 0 },
        differs: { cursor: 0 }
      }
    }
    case "failed":
      return { ...s, screen: "error", error: a.message }
    case "toPicker":
      return { ...s, screen: "picker", chooser: undefined }
    case "section": {
      const n = SECTIONS.length
      const section = a.index !== undefined ? clamp(a.index, 0, n - 1) : (((s.compare.section + (a.delta ?? 0)) % n) + n) % n
      return { ...s, compare: { ...s.compare, section, scroll: 0 } }
    }
    case "scroll":
      return scrollBy(s, a.delta, a.max)
    case "focus": {
      const n = runs(s)
      if (n === 0) return s
      const focus = clamp(s.compare.focus + a.delta, 0, n - 1)
      return { ...s, compare: { ...s.compare, focus }, differs: { cursor: 0 } }
    }
    case "chooser":
      return { ...s, chooser: a.open ? { cursor: s.baseline } : undefined }
    case "rebaseline": {
      if (!s.workbench || a.index < 0 || a.index >= runs(s)) return s
      const compare = compareRuns(s.workbench.runs, a.index)
      return { ...s, chooser: undefined, baseline: a.index, workbench: { ...s.workbench, compare }, differs: { cursor: 0 } }
    }
    case "drill":
      return s.workbench ? { ...s, screen: "drill", drill: { scenario: s.compare.focus, path: [], cursors: [0], scroll: 0 } } : s
    case "enter":
      return s.screen === "drill" && s.drill.path.length < 4
        ? { ...s, drill: { ...s.drill, path: [...s.drill.path, a.key], cursors: [...s.drill.cursors.slice(0, s.drill.path.length + 1), 0], scroll: 0 } }
        : s
    case "back": {
      if (s.chooser) return { ...s, chooser: undefined }
      if (s.screen === "differs") return { ...s, screen: "compare" }
      if (s.screen === "error") return { ...s, screen: "picker", error: undefined }
      if (s.screen === "picker") return s.workbench ? { ...s, screen: "compare", notice: undefined } : s
      if (s.screen !== "drill") return s
      if (s.drill.path.length === 0) return { ...s, screen: "compare" }
      return { ...s, drill: { ...s.drill, path: s.drill.path.slice(0, -1), cursors: s.drill.cursors.slice(0, s.drill.path.length), scroll: 0 } }
    }
    case "differs":
      return s.workbench ? { ...s, screen: "differs", differs: { cursor: 0 } } : s
    case "help":
      return { ...s, help: { open: !s.help.open, scroll: 0 } }
    case "lang":
      return { ...s, lang: s.lang === "en" ? "nl" : "en" }
    case "events": {
      const events = new Map(s.events)
      events.set(a.scenario, new Map([...(s.events.get(a.scenario) ?? new Map()), ...a.events]))
      return { ...s, events, eventsRead: [...s.eventsRead, a.key] }
    }
    case "notice":
      return { ...s, notice: a.notice }
  }
}
