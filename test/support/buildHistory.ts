/**
 * Building a history spec (./historySpec.ts) into event envelopes: every
 * statement becomes a `buildEvent` envelope with its valid day and its
 * recorded time (written in the stamp's UTC offset); corrections are recorded
 * after what they correct. `historyOf` then shuffles the delivery order.
 */
import { buildEvent, type DomainEvent, type EventEnvelope } from "../../src/events"
import {
  childIdOf,
  dayIso,
  groupIdOf,
  type History,
  type HistorySpec,
  indicationIdOf,
  type KotSpec,
  MINUTE,
  money,
  placementIdOf,
  seededShuffle,
  type SpellsSpec,
  type Stamp,
  stampMs,
  writeInstant
} from "./historySpec"

const SOURCE = "test/support/buildHistory.ts"

/** The events of a spec, children one after another (before the delivery shuffle). */
export const eventsOfSpec = (spec: HistorySpec): Array<EventEnvelope> => {
  const { year } = spec
  const out: Array<EventEnvelope> = []
  const emit = (event: DomainEvent, day: number, recordedMs: number, zone: number) =>
    out.push(buildEvent(event, { validTime: dayIso(year, day), recordedTime: writeInstant(recordedMs, zone), source: SOURCE }))
  const at = (event: DomainEvent, day: number, stamp: Stamp) => emit(event, day, stampMs(year, day, stamp), stamp.zone)
  const gid = (idx: number) => groupIdOf(idx % spec.groups.length)

  spec.groups.forEach((g, gi) => {
    const groupId = groupIdOf(gi)
    const providerId = `PR-${(gi % 2) + 1}`
    const locationId = `L-${(gi % 2) + 1}`
    const early: Stamp = { lagMinutes: -20 * 24 * 60, zone: 0 }
    at(
      {
        type: "group-opened",
        data: {
          groupId,
          providerId,
          locationId,
          design: g.design,
          careType: g.careType,
          capacity: g.capacity,
          staffing: { pedagogical: 2, hbo: 1, specialistHoursPerWeek: 4 },
          ...(g.costPriceCents === undefined ? {} : { costPricePerHour: money(g.costPriceCents) })
        }
      },
      g.opened,
      early
    )
    if (g.closed !== undefined) at({ type: "group-closed", data: { groupId } }, g.closed, early)
    g.awards.forEach((a, ai) =>
      at(
        {
          type: "kindplek-subsidy-awarded",
          data: { awardId: `A-${gi + 1}-${ai + 1}`, providerId, groupId, year, places: a.places, pricePerPlace: money(a.pricePerPlace * 100) }
        },
        0,
        { lagMinutes: -30 * 24 * 60, zone: 60 }
      )
    )
  })

  spec.budgets.forEach((b, bi) =>
    at(
      { type: "budget-line-set", data: { budgetLineId: `B-${bi + 1}`, year, label: `budget ${bi + 1}`, amount: money(b.amountCents), streams: [...b.streams] } },
      0,
      { lagMinutes: -40 * 24 * 60, zone: 0 }
    )
  )

  spec.children.forEach((c, ci) => {
    const childId = childIdOf(ci)
    c.placements.forEach((p, pi) => {
      const placementId = placementIdOf(ci, pi)
      const groupIdx = p.groupIdx % spec.groups.length
      const careType = p.careType ?? spec.groups[groupIdx]!.careType
      at(
        {
          type: "placement-started",
          data: {
            placementId,
            childId,
            providerId: `PR-${(groupIdx % 2) + 1}`,
            locationId: `L-${(groupIdx % 2) + 1}`,
            groupId: gid(groupIdx),
            careType,
            daysPerWeek: p.daysPerWeek,
            hoursPerDay: p.hoursPerDay,
            hourlyPrice: money(p.priceCents)
          }
        },
        p.start,
        p.startStamp
      )
      for (const ch of p.changes)
        at(
          {
            type: "placement-changed",
            data: {
              placementId,
              childId,
              ...(ch.groupIdx === undefined ? {} : { groupId: gid(ch.groupIdx) }),
              ...(ch.daysPerWeek === undefined ? {} : { daysPerWeek: ch.daysPerWeek }),
              ...(ch.hoursPerDay === undefined ? {} : { hoursPerDay: ch.hoursPerDay }),
              ...(ch.priceCents === undefined ? {} : { hourlyPrice: money(ch.priceCents) })
            }
          },
          p.start + ch.after,
          ch.stamp
        )
      const ended = { type: "placement-ended" as const, data: { placementId, childId, outflow: "regular-ko" as const } }
      if (p.end !== undefined) at(ended, p.start + p.end.after, p.end.stamp)
      if (p.endCorrection !== undefined) {
        const baseDay = p.end === undefined ? p.start + Math.abs(p.endCorrection.shift) : p.start + p.end.after
        const baseMs = stampMs(year, baseDay, p.end?.stamp ?? p.startStamp)
        const day = p.end === undefined ? baseDay : baseDay + p.endCorrection.shift
        emit({ ...ended, data: { ...ended.data, outflow: "school-regular" } }, day, baseMs + p.endCorrection.extraMinutes * MINUTE, 120)
      }
    })

    const kot = c.kot
    kot.days.forEach((day, i) => {
      const stamp = kot.stamps[i]!
      if (i % 2 === 0)
        at({ type: "kot-entitlement-started", data: { childId, householdIncome: String(kot.incomes[(i / 2) % kot.incomes.length]), childRank: kot.ranks[(i / 2) % kot.ranks.length]! } }, day, stamp)
      else at({ type: "kot-entitlement-ended", data: { childId } }, day, stamp)
    })
    if (kot.change !== undefined) {
      const ch = kot.change
      at(
        {
          type: "kot-entitlement-changed",
          data: {
            childId,
            ...(ch.income === undefined ? {} : { householdIncome: String(ch.income) }),
            ...(ch.rank !== undefined ? { childRank: ch.rank } : ch.income === undefined ? { childRank: "further" as const } : {})
          }
        },
        ch.day,
        ch.stamp
      )
    }
    const corr = kotEndCorrection(kot)
    if (corr !== undefined) emit({ type: "kot-entitlement-ended", data: { childId } }, corr.day, corr.recordedMs(year), 60)

    c.indications.forEach((ind, ii) => {
      const indicationId = indicationIdOf(ci, ii)
      at(
        {
          type: "indication-issued",
          data: {
            indicationId,
            childId,
            kind: ind.kind,
            ...(ind.validFor === undefined ? {} : { validUntil: dayIso(year, ind.from + ind.validFor) }),
            ...(ind.maxDaysPerWeek === undefined ? {} : { maxDaysPerWeek: ind.maxDaysPerWeek }),
            ...(ind.maxHoursPerWeek === undefined ? {} : { maxHoursPerWeek: ind.maxHoursPerWeek }),
            ...(ind.incomeCents === undefined ? {} : { householdIncome: money(ind.incomeCents) })
          }
        },
        ind.from,
        ind.stamp
      )
      const issuedMs = stampMs(year, ind.from, ind.stamp)
      if (ind.extend !== undefined)
        emit(
          { type: "indication-extended", data: { indicationId, childId, validUntil: dayIso(year, ind.from + ind.extend.untilAfter) } },
          ind.from,
          issuedMs + ind.extend.extraMinutes * MINUTE,
          0
        )
      if (ind.end !== undefined)
        emit({ type: "indication-ended", data: { indicationId, childId } }, ind.from + ind.end.after, issuedMs + ind.end.extraMinutes * MINUTE, -300)
    })

    const spells = (s: SpellsSpec, list: "jeugdhulp" | "plus-place") =>
      s.days.forEach((day, i) =>
        at(
          i % 2 === 0
            ? { type: "waiting-list-entered", data: { childId, list } }
            : { type: "waiting-list-left", data: { childId, list, reason: "care-started" } },
          day,
          s.stamps[i]!
        )
      )
    spells(c.waitingJeugdhulp, "jeugdhulp")
    spells(c.waitingPlusPlace, "plus-place")
  })
  return out
}

