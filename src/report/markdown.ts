/** The report as Markdown: headings, the seed's words, one table per section. */
import { centsToString, type Dec } from "../domain/money"
import type { Cell, ColumnKind, Table } from "../export/table"
import { euro } from "../output/runText"
import type { ProviderReport } from "./providerReport"

/** A cell as a reader wants it: € 1,234.56, 25.5 %, 2.80, lists with commas. */
export const displayCell = (kind: ColumnKind, value: Cell): string => {
  if (value === undefined) return ""
  switch (kind) {
    case "money":
      return euro(centsToString(value as bigint)).replace("€", "€ ")
    case "rate":
      return `${(value as Dec).times(100).toFixed(1)} %`
    case "decimal":
      return (value as Dec).toFixed(2)
    case "list":
      return (value as ReadonlyArray<string>).join(", ")
    default:
      return String(value)
  }
}

const escape = (s: string) => s.replace(/\|/g, "\\|")
const numeric = (kind: ColumnKind) => kind === "money" || kind === "rate" || kind === "decimal" || kind === "integer"

export const markdownTable = (t: Table): string => {
  const head = `| ${t.columns.map((c) => escape(c.header)).join(" | ")} |`
  const rule = `|${t.columns.map((c) => (numeric(c.kind) ? " ---: " : " --- ")).join("|")}|`
  const rows = [...t.rows, ...(t.totals ? [t.totals] : [])].map((r) => `| ${t.columns.map((c) => escape(displayCell(c.kind, r[c.key]))).join(" | ")} |`)
  return [head, rule, ...rows].join("\n")
}

export const reportMarkdown = (r: ProviderReport): string => {
  const about = new Map(r.about.rows.map((row) => [row.key as string, row.value as string]))
  const out: Array<string> = [
    `# ${r.title}`,
    "",
    `Scenario: ${about.get("scenario")} (policy ${about.get("policy")}), as known: ${about.get("asOf")}.`,
    `Fingerprint ${about.get("fingerprint")}, rules ${about.get("rulesVersion")}.`,
    "",
    `Asked by ${about.get("asked by")}: "De bezettingsgraad van de kindplekken wordt door de aanbieder overzichtelijk weergegeven in absolute aantallen en een doorberekend percentage bezettingsgraad van de kindplekken uitgesplitst per groep, locatie en in totaal voor alle plusgroepen van de organisatie." and "Afwijkingen van meer dan 10% per begrotingsonderdeel worden hierin nader toegelicht."`,
    ...r.notes.flatMap((n) => ["", `> ${n}`])
  ]
  for (const s of r.sections) out.push("", `## ${s.heading}`, "", ...s.text.flatMap((t) => [t, ""]), markdownTable(s.table))
  out.push("", r.explain.length === 0 ? "No budget line deviates more than the threshold." : `To explain: ${r.explain.join(", ")}.`)
  return `${out.join("\n")}\n`
}
