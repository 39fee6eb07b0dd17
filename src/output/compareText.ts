/** The comparison as plain text: what `geldstroom compare` prints, and the TUI prints when not on a terminal. */
import type { CompareDocument } from "../compare/document"
import { euro } from "./runText"

const signedEuro = (s: string) => (s.startsWith("-") ? `-${euro(s.slice(1))}` : s === "0.00" ? "±0" : `+${euro(s)}`)

export const compareText = (d: CompareDocument, width = 100): string => {
  const cols = d.scenarios
  const labelW = 26
  const colW = Math.max(16, Math.min(30, Math.floor((width - labelW) / Math.max(1, cols.length))))
  const out: Array<string> = []
  const cell = (s: string) => s.slice(0, colW - 1).padStart(colW)
  const row = (label: string, values: ReadonlyArray<string>) => out.push(label.slice(0, labelW - 1).padEnd(labelW) + values.map(cell).join(""))
  const delta = (i: number, s: string) => (cols[i]!.id === d.baseline ? "baseline" : s)
  row("", cols.map((c) => c.id))
  row("", cols.map((c) => c.policy))
  out.push("─".repeat(labelW + colW * cols.length))
  row("total cost of care", cols.map((c) => euro(c.cost)))
  row("  Δ vs baseline", cols.map((_c, i) => delta(i, signedEuro(d.deltas[i]!.cost))))
  row("payments incl. vacancy", cols.map((c) => euro(c.payments)))
  out.push("", "per funder")
  const funders = [...new Set(cols.flatMap((c) => Object.keys(c.funders)))]
  for (const f of funders) {
    row(`  ${f}`, cols.map((c) => euro(c.funders[f] ?? "0.00")))
    row(`    Δ`, cols.map((_c, i) => delta(i, signedEuro(d.deltas[i]!.funders[f] ?? "0.00"))))
  }
  out.push("", "per stream")
  const streams = [...new Set(cols.flatMap((c) => Object.keys(c.streams)))]
  for (const s of streams) row(`  ${s}`, cols.map((c) => euro(c.streams[s] ?? "0.00")))
  out.push("")
  row("children served", cols.map((c) => String(c.childrenServed)))
  row("children waiting (end)", cols.map((c) => String(c.childrenWaiting)))
  row("cost per child", cols.map((c) => euro(c.costPerChild)))
  row("cost per child-hour", cols.map((c) => euro(c.costPerChildHour)))
  row("occupancy", cols.map((c) => `${(Number(c.occupancy) * 100).toFixed(1)} %`))
  const budgetIds = [...new Set(cols.flatMap((c) => c.budgets.map((b) => b.id)))]
  if (budgetIds.length) {
    out.push("", "budget lines (used of budget)")
    for (const id of budgetIds)
      row(`  ${id}`, cols.map((c) => {
        const b = c.budgets.find((x) => x.id === id)
        return b ? `${(Number(b.usedShare) * 100).toFixed(1)} %${b.overrun ? " ⚑" : ""}` : "—"
      }))
  }
  row("invariant violations", cols.map((c) => String(c.violations)))
  for (const w of d.warnings) out.push("", `note: ${w}`)
  for (const diff of d.differences) {
    if (diff.items.length === 0) continue
    out.push("", `what differs: ${diff.id} vs ${d.baseline} (${diff.items.length})`)
    for (const i of diff.items.slice(0, 40)) out.push(`  ${i.path}: ${i.baseline ?? "—"} → ${i.scenario ?? "—"}`)
    if (diff.items.length > 40) out.push(`  … ${diff.items.length - 40} more (use --json)`)
  }
  return out.join("\n") + "\n"
}

