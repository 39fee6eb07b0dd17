/**
 * The keys: what a key press means on the screen on view. Returns commands:
 * state actions for the reducer, or effects the App carries out (quit,
 * cancel the run, start a run). Documented in docs/tui.md.
 */
import type { Key } from "ink"
import type { Action } from "./reducer"
import type { State } from "./state"
import { nextSection } from "./views/CompareView"
import type { ViewOutput } from "./views/view"

export type Command =
  | Action
  | { readonly type: "quit"; readonly code: number }
  /** Abort the running workbench through its AbortSignal; quit too when `exit`. */
  | { readonly type: "cancel"; readonly exit: boolean }
  | { readonly type: "start"; readonly files: ReadonlyArray<string> }
  | { readonly type: "loadEntries" }

/**
 * A movement key as a step: ↑/↓ or j/k ±1, PgUp/PgDn (and Space where `spacePages`) ±page,
 * g/G or Home/End ±Infinity (to the top or the bottom); undefined for any other key.
 */
const stepOf = (input: string, key: Key, page: number, spacePages: boolean): number | undefined => {
  if (key.upArrow || input === "k") return -1
  if (key.downArrow || input === "j") return 1
  if (key.pageUp) return -page
  if (key.pageDown || (spacePages && input === " ")) return page
  if (key.home || input === "g") return -Infinity
  if (key.end || input === "G") return Infinity
  return undefined
}

export const keyCommands = (s: State, input: string, key: Key, view: ViewOutput, width: number): ReadonlyArray<Command> => {
  if (key.ctrl && input === "c") return s.screen === "progress" ? [{ type: "cancel", exit: true }] : [{ type: "quit", code: 0 }]
  if (s.screen === "progress") return key.escape ? [{ type: "cancel", exit: false }] : []
  const list = view.list ?? 0
  const step = (spacePages: boolean) => stepOf(input, key, Math.max(1, view.page), spacePages)
  const scroll = (delta: number): ReadonlyArray<Command> => [{ type: "scroll", delta, max: view.maxScroll ?? 0 }]
  /** Move the cursor of the list on screen; a step to an end goes to its first or last row. */
  const move = (delta: number): ReadonlyArray<Command> =>
    delta === -Infinity
      ? [{ type: "moveTo", index: 0, length: list }]
      : delta === Infinity
        ? [{ type: "moveTo", index: list - 1, length: list }]
        : [{ type: "move", delta, length: list }]
  // Help and the baseline chooser take the keys while they are open.
  if (s.help.open) {
    if (key.escape || input === "?" || key.backspace) return [{ type: "help" }]
    if (input === "q") return [{ type: "quit", code: 0 }]
    const d = step(true)
    return d !== undefined && Number.isFinite(d) ? scroll(d) : []
  }
  if (s.chooser) {
    if (key.escape || key.backspace) return [{ type: "chooser", open: false }]
    if (key.upArrow || input === "k") return move(-1)
    if (key.downArrow || input === "j") return move(1)
    if (key.return) return [{ type: "rebaseline", index: s.chooser.cursor }]
    if (input === "q") return [{ type: "quit", code: 0 }]
    return []
  }
  if (input === "?") return [{ type: "help" }]
  if (input === "q") return [{ type: "quit", code: 0 }]
  if (input === "L") return [{ type: "lang" }]
  switch (s.screen) {
    case "picker": {
      const d = step(false)
      if (d !== undefined) return move(d)
      if (input === " ") return [{ type: "toggle" }]
      if (input === "a") return [{ type: "toggleAll" }]
      if (key.escape) return [{ type: "back" }]
      if (key.return) {
        const files = (s.picker.entries ?? []).map((e) => e.file).filter((f) => s.picker.selected.includes(f))
        return files.length === 0 ? [{ type: "notice", notice: "nothingSelected" }] : [{ type: "start", files }]
      }
      return []
    }
    case "compare": {
      if (key.tab) return [{ type: "section", index: nextSection(s.compare.section, width, key.shift ? -1 : 1) }]
      if (/^[1-5]$/.test(input)) return [{ type: "section", index: Number(input) - 1 }]
      if (key.leftArrow || input === "h") return [{ type: "focus", delta: -1 }]
      if (key.rightArrow || input === "l") return [{ type: "focus", delta: 1 }]
      const d = step(true)
      if (d !== undefined) return scroll(d)
      if (input === "b") return [{ type: "chooser", open: true }]
      if (key.return || input === "d") return [{ type: "drill" }]
      if (input === "w") return [{ type: "differs" }]
      if (input === "p" || key.escape) return [{ type: "toPicker" }, { type: "loadEntries" }]
      if (input === "r" && s.workbench) return [{ type: "start", files: s.run?.files ?? s.workbench.runs.map((r) => r.result.scenario.file) }]
      return []
    }
    case "drill": {
      if (key.escape || key.backspace || key.leftArrow) return [{ type: "back" }]
      // The explanation (the month level) scrolls; the levels above it are lists.
      if (view.list === undefined) {
        const d = step(true)
        return d === undefined ? [] : scroll(d)
      }
      const d = step(false)
      if (d !== undefined) return move(d)
      if (key.return || key.rightArrow) {
        const k = view.keys?.[Math.min(s.drill.cursors[s.drill.path.length] ?? 0, list - 1)]
        return k === undefined ? [] : [{ type: "enter", key: k }]
      }
      return []
    }
    case "differs": {
      if (key.escape || key.backspace) return [{ type: "back" }]
      if (key.leftArrow || input === "h") return [{ type: "focus", delta: -1 }]
      if (key.rightArrow || input === "l") return [{ type: "focus", delta: 1 }]
      const d = step(true)
      return d === undefined ? [] : move(d)
    }
    case "error":
      return key.return || key.escape || key.backspace ? [{ type: "back" }, { type: "loadEntries" }] : []
  }
}

/** A key with nothing pressed: what a pasted character carries. */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false
}
