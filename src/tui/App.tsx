/**
 * The terminal UI: one state (reducer.ts), one frame of rows sized to the
 * window (views/frame.ts), keys turned into commands (keys.ts). Side effects
 * live here: running the workbench with an AbortSignal, reading the events
 * an explanation cites, quitting.
 */
import { useApp, useInput, type Key } from "ink"
import { useCallback, useEffect, useReducer, useRef, useState } from "react"
import { baselineIndex, Cancelled, type runWorkbench, type Workbench } from "../app/workbench"
import { Screen } from "./components/Screen"
import { eventIdsOf } from "./drill"
import { type EventReader, readEvents } from "./events"
import type { Lang } from "./i18n"
import { type Command, keyCommands, NO_KEY } from "./keys"
import { type Action, reduce } from "./reducer"
import { runScenarios } from "./runner"
import { pickerEntries } from "./scenarios"
import { eventsKey, initialState, type State } from "./state"
import { useTerminalSize } from "./useTerminalSize"
import { frame } from "./views/frame"

export type Runner = typeof runWorkbench

export interface AppProps {
  readonly lang: Lang
  /** Scenario files named on the command line: run at once. */
  readonly files?: ReadonlyArray<string>
  readonly store?: string
  readonly baseline?: string
  /** The scenarios the picker offers besides those named. */
  readonly defaultFiles: () => Promise<ReadonlyArray<string>>
  /** Runs scenarios (tests pass their own; the default is runScenarios, the workbench run scenario by scenario). */
  readonly runner?: Runner
  readonly readEvents?: EventReader
  /** Start on the comparison of this workbench instead of running anything. */
  readonly workbench?: Workbench
  readonly clock?: () => number
  readonly onExit?: (code: number) => void
}


/** Keys typed faster than they are read arrive as one string ("jjj"): take them one by one. */
const presses = (input: string, key: Key): ReadonlyArray<readonly [string, Key]> =>
  input.length > 1 && !key.ctrl && !key.meta && !input.includes("\u001b")
    ? Array.from(input).map((ch) => [ch, ch === "\r" ? { ...NO_KEY, return: true } : NO_KEY] as const)
    : [[input, key]]

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

export const App = (props: AppProps) => {
  const { exit } = useApp()
  const { columns, rows } = useTerminalSize()
  const clock = props.clock ?? Date.now
  const [state, reactDispatch] = useReducer(reduce, props, (p): State => {
    const s = initialState(p.lang)
    return p.workbench ? reduce({ ...s, run: undefined }, { type: "ran", workbench: p.workbench }) : s
  })
  const [tick, setTick] = useState(0)
  // The state as of the last action, ahead of React's next render: keys that arrive together
  // (a burst, a paste) each see the state the key before left, not the last frame's.
  const stateRef = useRef(state)
  stateRef.current = state
  const dispatch = useCallback((a: Action) => {
    stateRef.current = reduce(stateRef.current, a)
    reactDispatch(a)
  }, [])
  const sizeRef = useRef({ columns, rows })
  sizeRef.current = { columns, rows }
  const abortRef = useRef<AbortController | undefined>(undefined)

  const quit = useCallback(
    (code: number) => {
      abortRef.current?.abort()
      props.onExit?.(code)
      exit()
    },
    [exit, props.onExit]
  )

  const loadEntries = useCallback(
    (selectAll: boolean) => {
      props
        .defaultFiles()
        .catch(() => [] as ReadonlyArray<string>)
        .then((defaults) => {
          const named = props.files ?? []
          const entries = pickerEntries(defaults, named)
          dispatch({ type: "entries", entries, ...(selectAll ? { selected: named.length > 0 ? entries.filter((e) => named.includes(e.file)).map((e) => e.file) : entries.map((e) => e.file) } : {}) })
        })
    },
    [props.defaultFiles, props.files]
  )

  const start = useCallback(
    (files: ReadonlyArray<string>) => dispatch({ type: "run", files, baseline: baselineIndex(props.baseline, files) ?? 0, at: clock() }),
    [props.baseline, clock]
  )

  // On start: run the named scenarios, or offer the picker.
  useEffect(() => {
    loadEntries(true)
    if (!props.workbench && props.files && props.files.length > 0) start(props.files)
  }, [])

  // A run: the workbench replays and computes; Esc or Ctrl-C aborts it through the signal. The run
  // is this render's (not stateRef's, which may be ahead of it): each run starts once, when its id first renders.
  const run = state.screen === "progress" ? state.run : undefined
  useEffect(() => {
    if (run === undefined) return
    const controller = new AbortController()
    abortRef.current = controller
    let finished = false
    const runner = props.runner ?? runScenarios
    runner(run.files, { ...(props.store ? { store: props.store } : {}), baseline: run.baseline, signal: controller.signal, onProgress: (p) => dispatch({ type: "progress", progress: p, at: clock(), run: run.id }) })
      .then((workbench) => {
        if (!controller.signal.aborted) dispatch({ type: "ran", workbench, run: run.id })
      })
      .catch((e: unknown) => {
        if (e instanceof Cancelled || controller.signal.aborted) dispatch({ type: "cancelled", run: run.id })
        else dispatch({ type: "failed", message: messageOf(e), run: run.id })
      })
      .finally(() => {
        finished = true
        if (abortRef.current === controller) abortRef.current = undefined
      })
    return () => {
      if (!finished) controller.abort()
    }
  }, [run?.id])

  // The clock and the indeterminate bar move while a run is on.
  const running = state.screen === "progress"
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => setTick((n) => n + 1), 250)
    return () => clearInterval(timer)
  }, [running])

  // An explanation cites events; read them once per child-month.
  const [, , child, month] = state.drill.path
  const wantEvents = state.screen === "drill" && child !== undefined && month !== undefined ? eventsKey(state.drill.scenario, child, month) : undefined
  useEffect(() => {
    const s = stateRef.current
    if (wantEvents === undefined || s.eventsRead.includes(wantEvents) || !s.workbench || child === undefined || month === undefined) return
    const runIndex = s.drill.scenario
    const result = s.workbench.runs[runIndex]!.result
    const c = result.ledger.children.find((x) => x.childId === child && x.month === month)
    const ids = c ? eventIdsOf(c) : new Set<string>()
    ;(props.readEvents ?? readEvents)(result, ids, props.store)
      .catch(() => new Map())
      .then((events) => dispatch({ type: "events", scenario: runIndex, key: wantEvents, events }))
  }, [wantEvents])

  const perform = useCallback(
    (c: Command) => {
      switch (c.type) {
        case "quit":
          return quit(c.code)
        case "cancel":
          abortRef.current?.abort()
          if (c.exit) return quit(130)
          return dispatch({ type: "cancelling" })
        case "start":
          return start(c.files)
        case "loadEntries":
          return loadEntries(false)
        default:
          return dispatch(c)
      }
    },
    [quit, start, loadEntries]
  )

  useInput((input: string, key: Key) => {
    const { columns: w, rows: h } = sizeRef.current
    for (const [i, k] of presses(input, key)) {
      // What the key acts on (list lengths, row keys, scroll limits) is read from the current state's view.
      const view = frame(stateRef.current, w, h, clock()).view
      for (const c of keyCommands(stateRef.current, i, k, view, w)) perform(c)
    }
  })

  const f = frame(state, columns, rows, clock(), tick)
  return <Screen rows={f.rows} width={columns} height={rows} />
}
