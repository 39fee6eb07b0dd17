/** When a run stops on an error: the message in full (file, line and field), and the way back. */
import { line, type Row } from "../components/row"
import { wrap } from "../format"
import type { ViewInput, ViewOutput } from "./view"

export const errorView = ({ state, t, width, height }: ViewInput): ViewOutput => {
  const message = (state.error ?? "").split("\n").flatMap((l) => wrap(l, width, "  "))
  const rows: Array<Row> = [line(t.errors.heading, { bold: true, color: "red" }), [], ...message.slice(0, Math.max(1, height - 4)).map((l) => line(l)), [], line(t.errors.back, { dim: true })]
  return { rows, page: 1, hints: [["Enter", t.hints.picker]] }
}
