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

type Period = { readonly from: number; readonly to: number }

const overlaps = (p: Period, m: DayInterval): boolean => p.from <= m.to && p.to >= m.from

/** Two facts' data alike: the same object (an event both timelines were folded from), or equal as JSON. */
const sameData = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b)

/**
 * Whether two timelines' periods that overlap the month are alike, each `clipped` to the month or
 * whole, with `alike` data (or none compared): walked side by side, the others skipped.
 */
const samePeriods = <P extends Period>(
  a: ReadonlyArray<P>,
  b: ReadonlyArray<P>,
  m: DayInterval,
  clipped: boolean,
  alike: (x: P, y: P) => boolean
): boolean => {
  let i = 0
  let j = 0
  for (;;) {
    while (i < a.length && !overlaps(a[i]!, m)) i++
    while (j < b.length && !overlaps(b[j]!, m)) j++
    if (i === a.length || j === b.length) return i === a.length && j === b.length
    const p = a[i++]!
    const q = b[j++]!
    const from = clipped ? Math.max(p.from, m.from) === Math.max(q.from, m.from) : p.from === q.from
    const to = clipped ? Math.min(p.to, m.to) === Math.min(q.to, m.to) : p.to === q.to
    if (!from || !to || !alike(p, q)) return false
  }
}

/** Whether two lists of cut days have the same days in the month (after its first day, up to its last). */
const sameCuts = (a: ReadonlyArray<number>, b: ReadonlyArray<number>, m: DayInterval): boolean => {
  const x = a.filter((d) => d > m.from && d <= m.to)
  const y = b.filter((d) => d > m.from && d <= m.to)
  return x.length === y.length && x.every((d, i) => d === y[i])
}

/**
 * Whether a month's view is the same in two timelines of a child: everything of them the month's
 * computation reads (the module comment), compared in place, without making either view.
 */
export const sameMonthView = (
  a: ChildTimeline,
  b: ChildTimeline,
  month: YearMonth,
  cutsA: ReadonlyArray<number>,
  cutsB: ReadonlyArray<number>
): boolean => {
  const m = monthInterval(month)
  return (
    // Pieces clipped to the month: they only cut the month and cover its days (an end moved from
    // 31 December to 30 November leaves January-October as they were).
    samePeriods(a.pieces, b.pieces, m, true, (p, q) => sameData(p.data, q.data)) &&
    // KOT and jeugdhulp waiting spells clipped too: a rule reads their data for the month's days, and
    // the checks ask only whether they cover a paid day of the month.
    samePeriods(a.kot, b.kot, m, true, (p, q) => sameData(p.data, q.data)) &&
    // Indications whole: an SMI window runs from its indication's first day.
    samePeriods(a.indications, b.indications, m, false, (p, q) => p.indicationId === q.indicationId && p.kind === q.kind && sameData(p.data, q.data)) &&
    samePeriods(a.waitingJeugdhulp, b.waitingJeugdhulp, m, true, () => true) &&
    sameCuts(cutsA, cutsB, m)
  )
}

/** The months (by index) whose view differs between two timelines of one child. */
export const changedMonths = (ctx: RuleContext, months: ReadonlyArray<YearMonth>, before: ChildTimeline, after: ChildTimeline): ReadonlySet<number> => {
  const cutsBefore = policyCuts(ctx, before)
  const cutsAfter = policyCuts(ctx, after)
  const out = new Set<number>()
  months.forEach((month, i) => {
    if (!sameMonthView(before, after, month, cutsBefore, cutsAfter)) out.add(i)
  })
  return out
}

/** The groups of a timeline's placement pieces in the given months (by index), or in any month. */
export const groupsIn = (t: ChildTimeline, months: ReadonlyArray<YearMonth>, only?: (i: number) => boolean): ReadonlySet<string> => {
  const out = new Set<string>()
  months.forEach((month, i) => {
    if (only !== undefined && !only(i)) return
    const m = monthInterval(month)
    for (const p of t.pieces) if (overlaps(p, m)) out.add(p.data.groupId)
  })
  return out
}
