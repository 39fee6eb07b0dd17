/** Occupancy per group, scenarios side by side, with the policy's occupancy floor marked on each gauge. */
import { gauge } from "../../components/gauge"
import { line, type Row, seg } from "../../components/row"
import { money, pct, rfit } from "../../format"
import { heading, labelWidth, scenarioLabel, type SectionInput } from "./section"

export const groupsSection = (input: SectionInput): Array<Row> => {
  const { doc, lang, t, width, workbench } = input
  const groups = [...new Map(doc.scenarios.flatMap((s) => s.groups.map((g) => [g.id, g] as const))).values()].sort((a, b) => (a.id < b.id ? -1 : 1))
  const rows: Array<Row> = [heading(`${t.sections.groups} — ${t.metrics.occupancy.toLowerCase()}`)]
  if (groups.length === 0) return [...rows, line(t.compare.noGroups, { dim: true })]
  const idWidth = labelWidth(input)
  const oneRow = width >= 110
  const gaugeWidth = Math.max(10, oneRow ? width - idWidth - 2 - 9 - 60 : width - idWidth - 2 - 9 - 2)
  const floors = workbench.runs.map((r) => r.result.scenario.policy.kindplek?.occupancyFloor.value?.toString())
  const oneFloor = new Set(floors).size === 1 ? floors[0] : undefined
  if (oneFloor !== undefined) rows.push([seg(`│ ${t.metrics.floor} ${pct(lang, oneFloor, 0)}`, { color: "yellow" })])
  for (const g of groups) {
    rows.push([])
    rows.push([seg(g.id, { bold: true }), seg(` · ${t.drill.provider} ${g.provider} · ${t.drill.location} ${g.location} · ${g.design}`, { dim: true })])
    for (const [i, s] of doc.scenarios.entries()) {
      const x = s.groups.find((y) => y.id === g.id)
      const name = [seg("  "), ...scenarioLabel(input, i, idWidth)]
      if (x === undefined) {
        rows.push([...name, seg(" —", { dim: true })])
        continue
      }
      const floor = workbench.runs[i]?.result.scenario.policy.kindplek?.occupancyFloor.value
      const share = Number(x.occupancy)
      const below = floor !== undefined && share < Number(floor)
      const head = [...name, seg(" "), ...gauge(share, gaugeWidth, { marker: floor === undefined ? undefined : Number(floor), color: below ? "yellow" : "green" }), seg(rfit(pct(lang, x.occupancy), 9), { color: below ? "yellow" : undefined })]
      const details = `${t.metrics.coverage} ${pct(lang, x.coverage)} · ${x.children} ${t.metrics.children.toLowerCase()} · ${money(lang, x.cost)}${floor === undefined || oneFloor !== undefined ? "" : ` · ${t.metrics.floor} ${pct(lang, floor.toString(), 0)}`}`
      if (oneRow) rows.push([...head, seg("  "), seg(details, { dim: true })])
      else rows.push(head, [seg(" ".repeat(idWidth + 3)), seg(details, { dim: true })])
    }
  }
  return rows
}
