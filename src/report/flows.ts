/**
 * Inflow, outflow and drop-out of the plus groups in the report's period
 * (seed 004 §XI: "in- en uitstroom, uitval"; destinations: seed 004 §IX.8).
 *
 * From each child's placements as replayed (corrections applied: the end
 * recorded last counts, src/domain/timeline/periods.ts):
 *   inflow  = placements whose first day of care falls in the period, in the group they started in;
 *   outflow = placements whose last day of care falls in the period, by their outflow destination,
 *             in the group they ended in; outflow `dropout` (uitval) is counted apart as drop-out.
 */
import { dayNumber } from "../domain/calendar"
import { childTimeline } from "../domain/timeline/periods"
import type { World } from "../domain/timeline/world"
import { Outflow } from "../events/fields"

/** Outflow destinations other than drop-out, in the catalogue's order. */
export const DESTINATIONS: ReadonlyArray<string> = Outflow.options.filter((o) => o !== "dropout")

export interface FlowRow {
  readonly group: string
  readonly inflow: number
  readonly outflow: Readonly<Record<string, number>>
  readonly outflowTotal: number
  readonly dropout: number
}

export const flowRows = (world: World, plusGroups: ReadonlySet<string>, from: string, to: string): ReadonlyArray<FlowRow> => {
  const first = dayNumber(from)
  const last = dayNumber(to)
  const inPeriod = (day: number) => day >= first && day <= last
  const tallies = new Map<string, { inflow: number; outflow: Record<string, number>; dropout: number }>()
  const tally = (group: string) => {
    let t = tallies.get(group)
    if (t === undefined) tallies.set(group, (t = { inflow: 0, outflow: Object.fromEntries(DESTINATIONS.map((d) => [d, 0])), dropout: 0 }))
    return t
  }
  for (const g of plusGroups) tally(g)
  for (const child of world.children.values())
    for (const p of childTimeline(child).placements) {
      const start = p.pieces[0]
      const end = p.pieces[p.pieces.length - 1]
      if (start === undefined || end === undefined) continue
      if (inPeriod(p.from) && plusGroups.has(start.data.groupId)) tally(start.data.groupId).inflow++
      if (p.outflow !== undefined && Number.isFinite(p.to) && inPeriod(p.to) && plusGroups.has(end.data.groupId)) {
        const t = tally(end.data.groupId)
        if (p.outflow === "dropout") t.dropout++
        else t.outflow[p.outflow] = (t.outflow[p.outflow] ?? 0) + 1
      }
    }
  const rows: Array<FlowRow> = [...tallies.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, t]) => ({ group, inflow: t.inflow, outflow: t.outflow, outflowTotal: Object.values(t.outflow).reduce((a, b) => a + b, 0), dropout: t.dropout }))
  const sum = (f: (r: FlowRow) => number) => rows.reduce((a, r) => a + f(r), 0)
  rows.push({
    group: "total",
    inflow: sum((r) => r.inflow),
    outflow: Object.fromEntries(DESTINATIONS.map((d) => [d, sum((r) => r.outflow[d] ?? 0)])),
    outflowTotal: sum((r) => r.outflowTotal),
    dropout: sum((r) => r.dropout)
  })
  return rows
}
