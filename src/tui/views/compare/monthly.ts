/** The monthly series: a stacked column chart per funder for the focused scenario, and a sparkline per funder and per scenario. */
import { type Row, seg } from "../../components/row"
import { sparkline, stackedColumns } from "../../components/sparkline"
import { deltaColor, funderColor } from "../../colors"
import { fit, money, rfit, shortMoney, signedMoney } from "../../format"
import { funderLabel, fundersIn, legend } from "./funders"
import { heading, scenarioLabel, type SectionInput } from "./section"
import { centsToString } from "../../../domain/money"
import { cents } from "../../drill"

const stretch = (values: ReadonlyArray<number>, k: number) => values.flatMap((v) => Array.from({ length: k }, () => v))

export const monthlySection = (input: SectionInput): Array<Row> => {
  const { doc, lang, t, width, focus } = input
  const s = doc.scenarios[focus]!
  const funders = fundersIn(input)
  const monthTotal = (m: (typeof s.monthly)[number]) => funders.reduce((a, f) => a + Math.max(0, Number(m.funders[f] ?? 0)), 0)
  const max = Math.max(1, ...doc.scenarios.flatMap((x) => x.monthly.map(monthTotal)))
  const axisWidth = Math.max(...[max, max / 2].map((v) => shortMoney(lang, v).length)) + 2
  const months = s.monthly.length
  const colWidth = Math.max(1, Math.min(8, Math.floor((width - axisWidth) / Math.max(1, months))))
  const gap = colWidth >= 2 ? 1 : 0
  const barWidth = colWidth - gap
  const height = Math.max(4, Math.min(14, Math.floor(input.height * 0.45)))
  const chart = stackedColumns(
    s.monthly.map((m) => ({ label: m.month, parts: funders.map((f) => ({ value: Number(m.funders[f] ?? 0), color: funderColor(f) })) })),
    max,
    height,
    barWidth,
    gap
  )
  const rows: Array<Row> = [heading(t.compare.monthlyOf(s.id))]
  chart.forEach((r, i) => {
    const label = i === 0 ? shortMoney(lang, max) : i === Math.floor(height / 2) ? shortMoney(lang, max / 2) : ""
    rows.push([seg(rfit(label, axisWidth - 2), { dim: true }), seg(i === 0 || i === Math.floor(height / 2) ? " ┤" : " │", { dim: true }), ...r])
  })
  rows.push([seg(rfit(shortMoney(lang, 0), axisWidth - 2), { dim: true }), seg(` └${"─".repeat(Math.max(0, colWidth * months))}`, { dim: true })])
  const every = colWidth >= 3 ? 1 : colWidth === 2 ? 2 : 3
  const labels = Array.from({ length: colWidth * months }, () => " ")
  s.monthly.forEach((m, i) => {
    if (i % every === 0) Array.from(m.month.slice(5)).forEach((ch, j) => i * colWidth + j < labels.length && (labels[i * colWidth + j] = ch))
  })
  rows.push([seg(" ".repeat(axisWidth)), seg(labels.join(""), { dim: true })])
  rows.push(...legend(funders.map((f) => ({ label: funderLabel(t, f), color: funderColor(f) })), width))
  rows.push([])
  // A sparkline per funder over the months, its total, and the change against the baseline.
  const labelWidth = Math.min(26, Math.max(12, Math.floor(width * 0.3)))
  const k = Math.max(1, Math.min(4, Math.floor((width - labelWidth - 34) / Math.max(1, months))))
  const base = doc.scenarios[input.baseline]!
  rows.push([seg(fit(t.compare.perFunder, labelWidth), { bold: true }), seg(" ".repeat(months * k + 1)), seg(rfit(t.metrics.total, 15), { dim: true }), seg(rfit(t.metrics.delta, 16), { dim: true })])
  const totalOf = (x: typeof s, f: string) => x.monthly.reduce((a, m) => a + cents(m.funders[f] ?? "0.00"), 0n)
  for (const f of funders) {
    const total = totalOf(s, f)
    const delta = centsToString(total - totalOf(base, f))
    rows.push([
      seg("██ ", { color: funderColor(f) }),
      seg(fit(funderLabel(t, f), labelWidth - 4)),
      seg(" "),
      sparkline(stretch(s.monthly.map((m) => Number(m.funders[f] ?? 0)), k), funderColor(f)),
      seg(" "),
      seg(rfit(money(lang, centsToString(total)), 15)),
      focus === input.baseline ? seg(rfit(t.baseline, 16), { dim: true }) : seg(rfit(signedMoney(lang, delta), 16), { color: deltaColor(delta) })
    ])
  }
  rows.push([])
  rows.push([seg(fit(t.compare.costPerMonth, labelWidth), { bold: true })])
  for (const [i, x] of doc.scenarios.entries())
    rows.push([
      ...scenarioLabel(input, i, labelWidth),
      sparkline(stretch(x.monthly.map((m) => Number(m.cost)), k), i === focus ? "cyan" : undefined),
      seg(" "),
      seg(rfit(money(lang, x.cost), 15))
    ])
  return rows
}
