/**
 * The TUI's state: which screen is shown and where the analyst is on it.
 * Changed only by `reduce` (reducer.ts); the App runs the side effects
 * (running scenarios, reading events, quitting) the state asks for.
 */
import type { Progress, Workbench } from "../app/workbench"
import type { EventEnvelope } from "../events"
import type { Lang } from "./i18n"

export const SECTIONS = ["summary", "funders", "budgets", "groups", "monthly"] as const
export type Section = (typeof SECTIONS)[number]

export type Screen = "picker" | "progress" | "compare" | "drill" | "differs" | "error"

/** The key of a child-month whose events are read for its explanation. */
export const eventsKey = (run: number, child: string, month: string): string => `${run}|${child}|${month}`

export type Notice = "cancelled" | "nothingSelected"

export interface PickerEntry {
  readonly file: string
  readonly id: string
  /** The scenario's `name:`, or why it could not be read. */
  readonly name: string
  readonly problem: boolean
}

export interface RunState {
  /** Increases with every run, so the App starts each run once. */
  readonly id: number
  readonly files: ReadonlyArray<string>
  readonly baseline: number
  readonly startedAt: number
  readonly updatedAt: number
  /** The latest progress report of each scenario, by index. */
  readonly progress: ReadonlyArray<Progress | undefined>
  readonly cancelling: boolean
}

export interface DrillState {
  readonly scenario: number
  /** Keys chosen so far: provider, group, child, month. Its length is the level. */
  readonly path: ReadonlyArray<string>
  /** Cursor at each level, kept so going back up returns to the same row. */
  readonly cursors: ReadonlyArray<number>
  /** Scroll offset of the explanation (the month level). */
  readonly scroll: number
}

export interface State {
  readonly lang: Lang
  readonly screen: Screen
  readonly help: { readonly open: boolean; readonly scroll: number }
  readonly picker: { readonly entries: ReadonlyArray<PickerEntry> | undefined; readonly cursor: number; readonly selected: ReadonlyArray<string> }
  readonly run: RunState | undefined
  readonly workbench: Workbench | undefined
  /** Index of the run the others are measured against. */
  readonly baseline: number
  readonly compare: { readonly section: number; readonly scroll: number; readonly focus: number }
  /** The baseline chooser, when open. */
  readonly chooser: { readonly cursor: number } | undefined
  readonly drill: DrillState
  readonly differs: { readonly cursor: number }
  /** Events read for explanations, by run index then event id. */
  readonly events: ReadonlyMap<number, ReadonlyMap<string, EventEnvelope>>
  /** Child-months whose events have been read (`run|child|month`), found or not. */
  readonly eventsRead: ReadonlyArray<string>
  readonly error: string | undefined
  /** A one-off message for the status line. */
  readonly notice: Notice | undefined
  readonly runCounter: number
}

export const initialState = (lang: Lang): State => ({
  lang,
  screen: "picker",
  help: { open: false, scroll: 0 },
  picker: { entries: undefined, cursor: 0, selected: [] },
  run: undefined,
  workbench: undefined,
  baseline: 0,
  compare: { section: 0, scroll: 0, focus: 0 },
  chooser: undefined,
  drill: { scenario: 0, path: [], cursors: [0], scroll: 0 },
  differs: { cursor: 0 },
  events: new Map(),
  eventsRead: [],
  error: undefined,
  notice: undefined,
  runCounter: 0
})
