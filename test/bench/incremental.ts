/**
 * The events the incremental phase appends: a day's work on a national
 * store. About 60 % are a new cohort of children asking for care in
 * December, with their entitlements and indications, placed in groups a new
 * provider opens; the rest correct existing children: a new household income
 * from October for children with KOT, and an early end (30 November) for
 * placements still running. Deterministic: the same store spec gives the
 * same events.
 *
 * `day` 0 is the benchmark's (d); days 1 and 2 are the next days' work, of the same kinds, for other
 * children (another cohort, in groups of another new provider; the next children with KOT; the next
 * placements still running), appended after day 0's in the same process: the benchmark's day 1 is as
 * large as day 0 (what an update costs once the catch-up's code has run), its day 2 a tenth of it
 * (what a smaller update costs: docs/benchmarks.md, thirteenth round).
 */
import type { DatabaseSync } from "node:sqlite"
import { buildEvent, type EventEnvelope } from "../../src/events"
import { applyDesign, DesignSpec } from "../../src/scenario/design"
import { generatePopulation, PopulationSpec, populationDraws } from "../../src/scenario/population"
import { region, type StoreSpec } from "./config"

/** Each day: when its events were recorded, and its new cohort's region prefix (its children's, provider's and groups' ids) and seed. */
const DAY = [
  { recordedTime: "2026-12-15T09:00:00.000Z", prefix: "X", seed: 4242 },
  { recordedTime: "2026-12-16T09:00:00.000Z", prefix: "Y", seed: 4243 },
  { recordedTime: "2026-12-17T09:00:00.000Z", prefix: "Z", seed: 4244 }
] as const

/** A day of the benchmark's updates (see the header), and how many there are. */
export type Day = 0 | 1 | 2
export const DAYS = DAY.length

/** Children of the store's regions whose placement has no end yet (still in care at the end of the period). */
const stillPlaced = (db: DatabaseSync, prefix: string, limit: number): ReadonlyArray<{ childId: string; placementId: string }> =>
  db
    .prepare(
      `SELECT stream, json_extract(data, '$.placementId') AS placement FROM events
       WHERE stream >= ? AND stream < ? AND type = 'placement-started'
         AND NOT EXISTS (SELECT 1 FROM events e2 WHERE e2.stream = events.stream AND e2.type = 'placement-ended')
       ORDER BY stream LIMIT ?`
    )
    .all(`child-${prefix}`, `child-${prefix}~`, limit)
    .map((r) => ({ childId: (r.stream as string).slice("child-".length), placementId: r.placement as string }))

export const incrementalEvents = (db: DatabaseSync, spec: StoreSpec, count: number, day: Day = 0): ReadonlyArray<EventEnvelope> => {
  const { recordedTime, prefix, seed } = DAY[day]
  const december = { from: "2026-12", to: "2026-12" }
  // A new cohort in new groups: about 4.5 events a child asking in December (no ends yet), groups included.
  const size = Math.max(10, Math.round((count * 0.6) / 4.5))
  const cohort = region(prefix, seed, size)
  // All of them in December: 60 % on the 1st, the rest through the month.
  const children = { atStart: Math.round(size * 0.6), inflowPerMonth: size - Math.round(size * 0.6) }
  const demand = [...generatePopulation(PopulationSpec.parse({ ...cohort.population, children }), december)]
  const supply = applyDesign(DesignSpec.parse(cohort.design), demand, december)
  const out: Array<EventEnvelope> = [...demand, ...supply].slice(0, count)
  // Corrections to existing children, spread over the regions.
  const left = count - out.length
  const perRegion = Math.ceil(left / spec.regions.length)
  for (const r of spec.regions) {
    if (out.length >= count) break
    const p = PopulationSpec.parse(r.population)
    // Each day corrects the next `each` children with KOT of the region: day 0 the first ones, day 1 the ones after them, and so on.
    const each = Math.ceil(perRegion / 2)
    let seen = 0
    for (const c of populationDraws(p, spec.period)) {
      if (out.length >= count || seen >= (day + 1) * each) break
      if (c.funding !== "kot") continue
      if (seen++ < day * each) continue
      out.push(
        buildEvent(
          { type: "kot-entitlement-changed", data: { childId: c.childId, householdIncome: String(Math.round(c.income * 1.05)) } },
          { validTime: "2026-10-01", recordedTime, source: "benchmark: a new household income" }
        )
      )
    }
    for (const c of stillPlaced(db, p.idPrefix, Math.floor(perRegion / 2))) {
      if (out.length >= count) break
      out.push(
        buildEvent(
          { type: "placement-ended", data: { placementId: c.placementId, childId: c.childId, outflow: "regular-ko" } },
          { validTime: "2026-11-30", recordedTime, source: "benchmark: an early end" }
        )
      )
    }
  }
  return out
}
