/**
 * The bottom of the drill-down: every euro of one child-month, with the rule,
 * its source, the formula with the numbers put in, the parameters read (with
 * their validity) and the events behind it (src/output/explainText.ts).
 */
import { explanation, groupMonthsOf } from "../../output/explainText"
import type { RunResult } from "../../scenario/run"
import { line, type Row, seg } from "../components/row"
import { maxScroll, position, windowAt } from "../components/scroll"
import { money, wrap } from "../format"
import { streamLabel } from "../i18n"
import { eventsKey } from "../state"
import type { ViewInput } from "./view"

const wrapped = (text: string, width: number, indent: string, style: Parameters<typeof line>[1] = {}): Array<Row> =>
  wrap(`${indent}${text}`, width, `${indent}  `).map((l) => line(l, style))

const explanationRows = (input: ViewInput, run: RunResult, childId: string, month: string): Array<Row> => {
  const { state, t, width } = input
  const lang = state.lang
  const c = run.ledger.children.find((x) => x.childId === childId && x.month === month)
  if (c === undefined) return [line(t.drill.empty, { dim: true })]
  const read = state.eventsRead.includes(eventsKey(state.drill.scenario, childId, month))
  const x = explanation(c, groupMonthsOf(run.ledger.groups, c), state.events.get(state.drill.scenario) ?? new Map())
  const labelOf = new Map(run.scenario.policy.streams.map((s) => [s.name, s.label] as const))
  const rows: Array<Row> = [
    line(`${t.drill.child} ${x.child}, ${x.month}: ${x.hours} ${t.drill.hours}, ${t.drill.cost} ${money(lang, x.cost)}`, { bold: true }),
    ...wrapped(`${t.drill.layers}: ${Object.entries(x.layers).map(([k, v]) => `${k} ${money(lang, v)}`).join(", ")}`, width, "  "),
    ...wrapped(`${t.drill.paidBy}: ${Object.entries(x.streams).map(([k, v]) => `${k} ${money(lang, v)}`).join(", ")} ${t.drill.ledgerNote}`, width, "  ")
  ]
  if (!read) rows.push(line(`  ${t.drill.loadingEvents}`, { color: "yellow" }))
  for (const l of x.lines) {
    rows.push([])
    rows.push([seg("● ", { color: "cyan" }), seg(t.drill.pays(streamLabel(lang, l.stream, labelOf.get(l.stream)), money(lang, l.amount), l.layer, l.rule), { bold: true })])
    rows.push(...wrapped(l.description, width, "  "))
    rows.push(...wrapped(`${t.drill.source}: ${l.source}`, width, "  ", { color: "cyan" }))
    for (const f of l.formula) rows.push(...wrapped(f, width, "    ", { color: "green" }))
    for (const p of l.parameters)
      rows.push(
        ...wrapped(
          `${t.drill.parameter} ${p.path} = ${p.value}${p.validFrom ? ` (${t.drill.valid} ${p.validFrom}..${p.validUntil})` : ""}${p.assumption ? ` [${t.drill.assumption}]` : ""} — ${p.source}`,
          width,
          "  ",
          p.assumption ? { color: "yellow" } : {}
        )
      )
    for (const e of l.events) rows.push(...wrapped(`${t.drill.event} ${e.type} ${e.validTime} (${t.drill.recorded} ${e.recordedTime}) ${e.id} — ${e.source}`, width, "  ", { dim: true }))
  }
  for (const g of x.groups) {
    rows.push([], line(t.drill.groupMonth(g.id), { bold: true }))
    for (const f of g.formula) rows.push(...wrapped(f, width, "    ", { color: "green" }))
    for (const f of g.flags) rows.push(...wrapped(`⚑ ${f}`, width, "  ", { color: "yellow" }))
  }
  return rows
}

export const explainView = (input: ViewInput, run: RunResult, childId: string, month: string) => {
  const height = Math.max(1, input.height - 3)
  const rows = explanationRows(input, run, childId, month)
  const max = maxScroll(rows.length, height)
  const offset = Math.min(input.state.drill.scroll, max)
  return { rows: [...windowAt(rows, offset, height), line(position(rows.length, offset, height, input.t.metrics.of), { dim: true })], maxScroll: max }
}
