/** Who pays: a stacked bar per scenario (one scale), then each funder and stream side by side with deltas. */
import { FUNDERS } from "../../../domain/policy/types"
import { stackedBar } from "../../components/bars"
import { type Row, type Seg, seg, textWidth } from "../../components/row"
import { deltaColor, funderColor } from "../../colors"
import { money, rfit, signedMoney } from "../../format"
import { streamLabel, type Labels } from "../../i18n"
import { columnsFor, heading, labelWidth, metricRow, scenarioHeader, scenarioLabel, type SectionInput } from "./section"

/** The funders paying anything in any scenario, in the document's order. */
export const fundersIn = (input: SectionInput): Array<string> =>
  FUNDERS.filter((f) => input.doc.scenarios.some((s) => s.funders[f] !== undefined && Number(s.funders[f]) !== 0))

export const funderLabel = (t: Labels, f: string): string => (t.funders as Record<string, string>)[f] ?? f

/** Legend entries wrapped to the width. */
export const legend = (items: ReadonlyArray<{ label: string; color: string }>, width: number): Array<Row> => {
  const rows: Array<Array<Seg>> = [[]]
  let used = 0
  for (const it of items) {
    const w = textWidth(it.label) + 4
    if (used > 0 && used + w > width) {
      rows.push([])
      used = 0
    }
    rows[rows.length - 1]!.push(seg("██", { color: it.color }), seg(` ${it.label}  `))
    used += w
  }
  return rows
}

export const fundersSection = (input: SectionInput): Array<Row> => {
  const { doc, lang, t } = input
  const funders = fundersIn(input)
  const rows: Array<Row> = [heading(`${t.sections.funders} — ${t.compare.scale}`)]
  const totals = doc.scenarios.map((s) => funders.reduce((a, f) => a + Math.max(0, Number(s.funders[f] ?? 0)), 0))
  const max = Math.max(0, ...totals)
  const idWidth = labelWidth(input)
  const amountWidth = 15
  const barWidth = Math.max(8, input.width - idWidth - amountWidth - 2)
  for (const [i, s] of doc.scenarios.entries()) {
    const parts = funders.map((f) => ({ value: Number(s.funders[f] ?? 0), color: funderColor(f) }))
    rows.push([
      ...scenarioLabel(input, i, idWidth),
      seg(" "),
      ...stackedBar(parts, max, barWidth),
      seg(" "),
      seg(rfit(money(lang, s.payments), amountWidth))
    ])
  }
  rows.push(...legend(funders.map((f) => ({ label: funderLabel(t, f), color: funderColor(f) })), input.width))
  rows.push([])
  const c = columnsFor(input)
  rows.push(scenarioHeader(input, c, t.compare.perFunder))
  for (const f of funders) {
    rows.push([seg("██ ", { color: funderColor(f) }), ...metricRow({ ...c, labelWidth: c.labelWidth - 3 }, funderLabel(t, f), (i) => ({ text: money(lang, doc.scenarios[i]!.funders[f] ?? "0.00") }))])
    rows.push(
      metricRow(c, `   ${t.metrics.delta}`, (i) => {
        const d = doc.deltas[i]!.funders[f] ?? "0.00"
        return i === input.baseline ? { text: t.baseline, dim: true } : { text: signedMoney(lang, d), color: deltaColor(d) }
      }, { dim: true })
    )
  }
  rows.push([])
  rows.push(scenarioHeader(input, c, t.compare.perStream))
  const streams = [...new Set(doc.scenarios.flatMap((s) => Object.keys(s.streams)))]
  const labelOf = new Map(input.workbench.runs.flatMap((r) => r.result.scenario.policy.streams.map((s) => [s.name, s.label] as const)))
  for (const s of streams)
    rows.push(
      metricRow(c, streamLabel(lang, s, labelOf.get(s)), (i) => {
        const v = doc.scenarios[i]!.streams[s]
        return v === undefined ? { text: "—", dim: true } : { text: money(lang, v) }
      })
    )
  return rows
}
