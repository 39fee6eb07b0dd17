/** Budget gauges: each budget line, how much of it every scenario uses; an overrun is marked. */
import { gauge } from "../../components/gauge"
import { line, type Row, seg } from "../../components/row"
import { money, pct, rfit } from "../../format"
import { heading, labelWidth, scenarioLabel, type SectionInput } from "./section"

export const budgetsSection = (input: SectionInput): Array<Row> => {
  const { doc, lang, t, width } = input
  const lines = [...new Map(doc.scenarios.flatMap((s) => s.budgets.map((b) => [`${b.id}|${b.year}`, b] as const))).values()]
  const rows: Array<Row> = [heading(t.sections.budgets)]
  if (lines.length === 0) return [...rows, line(t.compare.noBudgets, { dim: true })]
  const idWidth = labelWidth(input)
  const oneRow = width >= 110
  const gaugeWidth = Math.max(10, oneRow ? width - idWidth - 2 - 9 - 48 : width - idWidth - 2 - 9 - 14)
  for (const b of lines) {
    rows.push([])
    rows.push([seg(`${b.id}`, { bold: true }), seg(` · ${b.label} · ${b.year}`, { dim: true })])
    for (const [i, s] of doc.scenarios.entries()) {
      const use = s.budgets.find((x) => x.id === b.id && x.year === b.year)
      const name = [seg("  "), ...scenarioLabel(input, i, idWidth)]
      if (use === undefined) {
        rows.push([...name, seg(" —", { dim: true })])
        continue
      }
      const share = Number(use.usedShare)
      const flag = use.overrun ? seg(` ▲ ${t.metrics.overrun}`, { color: "red", bold: true }) : seg("")
      const amounts = `${money(lang, use.used)} ${t.metrics.of} ${money(lang, use.budget)} · ${t.metrics.headroom} ${money(lang, use.headroom)}`
      const head = [...name, seg(" "), ...gauge(share, gaugeWidth, { color: share > 0.9 ? "yellow" : "green" }), seg(rfit(pct(lang, use.usedShare), 9), { color: use.overrun ? "red" : undefined, bold: use.overrun })]
      if (oneRow) rows.push([...head, seg("  "), seg(amounts, { dim: true }), flag])
      else rows.push([...head, flag], [seg(" ".repeat(idWidth + 3)), seg(amounts, { dim: true })])
    }
  }
  return rows
}
