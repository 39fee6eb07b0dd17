/** `geldstroom explain`: every euro of one child-month, with rule, source, parameters and events. */
import { centsToString } from "../domain/money"
import type { ChildMonth, GroupMonth } from "../domain/ledger/types"
import type { EventEnvelope } from "../events"
import { euro } from "./runText"

export interface Explanation {
  readonly child: string
  readonly month: string
  readonly hours: string
  readonly cost: string
  readonly layers: Record<string, string>
  readonly streams: Record<string, string>
  readonly lines: ReadonlyArray<{
    readonly stream: string
    readonly layer: string
    readonly amount: string
    readonly rule: string
    readonly description: string
    readonly source: string
    readonly formula: ReadonlyArray<string>
    readonly parameters: ReadonlyArray<{ path: string; value: string; validFrom: string; validUntil: string; source: string; assumption: boolean }>
    readonly events: ReadonlyArray<{ id: string; type: string; validTime: string; recordedTime: string; source: string }>
  }>
  readonly groups: ReadonlyArray<{ id: string; formula: ReadonlyArray<string>; flags: ReadonlyArray<string> }>
}

/** The group-months a child-month touches (for the explanation's group lines). */
export const groupMonthsOf = (groups: ReadonlyArray<GroupMonth>, c: ChildMonth): ReadonlyArray<GroupMonth> =>
  groups.filter((g) => g.month === c.month && c.groups.includes(g.groupId))

export const explanation = (c: ChildMonth, groups: ReadonlyArray<GroupMonth>, events: ReadonlyMap<string, EventEnvelope>): Explanation => ({
  child: c.childId,
  month: c.month,
  hours: c.hours.toFixed(2),
  cost: centsToString(c.costCents),
  layers: Object.fromEntries(Object.entries(c.layers).map(([k, v]) => [k, v.toFixed(2)])),
  streams: Object.fromEntries([...c.streamCents].map(([k, v]) => [k, centsToString(v)])),
  lines: c.lines.map((l) => ({
    stream: l.stream,
    layer: l.layer,
    amount: l.amount.toFixed(2),
    rule: l.trace.rule,
    description: l.trace.description,
    source: l.trace.source,
    formula: l.trace.formula,
    parameters: l.trace.parameters,
    events: l.trace.events.map((id) => {
      const e = events.get(id)
      return { id, type: e?.type ?? "?", validTime: e?.validTime ?? "?", recordedTime: e?.recordedTime ?? "?", source: e?.metadata.source ?? "?" }
    })
  })),
  groups: groups.map((g) => ({ id: g.groupId, formula: g.trace.formula, flags: g.flags }))
})

export const explanationText = (x: Explanation): string => {
  const out: Array<string> = []
  out.push(`child ${x.child}, ${x.month}: ${x.hours} hours of care, cost ${euro(x.cost)}`)
  out.push(`  layers: ${Object.entries(x.layers).map(([k, v]) => `${k} ${euro(v)}`).join(", ")}`)
  out.push(`  paid by: ${Object.entries(x.streams).map(([k, v]) => `${k} ${euro(v)}`).join(", ")}  (ledger, to the cent)`)
  for (const l of x.lines) {
    out.push("", `${l.stream} pays ${euro(l.amount)} of the ${l.layer} layer — rule '${l.rule}'`)
    out.push(`  ${l.description}`)
    out.push(`  source: ${l.source}`)
    for (const f of l.formula) out.push(`    ${f}`)
    for (const p of l.parameters)
      out.push(`  parameter ${p.path} = ${p.value}${p.validFrom ? ` (valid ${p.validFrom}..${p.validUntil})` : ""}${p.assumption ? " [assumption]" : ""} — ${p.source}`)
    for (const e of l.events) out.push(`  event ${e.type} ${e.validTime} (recorded ${e.recordedTime}) ${e.id} — ${e.source}`)
  }
  for (const g of x.groups) {
    out.push("", `group ${g.id} this month:`)
    for (const f of g.formula) out.push(`    ${f}`)
    for (const f of g.flags) out.push(`  ⚑ ${f}`)
  }
  return out.join("\n") + "\n"
}
