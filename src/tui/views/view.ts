/** What every view gets (the state, labels, the body's size) and gives back (its rows and how far it can move). */
import type { Workbench } from "../../app/workbench"
import type { Row } from "../components/row"
import type { Labels } from "../i18n"
import type { State } from "../state"

export interface ViewInput {
  readonly state: State
  readonly t: Labels
  readonly width: number
  readonly height: number
  /** Milliseconds since the run started (progress view), for the time estimate. */
  readonly now?: number
  /** A counter that moves the indeterminate progress bar. */
  readonly tick?: number
}

export interface ViewOutput {
  readonly rows: ReadonlyArray<Row>
  /** Length of the list the cursor moves in, if any. */
  readonly list?: number
  /** The key of each list row, for going down a level with Enter. */
  readonly keys?: ReadonlyArray<string>
  /** Largest scroll offset, if the view scrolls. */
  readonly maxScroll?: number
  /** Rows in a page (PgUp/PgDn). */
  readonly page: number
  /** Keys for the status line: [key, what it does]. */
  readonly hints: ReadonlyArray<readonly [string, string]>
}

export const workbenchOf = (s: State): Workbench => {
  if (!s.workbench) throw new Error("no workbench: run scenarios first")
  return s.workbench
}
