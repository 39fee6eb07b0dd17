/**
 * Segments: the stretches of days inside a month during which nothing about a
 * child changes (placement, entitlement, indications, waiting list). Every
 * rule computes per segment, so a month that starts or ends mid-way, or in
 * which an indication lapses, is prorated by day (issue 3, DOMAIN.md inv. 6).
 */
import { type DayInterval, monthInterval, type YearMonth } from "../calendar"
import type { ChildTimeline, IndicationPeriod, KotData, Period, PlacementPiece } from "../timeline/periods"

export interface Segment {
  readonly from: number
  readonly to: number
  readonly pieces: ReadonlyArray<PlacementPiece>
  readonly kot: Period<KotData> | undefined
  readonly indications: ReadonlyArray<IndicationPeriod>
  readonly waitingJeugdhulp: Period<unknown> | undefined
}

const overlaps = (p: { from: number; to: number }, i: DayInterval) => p.from <= i.to && p.to >= i.from

/** The periods that overlap the interval, in order: the list itself when all do (the common case; no copy). */
const within = <P extends { from: number; to: number }>(periods: ReadonlyArray<P>, i: DayInterval): ReadonlyArray<P> => {
  for (const p of periods) if (!overlaps(p, i)) return periods.filter((q) => overlaps(q, i))
  return periods
}

/** Whether a period of the list starts, or ends the day before, strictly inside the month (so cuts it). */
const cutsInside = (periods: ReadonlyArray<{ from: number; to: number }>, m: DayInterval): boolean => {
  for (const p of periods) if (isInside(p.from, m) || (Number.isFinite(p.to) && isInside(p.to + 1, m))) return true
  return false
}

/** A cut on `day` splits the month: a day after its first, up to the day after its last. */
const isInside = (day: number, m: DayInterval): boolean => day > m.from && day <= m.to

/** Cut the month at every boundary of the child's periods; keep segments with a placement. */
export const segmentsOf = (
  timeline: ChildTimeline,
  month: YearMonth,
  extraCuts: ReadonlyArray<number> = []
): ReadonlyArray<Segment> => {
  const m = monthInterval(month)
  const pieces = within(timeline.pieces, m)
  if (pieces.length === 0) return []
  const kot = within(timeline.kot, m)
  const indications = within(timeline.indications, m)
  const waiting = within(timeline.waitingJeugdhulp, m)
  // Nothing cuts the month (the common case): one segment, the whole month, with every period that overlaps it.
  if (!cutsInside(pieces, m) && !cutsInside(kot, m) && !cutsInside(indications, m) && !cutsInside(waiting, m) && !extraCuts.some((c) => isInside(c, m)))
    return [{ from: m.from, to: m.to, pieces, kot: kot[0], indications, waitingJeugdhulp: waiting[0] }]
  const cuts = new Set<number>([m.from, m.to + 1])
  const addCut = (day: number) => {
    if (isInside(day, m)) cuts.add(day)
  }
  for (const list of [pieces, kot, indications, waiting] as ReadonlyArray<ReadonlyArray<{ from: number; to: number }>>)
    for (const p of list) {
      addCut(p.from)
      if (Number.isFinite(p.to)) addCut(p.to + 1)
    }
  for (const c of extraCuts) addCut(c)
  const sorted = [...cuts].sort((a, b) => a - b)
  const out: Array<Segment> = []
  for (let i = 0; i + 1 < sorted.length; i++) {
    const s: DayInterval = { from: sorted[i]!, to: sorted[i + 1]! - 1 }
    const active = pieces.length === 1 ? (overlaps(pieces[0]!, s) ? pieces : []) : pieces.filter((p) => overlaps(p, s))
    if (active.length === 0) continue
    out.push({
      from: s.from,
      to: s.to,
      pieces: active,
      kot: kot.find((p) => overlaps(p, s)),
      indications: indications.length === 0 ? indications : indications.filter((p) => overlaps(p, s)),
      waitingJeugdhulp: waiting.find((p) => overlaps(p, s))
    })
  }
  return out
}

export const hasIndication = (s: Segment, kind: IndicationPeriod["kind"]): boolean =>
  s.indications.some((i) => i.kind === kind)
