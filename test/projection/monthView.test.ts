/**
 * A month's view compared in place (src/projection/monthView.ts `sameMonthView`) says what comparing
 * the two views made whole says: the pieces, KOT spells and jeugdhulp waiting spells that overlap the
 * month clipped to it, the indications that overlap it whole, each with its data as JSON, and the
 * cut days in the month. For any child's history cut anywhere, its timeline before and after.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { monthInterval, type DayInterval } from "../../src/domain/calendar"
import { type ChildTimeline, childTimeline } from "../../src/domain/timeline/periods"
import { foldChild } from "../../src/projection/ledgerRun"
import { sameMonthView } from "../../src/projection/monthView"
import { historyArb } from "../support/arbitraries"
import { yearMonths } from "../support/ledgerRun"
import { recorded } from "./support"

type Period = { readonly from: number; readonly to: number }

/** The month's view made whole, as text. */
const viewText = (t: ChildTimeline, m: DayInterval, cuts: ReadonlyArray<number>): string => {
  const over = <P extends Period>(ps: ReadonlyArray<P>) => ps.filter((p) => p.from <= m.to && p.to >= m.from)
  const clip = <P extends Period>(ps: ReadonlyArray<P>, data: (p: P) => unknown) =>
    over(ps).map((p) => [Math.max(p.from, m.from), Math.min(p.to, m.to), data(p)])
  return JSON.stringify([
    clip(t.pieces, (p) => p.data),
    clip(t.kot, (p) => p.data),
    over(t.indications).map((p) => [p.from, p.to, p.indicationId, p.kind, p.data]),
    clip(t.waitingJeugdhulp, () => null),
    cuts.filter((d) => d > m.from && d <= m.to)
  ])
}

const months = yearMonths(2026)

describe("a month's view compared in place", () => {
  it("is the same exactly when the views made whole are", () => {
    fc.assert(
      fc.property(
        historyArb({ maxChildren: 4 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 20_450, max: 20_820 }), { maxLength: 3 }),
        (h, percent, extraCuts) => {
          const events = recorded(h.events)
          const children = [...new Set(events.filter((e) => e.stream.startsWith("child-")).map((e) => e.stream))]
          for (const stream of children) {
            const all = events.filter((e) => e.stream === stream)
            const id = stream.slice("child-".length)
            const before = childTimeline(foldChild(id, all.slice(0, Math.floor((all.length * percent) / 100))))
            const after = childTimeline(foldChild(id, all))
            // Cuts as the policy makes them (days after which SMI stops), some shared and some not.
            const cutsBefore = [...extraCuts].sort((a, b) => a - b)
            const cutsAfter = extraCuts.slice(1).sort((a, b) => a - b)
            for (const month of months) {
              const m = monthInterval(month)
              for (const [a, b, ca, cb] of [
                [before, after, cutsBefore, cutsAfter],
                [after, after, cutsAfter, cutsAfter],
                [after, before, cutsAfter, cutsBefore]
              ] as const)
                expect(sameMonthView(a, b, month, ca, cb)).toBe(viewText(a, m, ca) === viewText(b, m, cb))
            }
          }
        }
      ),
      { numRuns: 60 }
    )
  })
})
