/**
 * An independent model of what a generated history means, day by day, written
 * from the spec (not from the events): the statement recorded last wins
 * (docs/domain-model.md "Time and corrections"), intervals are closed, and
 * changes hold from their valid day on. The timeline property compares
 * `childTimeline` with it, so the invariant checker (which trusts
 * `childTimeline`) and the rules are both checked against what the history says.
 */
import {
  type ChildSpec,
  groupIdOf,
  type HistorySpec,
  kotEndCorrection,
  money,
  type SpellsSpec,
  stampMs
} from "./arbitraries"

export interface Interval {
  readonly from: number
  readonly to: number
}

export interface PlacementDay {
  readonly groupId: string
  readonly careType: string
  readonly daysPerWeek: number
  readonly hoursPerDay: number
  readonly hourlyPrice: string
}

export interface ExpectedPlacement {
  readonly interval: Interval | undefined
  /** The placement's data on a day (offset in the year), or undefined outside it. */
  readonly on: (day: number) => PlacementDay | undefined
}

export interface ExpectedKot {
  readonly income: string
  readonly rank: "first" | "further"
}

export interface ExpectedIndication {
  /** Undefined when the last statement ends it before it starts (no period). */
  readonly candidates: ReadonlyArray<Interval | undefined>
}

export interface ExpectedChild {
  readonly placements: ReadonlyArray<ExpectedPlacement>
  readonly kot: (day: number) => ExpectedKot | undefined
  readonly indications: ReadonlyArray<ExpectedIndication>
  readonly waitingJeugdhulp: ReadonlyArray<Interval>
  readonly waitingPlusPlace: ReadonlyArray<Interval>
}

const inside = (i: Interval | undefined, day: number) => i !== undefined && i.from <= day && day <= i.to

const spells = (s: SpellsSpec, endOverride?: { index: number | undefined; day: number }): Array<Interval> => {
  const out: Array<Interval> = []
  for (let i = 0; i < s.days.length; i += 2) {
    let to = s.days[i + 1] ?? Infinity
    if (endOverride !== undefined) {
      if (endOverride.index === i + 1) to = endOverride.day
      if (endOverride.index === undefined && i + 1 === s.days.length) to = endOverride.day
    }
    out.push({ from: s.days[i]!, to })
  }
  return out
}

export const expectedChild = (spec: HistorySpec, c: ChildSpec): ExpectedChild => {
  const year = spec.year
  const groupOf = (idx: number) => groupIdOf(idx % spec.groups.length)
  const placements = c.placements.map((p): ExpectedPlacement => {
    const from = p.start
    // The end recorded last: the correction (recorded after the end it corrects), else the end.
    let to = p.end === undefined ? Infinity : p.start + p.end.after
    if (p.endCorrection !== undefined) to = p.end === undefined ? p.start + Math.abs(p.endCorrection.shift) : to + p.endCorrection.shift
    const interval = to < from ? undefined : { from, to }
    const first: PlacementDay = {
      groupId: groupOf(p.groupIdx),
      careType: p.careType ?? spec.groups[p.groupIdx % spec.groups.length]!.careType,
      daysPerWeek: p.daysPerWeek,
      hoursPerDay: p.hoursPerDay,
      hourlyPrice: money(p.priceCents)
    }
    const changes = [...p.changes].sort((a, b) => a.after - b.after)
    return {
      interval,
      on: (day) => {
        if (!inside(interval, day)) return undefined
        let d = first
        for (const ch of changes) {
          if (p.start + ch.after > day) break
          d = {
            ...d,
            ...(ch.groupIdx === undefined ? {} : { groupId: groupOf(ch.groupIdx) }),
            ...(ch.daysPerWeek === undefined ? {} : { daysPerWeek: ch.daysPerWeek }),
            ...(ch.hoursPerDay === undefined ? {} : { hoursPerDay: ch.hoursPerDay }),
            ...(ch.priceCents === undefined ? {} : { hourlyPrice: money(ch.priceCents) })
          }
        }
        return d
      }
    }
  })

  const correction = kotEndCorrection(c.kot)
  const kotSpells = spells(c.kot, correction === undefined ? undefined : { index: correction.endIndex, day: correction.day })
  const kot = (day: number): ExpectedKot | undefined => {
    const i = kotSpells.findIndex((s) => inside(s, day))
    if (i < 0) return undefined
    const spell = kotSpells[i]!
    let income = String(c.kot.incomes[i % c.kot.incomes.length])
    let rank = c.kot.ranks[i % c.kot.ranks.length]!
    const ch = c.kot.change
    if (ch !== undefined && inside(spell, ch.day) && ch.day <= day) {
      if (ch.income !== undefined) income = String(ch.income)
      rank = ch.rank ?? (ch.income === undefined ? "further" : rank)
    }
    return { income, rank }
  }

  const indications = c.indications.map((ind): ExpectedIndication => {
    type Statement = { readonly recorded: number; readonly day: number; readonly until: number }
    const issuedMs = stampMs(year, ind.from, ind.stamp)
    const statements: Array<Statement> = [
      { recorded: issuedMs, day: ind.from, until: ind.validFor === undefined ? Infinity : ind.from + ind.validFor }
    ]
    if (ind.extend !== undefined) statements.push({ recorded: issuedMs + ind.extend.extraMinutes * 60_000, day: ind.from, until: ind.from + ind.extend.untilAfter })
    if (ind.end !== undefined) statements.push({ recorded: issuedMs + ind.end.extraMinutes * 60_000, day: ind.from + ind.end.after, until: ind.from + ind.end.after })
    // The statement recorded last; a tie in recorded time and valid day may go either way.
    const best = statements.reduce((a, b) => (b.recorded > a.recorded || (b.recorded === a.recorded && b.day > a.day) ? b : a))
    const tied = statements.filter((s) => s.recorded === best.recorded && s.day === best.day)
    return { candidates: tied.map((s) => (s.until < ind.from ? undefined : { from: ind.from, to: s.until })) }
  })

  return {
    placements,
    kot,
    indications,
    waitingJeugdhulp: spells(c.waitingJeugdhulp),
    waitingPlusPlace: spells(c.waitingPlusPlace)
  }
}