/**
 * The KOT end correction of a spec, if any: the new last day (kept inside the
 * corrected spell's stretch, so it corrects that end and no other) and when it
 * was recorded (after the end it corrects).
 */
export const kotEndCorrection = (
  kot: KotSpec
): { readonly endIndex: number | undefined; readonly day: number; readonly recordedMs: (year: number) => number } | undefined => {
  const c = kot.endCorrection
  if (c === undefined || kot.days.length === 0) return undefined
  const ends = kot.days.map((_, i) => i).filter((i) => i % 2 === 1)
  if (ends.length === 0) {
    // The open spell's end is first told late.
    const startIndex = kot.days.length - 1
    const start = kot.days[startIndex]!
    return {
      endIndex: undefined,
      day: start + Math.abs(c.shift),
      recordedMs: (year) => stampMs(year, start, kot.stamps[startIndex]!) + c.extraMinutes * MINUTE
    }
  }
  const endIndex = ends[c.which % ends.length]!
  const start = kot.days[endIndex - 1]!
  const nextStart = kot.days[endIndex + 1]
  const wanted = kot.days[endIndex]! + c.shift
  const day = Math.max(start, Math.min(wanted, nextStart === undefined ? wanted : nextStart - 1))
  return {
    endIndex,
    day,
    recordedMs: (year) => stampMs(year, kot.days[endIndex]!, kot.stamps[endIndex]!) + c.extraMinutes * MINUTE
  }
}

export const historyOf = (spec: HistorySpec): History => ({ spec, events: seededShuffle(eventsOfSpec(spec), spec.deliverySeed) })
