/**
 * A child's month view: everything of its timeline that one child-month's
 * computation reads. Two timelines with the same view of a month give that
 * month the same contribution (given the same groups and kindplek
 * allocations), so a catch-up recomputes only the months whose view changed:
 * a new income from October leaves January-September as they were.
 *
 * What a child-month reads (src/domain/rules/measure.ts, segments.ts, the
 * payer rules, src/domain/invariants/check.ts): the placement pieces that
 * overlap the month, its KOT spells and jeugdhulp waiting spells, each as
 * far as it lies in the month (they cut the month into segments, carry
 * their data to its days, and the checks ask only whether they cover a paid
 * day of it); the indications that overlap it, whole (an SMI window runs
 * from its indication's first day; a line grounded by an indication is held
 * inside its bounds); and the policy's cuts that fall in the month (where
 * SMI stops after its maximum months). Events behind the periods are not read: a projection's
 * lines carry no traces. Group facts are not in the view: a child placed in
 * a group whose events changed is recomputed in full (./catchUp.ts).
 */
import { monthInterval, type DayInterval, type YearMonth } from "../domain/calendar"
import type { RuleContext } from "../domain/rules/context"
import { policyCuts } from "../domain/rules/measure"
import type { ChildTimeline } from "../domain/timeline/periods"

const overlapping = <P extends { readonly from: number; readonly to: number }>(periods: ReadonlyArray<P>, m: DayInterval): ReadonlyArray<P> =>
  periods.filter((p) => p.from <= m.to && p.to >= m.from)

/** The view of one month, as text: equal texts, equal inputs to the month's computation. */
export const monthView = (ctx: RuleContext, t: ChildTimeline, month: YearMonth, cuts: ReadonlyArray<number> = policyCuts(ctx, t)): string => {
  const m = monthInterval(month)
  return JSON.stringify([
    // Pieces clipped to the month: they only cut the month and cover its days (an end moved from
    // 31 December to 30 November leaves January-October as they were).
    overlapping(t.pieces, m).map((p) => [Math.max(p.from, m.from), Math.min(p.to, m.to), p.data]),
    // KOT and jeugdhulp waiting spells clipped too: a rule reads their data for the month's days, and
    // the checks ask only whether they cover a paid day of the month.
    overlapping(t.kot, m).map((p) => [Math.max(p.from, m.from), Math.min(p.to, m.to), p.data]),
    // Indications whole: an SMI window runs from its indication's first day.
    overlapping(t.indications, m).map((p) => [p.indicationId, p.kind, p.from, p.to, p.data]),
    overlapping(t.waitingJeugdhulp, m).map((p) => [Math.max(p.from, m.from), Math.min(p.to, m.to)]),
    cuts.filter((d) => d > m.from && d <= m.to)
  ])
}

/** The months (by index) whose view differs between two timelines of one child. */
export const changedMonths = (ctx: RuleContext, months: ReadonlyArray<YearMonth>, before: ChildTimeline, after: ChildTimeline): ReadonlySet<number> => {
  const cutsBefore = policyCuts(ctx, before)
  const cutsAfter = policyCuts(ctx, after)
  const out = new Set<number>()
  months.forEach((month, i) => {
    if (monthView(ctx, before, month, cutsBefore) !== monthView(ctx, after, month, cutsAfter)) out.add(i)
  })
  return out
}

/** The groups of a timeline's placement pieces in the given months (by index), or in any month. */
export const groupsIn = (t: ChildTimeline, months: ReadonlyArray<YearMonth>, only?: (i: number) => boolean): ReadonlySet<string> => {
  const out = new Set<string>()
  months.forEach((month, i) => {
    if (only !== undefined && !only(i)) return
    for (const p of overlapping(t.pieces, monthInterval(month))) out.add(p.data.groupId)
  })
  return out
}
