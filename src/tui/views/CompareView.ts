/**
 * View 3: the comparison. Sections (totals, funders, budgets, groups,
 * monthly) chosen with Tab or 1–5; on a wide window two sections stand side
 * by side. Each section scrolls in a window sized from the terminal's rows.
 */
import { beside, type Row, seg } from "../components/row"
import { maxScroll, position, windowAt } from "../components/scroll"
import { box } from "../components/box"
import { overlay } from "../components/row"
import { SECTIONS, type Section } from "../state"
import type { ViewInput, ViewOutput } from "./view"
import { workbenchOf } from "./view"
import { budgetsSection } from "./compare/budgets"
import { fundersSection } from "./compare/funders"
import { groupsSection } from "./compare/groups"
import { monthlySection } from "./compare/monthly"
import { type SectionInput, shortIds } from "./compare/section"
import { summarySection } from "./compare/summary"
import { fit } from "../format"

const BUILD: Readonly<Record<Section, (input: SectionInput) => Array<Row>>> = {
  summary: summarySection,
  funders: fundersSection,
  budgets: budgetsSection,
  groups: groupsSection,
  monthly: monthlySection
}

/** Width from which two sections stand side by side. */
export const WIDE = 150

/** The sections on screen together: pairs on a wide window (monthly alone, for its chart), else one. */
export const pageOf = (section: number, width: number): ReadonlyArray<number> => {
  if (width < WIDE) return [section]
  const pages = [[0, 1], [2, 3], [4]]
  return pages.find((p) => p.includes(section)) ?? [section]
}

/** Tab from `section`: the first section of the next (or previous) page. */
export const nextSection = (section: number, width: number, delta: 1 | -1): number => {
  const page = pageOf(section, width)
  const n = SECTIONS.length
  if (delta === 1) return (page[page.length - 1]! + 1) % n
  const before = (page[0]! - 1 + n) % n
  return pageOf(before, width)[0]!
}

const tabs = (input: ViewInput, page: ReadonlyArray<number>, note: string): Row => {
  const { t, width } = input
  const out: Array<ReturnType<typeof seg>> = []
  SECTIONS.forEach((s, i) => {
    const on = page.includes(i)
    out.push(seg(` ${i + 1} ${t.sections[s]} `, on ? { inverse: true, bold: true, color: "cyan" } : { dim: true }), seg(" "))
  })
  const used = out.reduce((a, s) => a + Array.from(s.text).length, 0)
  if (note && used + note.length + 1 < width) out.push(seg(" ".repeat(width - used - note.length)), seg(note, { dim: true }))
  return out
}

const chooser = (input: ViewInput, body: ReadonlyArray<Row>): Array<Row> => {
  const { state, t, width } = input
  const wb = workbenchOf(state)
  const idWidth = Math.min(28, Math.max(8, ...wb.runs.map((r) => r.id.length)))
  const w = Math.min(width - 4, Math.max(40, ...wb.runs.map((r) => idWidth + r.result.scenario.spec.name.length + 9)))
  const items = wb.runs.map((r, i): Row => {
    const here = i === state.chooser?.cursor
    return [
      seg(here ? "▸ " : "  ", { color: "cyan" }),
      seg(i === state.baseline ? "◆ " : "  ", { color: "cyan" }),
      seg(fit(r.id, idWidth), { inverse: here, bold: here }),
      seg(` ${r.result.scenario.spec.name}`, { dim: true })
    ]
  })
  const b = box(t.compare.chooseBaseline, items, w, `Enter ${t.hints.pick} · Esc ${t.hints.back}`)
  return overlay(body, b, Math.max(0, Math.floor((width - w) / 2)), 2, width)
}

export const compareView = (input: ViewInput): ViewOutput => {
  const { state, t, width, height } = input
  const wb = workbenchOf(state)
  const page = pageOf(state.compare.section, width)
  const bodyHeight = Math.max(1, height - 2)
  const gap = 3
  const paneWidth = page.length === 1 ? width - 1 : Math.floor((width - gap * (page.length - 1) - 1) / page.length)
  const sectionInput: SectionInput = { workbench: wb, doc: wb.compare, baseline: state.baseline, focus: state.compare.focus, lang: state.lang, t, width: paneWidth, height: bodyHeight, names: shortIds(wb.compare.scenarios.map((s) => s.id)) }
  const contents = page.map((i) => BUILD[SECTIONS[i]!](sectionInput))
  const longest = Math.max(...contents.map((c) => c.length))
  const max = maxScroll(longest, bodyHeight)
  const offset = Math.min(state.compare.scroll, max)
  const panes = contents.map((c) => ({ rows: windowAt(c, offset, bodyHeight), width: paneWidth }))
  let rows: Array<Row> = [tabs(input, page, position(longest, offset, bodyHeight, t.metrics.of)), [], ...beside(panes, gap)]
  if (state.chooser) rows = chooser(input, rows)
  const hints = [
    ["Tab", t.hints.sections],
    ["←/→", t.hints.focus],
    ["Enter", t.hints.drill],
    ["b", t.hints.baseline],
    ["w", t.hints.differs]
  ] as const
  return state.chooser
    ? { rows, list: wb.runs.length, page: bodyHeight, hints: [["↑/↓", t.hints.move], ["Enter", t.hints.pick], ["Esc", t.hints.back]] }
    : { rows, maxScroll: max, page: Math.max(1, bodyHeight - 1), hints }
}
