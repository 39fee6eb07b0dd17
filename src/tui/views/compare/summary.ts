/** The comparison's totals: cost, payments, children served and waiting, cost per child and hour, occupancy, with deltas. */
import { type Row, seg } from "../../components/row"
import { deltaColor } from "../../colors"
import { money, pct, period, rfit, signedCount, signedMoney, signedPoints, wrap } from "../../format"
import { columnsFor, heading, labelWidth, metricRow, scenarioHeader, scenarioLabel, type SectionInput } from "./section"

export const summarySection = (input: SectionInput): Array<Row> => {
  const { doc, lang, t, baseline } = input
  const c = columnsFor(input)
  const col = (i: number) => doc.scenarios[i]!
  const d = (i: number) => doc.deltas[i]!
  const isBase = (i: number) => i === baseline
  const deltaCell = (i: number, text: string, color: string | undefined) => (isBase(i) ? { text: t.baseline, dim: true } : { text, color })
  const sub = { dim: true }
  const rows: Array<Row> = [
    scenarioHeader(input, c),
    metricRow(c, t.metrics.policy, (i) => ({ text: col(i).policy, dim: true })),
    metricRow(c, t.metrics.period, (i) => ({ text: period(col(i).period.from, col(i).period.to), dim: true })),
    [],
    metricRow(c, t.metrics.cost, (i) => ({ text: money(lang, col(i).cost) }), { bold: true }),
    metricRow(c, `  ${t.metrics.delta}`, (i) => deltaCell(i, signedMoney(lang, d(i).cost), deltaColor(d(i).cost)), sub),
    metricRow(c, t.metrics.payments, (i) => ({ text: money(lang, col(i).payments) })),
    metricRow(c, `  ${t.metrics.delta}`, (i) => deltaCell(i, signedMoney(lang, d(i).payments), deltaColor(d(i).payments)), sub),
    metricRow(c, t.metrics.hours, (i) => ({ text: col(i).hours })),
    [],
    metricRow(c, t.metrics.served, (i) => ({ text: String(col(i).childrenServed) })),
    metricRow(c, `  ${t.metrics.delta}`, (i) => deltaCell(i, signedCount(d(i).childrenServed), deltaColor(d(i).childrenServed, true)), sub),
    metricRow(c, t.metrics.waiting, (i) => ({ text: String(col(i).childrenWaiting), color: col(i).childrenWaiting > 0 ? "yellow" : undefined })),
    metricRow(c, `  ${t.metrics.delta}`, (i) => deltaCell(i, signedCount(d(i).childrenWaiting), deltaColor(d(i).childrenWaiting)), sub),
    metricRow(c, t.metrics.everWaiting, (i) => ({ text: String(col(i).childrenEverWaiting) })),
    [],
    metricRow(c, t.metrics.perChild, (i) => ({ text: money(lang, col(i).costPerChild) })),
    metricRow(c, `  ${t.metrics.delta}`, (i) => deltaCell(i, signedMoney(lang, d(i).costPerChild), deltaColor(d(i).costPerChild)), sub),
    metricRow(c, t.metrics.perHour, (i) => ({ text: money(lang, col(i).costPerChildHour) })),
    metricRow(c, `  ${t.metrics.delta}`, (i) => deltaCell(i, signedMoney(lang, d(i).costPerChildHour), deltaColor(d(i).costPerChildHour)), sub),
    metricRow(c, t.metrics.occupancy, (i) => ({ text: pct(lang, col(i).occupancy) })),
    metricRow(c, `  ${t.metrics.delta}`, (i) => deltaCell(i, signedPoints(lang, d(i).occupancy), deltaColor(d(i).occupancy, true)), sub),
    [],
    metricRow(c, t.metrics.violations, (i) => ({ text: String(col(i).violations), color: col(i).violations > 0 ? "red" : "green" })),
    metricRow(c, t.metrics.assumptions, (i) => ({ text: String(col(i).assumptions), dim: true })),
    [],
    heading(`${t.metrics.children}: ${t.compare.served} █ · ${t.compare.waiting} ▒`)
  ]
  // Children served and waiting per scenario, on one scale.
  const most = Math.max(1, ...doc.scenarios.map((s) => s.childrenServed + s.childrenWaiting))
  const idWidth = labelWidth(input)
  const barWidth = Math.max(6, input.width - idWidth - 16)
  for (const [i, s] of doc.scenarios.entries()) {
    const served = Math.round((s.childrenServed / most) * barWidth)
    const waiting = Math.round((s.childrenWaiting / most) * barWidth)
    rows.push([
      ...scenarioLabel(input, i, idWidth),
      seg(" "),
      seg("█".repeat(served), { color: "green" }),
      seg("▒".repeat(waiting), { color: "yellow" }),
      seg(" ".repeat(Math.max(0, barWidth - served - waiting))),
      seg(rfit(`${s.childrenServed}`, 5)),
      seg(rfit(`${s.childrenWaiting}`, 5), { color: s.childrenWaiting > 0 ? "yellow" : undefined, dim: s.childrenWaiting === 0 })
    ])
  }
  for (const w of doc.warnings) rows.push([], ...wrap(`${t.compare.warning}: ${w}`, input.width).map((l): Row => [seg(l, { color: "yellow" })]))
  return rows
}
