/** View 1: a checklist of scenario files with their names; Enter runs the chosen ones. */
import { cursorOffset, position } from "../components/scroll"
import { line, type Row, seg } from "../components/row"
import { fit } from "../format"
import type { ViewInput, ViewOutput } from "./view"

export const pickerView = ({ state, t, width, height }: ViewInput): ViewOutput => {
  const { entries, cursor, selected } = state.picker
  const hints = [
    ["↑/↓", t.hints.move],
    ["Space", t.hints.toggle],
    ["a", t.hints.all],
    ["Enter", t.hints.run]
  ] as const
  if (entries === undefined) return { rows: [line(t.picker.heading, { bold: true }), [], line(t.picker.loading, { dim: true })], page: 1, hints }
  if (entries.length === 0) return { rows: [line(t.picker.heading, { bold: true }), [], line(t.picker.none, { color: "yellow" })], page: 1, hints }
  const count = t.picker.selected(selected.length, entries.length)
  const listHeight = Math.max(1, height - 3)
  const offset = cursorOffset(entries.length, cursor, listHeight)
  const idWidth = Math.min(32, Math.max(12, ...entries.map((e) => e.id.length)) + 2)
  const rows: Array<Row> = [
    [seg(fit(t.picker.heading, Math.max(10, width - count.length - 2)), { bold: true }), seg("  "), seg(count, { color: "cyan" })],
    line(position(entries.length, offset, listHeight, t.metrics.of), { dim: true })
  ]
  for (const [i, e] of entries.slice(offset, offset + listHeight).entries()) {
    const index = offset + i
    const here = index === cursor
    const on = selected.includes(e.file)
    rows.push([
      seg(here ? "▸ " : "  ", { color: "cyan", bold: true }),
      seg(on ? "[x] " : "[ ] ", { color: on ? "green" : undefined, bold: on }),
      seg(fit(e.id, idWidth), { bold: here, inverse: here }),
      seg(" "),
      seg(e.problem ? `${t.picker.invalid}: ${e.name}` : e.name, e.problem ? { color: "red" } : { dim: !here })
    ])
  }
  return { rows, list: entries.length, page: listHeight, hints }
}
