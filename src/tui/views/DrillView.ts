/**
 * View 4: drill-down. Municipality (a scenario's totals) → provider → group
 * → child → month → every euro explained (ExplainView). Enter goes down a
 * level, Esc or Backspace back up.
 */
import { stackedBar } from "../components/bars"
import { gauge } from "../components/gauge"
import { line, type Row, rowWidth, seg } from "../components/row"
import { cursorOffset, position } from "../components/scroll"
import { sparkline } from "../components/sparkline"
import { cell, tableRow, type Cell } from "../components/table"
import { funderColor } from "../colors"
import { centsToString } from "../../domain/money"
import { cents, childrenOf, groupFlags, groupsOf, monthsOf, occupancySeries, providersOf } from "../drill"
import { fit, money, pct } from "../format"
import { funderLabel } from "./compare/funders"
import { FUNDERS } from "../../domain/policy/types"
import { explainView } from "./ExplainView"
import type { ViewInput, ViewOutput } from "./view"
import { workbenchOf } from "./view"

interface Level {
  readonly info: ReadonlyArray<Row>
  readonly header: ReadonlyArray<Cell>
  readonly rows: ReadonlyArray<{ readonly key: string; readonly cells: ReadonlyArray<Cell> }>
}

const flex = (width: number, fixed: number) => Math.max(8, width - fixed)

