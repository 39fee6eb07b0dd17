/** View 5: every parameter and policy difference between the focused scenario and the baseline, baseline value beside scenario value. */
import { line, type Row, seg } from "../components/row"
import { cursorOffset, position } from "../components/scroll"
import { cell, tableRow } from "../components/table"
import { wrap } from "../format"
import type { ViewInput, ViewOutput } from "./view"
import { workbenchOf } from "./view"

export const differsView = ({ state, t, width, height }: ViewInput): ViewOutput => {
  const wb = workbenchOf(state)
  const focus = state.compare.focus
  const base = wb.compare.scenarios[state.baseline]!
  const scenario = wb.compare.scenarios[focus]!
  const items = wb.compare.differences[focus]?.items ?? []
  const hints = [
    ["↑/↓", t.hints.move],
    ["←/→", t.hints.focus],
    ["Esc", t.hints.back]
  ] as const
  const detailHeight = 4
  const listHeight = Math.max(1, height - 3 - detailHeight)
  const cursor = Math.max(0, Math.min(state.differs.cursor, items.length - 1))
  const offset = cursorOffset(items.length, cursor, listHeight)
  const title: Row = [
    seg(t.differs.heading(`◆ ${base.id}`, scenario.id), { bold: true }),
    seg(` · ${t.differs.count(items.length)}`, { dim: true }),
    seg(`   (${focus + 1}/${wb.compare.scenarios.length})`, { dim: true }),
    seg(`  ${position(items.length, offset, listHeight, t.metrics.of)}`, { dim: true })
  ]
  if (focus === state.baseline) return { rows: [title, [], line(t.differs.isBaseline, { color: "yellow" })], page: 1, hints }
  if (items.length === 0) return { rows: [title, [], line(t.differs.none, { color: "green" })], page: 1, hints }
  const valueWidth = Math.max(10, Math.floor((width - 4) * 0.27))
  const pathWidth = Math.max(16, width - 4 - valueWidth * 2)
  const rows: Array<Row> = [
    title,
    [seg(" "), ...tableRow([cell(t.differs.path, pathWidth, "left", { bold: true, dim: true }), cell(`◆ ${base.id}`, valueWidth, "left", { bold: true, color: "cyan" }), cell(scenario.id, valueWidth, "left", { bold: true })])]
  ]
  for (const [j, d] of items.slice(offset, offset + listHeight).entries()) {
    const here = offset + j === cursor
    rows.push([
      seg(here ? "▸" : " ", { color: "cyan", bold: true }),
      ...tableRow([
        cell(d.path, pathWidth, "left", here ? { inverse: true, bold: true } : {}),
        cell(d.baseline ?? t.differs.absent, valueWidth, "left", { dim: d.baseline === null, color: d.baseline === null ? undefined : "cyan" }),
        cell(d.scenario ?? t.differs.absent, valueWidth, "left", { dim: d.scenario === null, color: d.scenario === null ? undefined : "yellow" })
      ])
    ])
  }
  while (rows.length < height - detailHeight) rows.push([])
  // The chosen difference in full, for paths and values too long for the table.
  const d = items[cursor]!
  const detail = [
    ...wrap(d.path, width).map((l) => line(l, { bold: true })),
    ...wrap(`◆ ${base.id}: ${d.baseline ?? t.differs.absent}`, width).map((l) => line(l, { color: "cyan" })),
    ...wrap(`${scenario.id}: ${d.scenario ?? t.differs.absent}`, width).map((l) => line(l, { color: "yellow" }))
  ]
  rows.push([seg("─".repeat(width), { dim: true })], ...detail.slice(0, detailHeight - 1))
  return { rows, list: items.length, page: listHeight, hints }
}
