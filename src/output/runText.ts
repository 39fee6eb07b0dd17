/** The readable summary `geldstroom run <scenario>` prints without --json. */
import type { RunTotalsDocument } from "./runDocument"

const pad = (s: string, n: number) => s.padEnd(n)
const lpad = (s: string, n: number) => s.padStart(n)
export const euro = (s: string) => {
  const [whole, frac] = s.replace("-", "").split(".")
  return `${s.startsWith("-") ? "-" : ""}€${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac ?? "00"}`
}

/** The summary of a run's document, full or totals only (its groups may be made as they are read: `run --totals`). */
export const runText = (d: RunTotalsDocument): string => {
  const out: Array<string> = []
  out.push(`${d.scenario.name}`)
  out.push(`policy ${d.scenario.policy} · ${d.months[0]} to ${d.months[d.months.length - 1]}${d.scenario.asOf ? ` · as known on ${d.scenario.asOf}` : ""}`)
  out.push(`${d.totals.children} children · ${d.checks.events} events · ${d.totals.hours} hours of care · fingerprint ${d.fingerprint.slice(0, 12)}`)
  out.push("")
  out.push(`${pad("stream", 16)}${lpad("amount", 16)}${lpad("share", 9)}`)
  const total = Number(d.totals.cost)
  for (const [s, v] of Object.entries(d.totals.streams))
    out.push(`${pad(s, 16)}${lpad(euro(v), 16)}${lpad(total > 0 ? `${((Number(v) / total) * 100).toFixed(1)} %` : "", 9)}`)
  out.push(`${pad("total cost", 16)}${lpad(euro(d.totals.cost), 16)}`)
  if (d.totals.vacancy !== "0.00" || d.totals.surplus !== "0.00")
    out.push(`kindplek subsidy outside children: vacancy ${euro(d.totals.vacancy)}, surplus ${euro(d.totals.surplus)}`)
  let groupsHeader = false
  for (const g of d.groups) {
    if (!groupsHeader) {
      out.push("", "groups (occupancy of kindplekken over the period)")
      groupsHeader = true
    }
    const flags = [...new Set(g.months.flatMap((m) => m.flags.map((f) => f.replace(/^occupancy [\d.]+ %/, "occupancy").replace(/^average [\d.]+ children/, "average children"))))]
    out.push(`  ${pad(g.id, 14)} ${pad(g.design, 14)} ${lpad((Number(g.occupancy.rate) * 100).toFixed(1), 6)} %  vacancy ${euro(g.vacancy)}${flags.length ? `  ⚑ ${flags.join("; ")}` : ""}`)
  }
  if (d.occupancy.locations.length) {
    out.push("", "occupancy per location")
    for (const l of d.occupancy.locations)
      out.push(`  ${pad(l.id, 14)} ${String(l.groups).padStart(3)} group${l.groups === 1 ? " " : "s"} ${lpad((Number(l.rate) * 100).toFixed(1), 6)} %  avg ${l.averageChildrenPerGroup} children a group${l.flags.length ? `  ⚑ ${l.flags.join("; ")}` : ""}`)
    out.push(`  ${pad("total", 14)} ${lpad("", 10)} ${lpad((Number(d.occupancy.total.rate) * 100).toFixed(1), 6)} %`)
  }
  if (d.budgets.length) {
    out.push("", "budget lines")
    for (const b of d.budgets)
      out.push(`  ${pad(b.id, 16)} ${b.year}  used ${euro(b.used)} of ${euro(b.budget)}  headroom ${euro(b.headroom)}${b.overrun ? "  ⚑ OVERRUN" : ""}`)
  }
  out.push("")
  out.push(d.violations.length === 0 ? `invariants ${d.checks.invariants.join(", ")}: no violations` : `${d.violations.length} VIOLATIONS:`)
  for (const v of d.violations.slice(0, 20)) out.push(`  [${v.invariant} ${v.name}] ${v.subject}${v.month ? ` ${v.month}` : ""}: ${v.detail}`)
  if (d.assumptions.length) {
    out.push("", `${d.assumptions.length} assumptions (values that are not confirmed public figures):`)
    for (const a of d.assumptions) out.push(`  ${a.path} = ${a.value}  (${a.source})`)
  }
  return out.join("\n") + "\n"
}