export const drillView = (input: ViewInput): ViewOutput => {
  const { state, t, width, height } = input
  const lang = state.lang
  const wb = workbenchOf(state)
  const i = state.drill.scenario
  const run = wb.runs[i]!.result
  const col = wb.compare.scenarios[i]!
  const [provider, group, child, month] = state.drill.path
  const crumbs = [col.id, ...state.drill.path]
  const levelName = [t.drill.levels.municipality, t.drill.levels.provider, t.drill.levels.group, t.drill.levels.child, t.drill.levels.month][state.drill.path.length]!
  const breadcrumb: Row = [seg(`${t.screens.drill}: `, { dim: true }), ...crumbs.flatMap((c, j) => [seg(j > 0 ? " › " : "", { dim: true }), seg(c, { bold: j === crumbs.length - 1, color: "cyan" })]), seg(`  — ${levelName}`, { dim: true })]
  const hints = [
    ["↑/↓", t.hints.move],
    ["Enter", t.hints.down],
    ["Esc", t.hints.up]
  ] as const

  if (month !== undefined && child !== undefined && group !== undefined) {
    const out = explainView(input, run, child, month)
    return { ...out, rows: [breadcrumb, [], ...out.rows], page: Math.max(1, height - 3), hints: [["↑/↓", t.hints.scroll], ["Esc", t.hints.up]] }
  }

  let level: Level
  if (provider === undefined) {
    const rows = providersOf(run, col)
    const funders = FUNDERS.filter((f) => Number(col.funders[f] ?? 0) > 0)
    const total = funders.reduce((a, f) => a + Number(col.funders[f] ?? 0), 0)
    const w = flex(width, 54)
    const most = Math.max(1, ...rows.map((r) => Number(r.costCents)))
    level = {
      info: [
        line(`${col.name}`, { bold: true }),
        line(`${t.metrics.policy} ${col.policy} · ${col.period.from}..${col.period.to} · ${t.metrics.cost} ${money(lang, col.cost)} · ${t.metrics.payments.toLowerCase()} ${money(lang, col.payments)} · ${col.childrenServed} ${t.metrics.children.toLowerCase()}`, { dim: true }),
        [seg(fit(t.sections.funders, 12)), ...stackedBar(funders.map((f) => ({ value: Number(col.funders[f]), color: funderColor(f) })), total, Math.max(10, width - 14))],
        funders.flatMap((f) => [seg("██", { color: funderColor(f) }), seg(` ${funderLabel(t, f)} ${money(lang, col.funders[f]!)}  `)])
      ],
      header: [cell(t.drill.provider, 16), cell(t.sections.groups, 7, "right"), cell(t.metrics.children, 9, "right"), cell(t.drill.cost, 16, "right"), cell("", w)],
      rows: rows.map((p) => ({
        key: p.id,
        cells: [cell(p.id, 16), cell(String(p.groups), 7, "right"), cell(String(p.children), 9, "right"), cell(money(lang, centsToString(p.costCents)), 16, "right"), cell("█".repeat(Math.round((Number(p.costCents) / most) * w)), w, "left", { color: "cyan" })]
      }))
    }
  } else if (group === undefined) {
    const groups = groupsOf(col, provider)
    level = {
      info: [line(`${t.drill.provider} ${provider} · ${t.sections.groups}: ${groups.length} · ${t.drill.cost} ${money(lang, centsToString(groups.reduce((a, g) => a + cents(g.cost), 0n)))}`, { bold: true })],
      header: [cell(t.drill.group, 12), cell(t.drill.location, 10), cell(t.drill.design, 12), cell(t.metrics.children, 8, "right"), cell(t.metrics.occupancy, 9, "right"), cell(t.metrics.coverage, 9, "right"), cell(t.drill.cost, flex(width, 68), "right")],
      rows: groups.map((g) => ({
        key: g.id,
        cells: [cell(g.id, 12), cell(g.location, 10), cell(g.design, 12), cell(String(g.children), 8, "right"), cell(pct(lang, g.occupancy), 9, "right"), cell(pct(lang, g.coverage), 9, "right"), cell(money(lang, g.cost), flex(width, 68), "right")]
      }))
    }
  } else if (child === undefined) {
    const g = col.groups.find((x) => x.id === group)
    const floor = run.scenario.policy.kindplek?.occupancyFloor.value
    const flags = groupFlags(run, group)
    const occ = occupancySeries(run, group)
    const children = childrenOf(run, group)
    level = {
      info: [
        line(`${t.drill.group} ${group} · ${t.drill.provider} ${g?.provider ?? "?"} · ${t.drill.location} ${g?.location ?? "?"} · ${g?.design ?? "?"} · ${t.drill.cost} ${money(lang, g?.cost ?? "0.00")} · ${t.metrics.coverage} ${pct(lang, g?.coverage ?? "0")}`, { bold: true }),
        [seg(fit(t.metrics.occupancy, 12)), ...gauge(Number(g?.occupancy ?? 0), Math.min(40, width - 40), { marker: floor === undefined ? undefined : Number(floor) }), seg(` ${pct(lang, g?.occupancy ?? "0")}  `), sparkline(occ, "cyan"), seg(` ${t.drill.months}`, { dim: true })],
        flags.length === 0 ? [] : line(`⚑ ${flags.length}: ${flags.slice(0, 3).join(" · ")}${flags.length > 3 ? " …" : ""}`, { color: "yellow" })
      ],
      header: [cell(t.drill.child, 14), cell(t.drill.months, 8, "right"), cell(t.drill.hours, 10, "right"), cell(`${t.drill.cost} (${t.drill.group})`, flex(width, 36), "right")],
      rows: children.map((c) => ({
        key: c.id,
        cells: [cell(c.id, 14), cell(String(c.months), 8, "right"), cell(c.hours.toFixed(2), 10, "right"), cell(money(lang, centsToString(c.costCents)), flex(width, 36), "right")]
      }))
    }
  } else {
    const months = monthsOf(run, group, child)
    const total = months.reduce((a, m) => a + m.costCents, 0n)
    level = {
      info: [line(`${t.drill.child} ${child} · ${months.length} ${t.drill.months} · ${t.drill.cost} ${money(lang, centsToString(total))}`, { bold: true })],
      header: [cell(t.drill.month, 8), cell(t.drill.hours, 9, "right"), cell(t.drill.cost, 13, "right"), cell(t.drill.paidBy, flex(width, 34))],
      rows: months.map((m) => ({
        key: m.month,
        cells: [
          cell(m.month, 8),
          cell(m.hours.toFixed(2), 9, "right"),
          cell(money(lang, centsToString(m.costCents)), 13, "right"),
          cell([...m.streamCents].filter(([, v]) => v !== 0n).map(([s, v]) => `${s} ${money(lang, centsToString(v))}`).join(" · "), flex(width, 34), "left", { dim: true })
        ]
      }))
    }
  }

  const cursor = Math.min(state.drill.cursors[state.drill.path.length] ?? 0, Math.max(0, level.rows.length - 1))
  const top: Array<Row> = [breadcrumb, [], ...level.info, []]
  const listHeight = Math.max(1, height - top.length - 1)
  const offset = cursorOffset(level.rows.length, cursor, listHeight)
  const header: Row = [seg(" "), ...tableRow(level.header.map((c) => ({ ...c, style: { bold: true, dim: true } })))]
  const note = position(level.rows.length, offset, listHeight, t.metrics.of)
  const rows: Array<Row> = [...top, note && rowWidth(header) + note.length + 2 <= width ? [...header, seg(`  ${note}`, { dim: true })] : header]
  if (level.rows.length === 0) rows.push(line(t.drill.empty, { dim: true }))
  for (const [j, r] of level.rows.slice(offset, offset + listHeight).entries()) {
    const here = offset + j === cursor
    rows.push([seg(here ? "▸" : " ", { color: "cyan", bold: true }), ...tableRow(r.cells.map((c, k) => (here && k === 0 ? { ...c, style: { ...c.style, inverse: true, bold: true } } : c)))])
  }
  return { rows, list: level.rows.length, keys: level.rows.map((r) => r.key), page: listHeight, hints }
}
