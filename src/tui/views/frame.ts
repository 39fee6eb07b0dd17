/** A whole frame: header, the view's body, the status line; exactly the window's size. */
import { fill, line, type Row } from "../components/row"
import { withHelp } from "../components/helpOverlay"
import { headerRow, statusRow } from "../components/statusLine"
import { labels } from "../i18n"
import type { State } from "../state"
import { compareView } from "./CompareView"
import { differsView } from "./DiffersView"
import { drillView } from "./DrillView"
import { errorView } from "./ErrorView"
import { pickerView } from "./PickerView"
import { progressView } from "./ProgressView"
import type { ViewInput, ViewOutput } from "./view"

const MIN_WIDTH = 60
const MIN_HEIGHT = 16

const VIEWS = { picker: pickerView, progress: progressView, compare: compareView, drill: drillView, differs: differsView, error: errorView } as const

export interface Frame {
  readonly rows: ReadonlyArray<Row>
  readonly view: ViewOutput
}

export const frame = (state: State, width: number, height: number, now = 0, tick = 0): Frame => {
  const t = labels(state.lang)
  if (width < MIN_WIDTH || height < MIN_HEIGHT) {
    const view: ViewOutput = { rows: [], page: 1, hints: [] }
    return { rows: fill([line(t.tooSmall(width, height), { color: "yellow" })], height), view }
  }
  const bodyHeight = height - 2
  const input: ViewInput = { state, t, width, height: bodyHeight, now, tick }
  const view = VIEWS[state.screen](input)
  const wb = state.workbench
  const right = [
    wb && state.screen !== "picker" && state.screen !== "progress" ? `◆ ${t.baseline}: ${wb.compare.scenarios[state.baseline]?.id ?? "?"}` : "",
    state.lang
  ].filter((x) => x !== "").join(" · ")
  let body = fill(view.rows, bodyHeight)
  let out = view
  if (state.help.open) {
    const help = withHelp(body, t, state.screen, width, bodyHeight, state.help.scroll)
    body = help.rows
    out = { ...view, maxScroll: help.maxScroll, page: Math.max(1, bodyHeight - 3), hints: [["Esc", t.hints.back]] }
  }
  const notice = state.screen === "picker" && state.notice ? (state.notice === "cancelled" ? t.progress.cancelled : t.picker.nothingSelected) : undefined
  const roomy = width >= 120
  const status = notice ? statusRow(out.hints, notice, width, { color: "yellow" }) : statusRow(out.hints, roomy ? t.readOnly : t.readOnlyShort, width)
  return { rows: [headerRow(t, t.screens[state.screen], right, width), ...body, status], view: out }
}
