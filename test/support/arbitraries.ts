/**
 * fast-check generators for event histories (DOMAIN.md "Invariants"; the
 * issue's list of awkward histories). A history is generated as a small
 * *spec* (groups, children, their placements, entitlements, indications and
 * waiting spells, with day offsets into one year) and built into event
 * envelopes with `buildEvent`; fast-check shrinks the spec, so a failing
 * history shrinks to few children, few events and small numbers.
 *
 * What the specs cover, per child:
 * - 1-2 placements (possibly at once, possibly in another care type than the
 *   group), starting and ending mid-month, with 0-3 changes of days, hours,
 *   price or group on distinct days; prices below, at and above the maximum
 *   uurprijs; long days (up to 7 × 24 h a week) over the 230-hour KOT cap;
 *   a placement-ended recorded later that moves the end earlier or later
 *   (or first tells of an end).
 * - KOT entitlement as alternating start/end days (gaps: ended, started again),
 *   an optional income/rank change, and an optional kot-entitlement-ended
 *   correction recorded later with another valid day.
 * - Indications of every kind, with validity, extension and early end
 *   (each recorded later), and overlapping pairs issued together
 *   (smi + smi-plus, jeugdhulp + bouwsteen-advice).
 * - Waiting-list spells (entered/left/entered ...) on both lists.
 * Recorded times lie from a month before to six weeks after the valid day,
 * written in UTC or with an offset (+01:00, +02:00, -05:00), so the text of a
 * recorded time is not its order. The delivery order interleaves children
 * (a seeded shuffle, which shrinks towards no shuffle).
 */
import fc from "fast-check"
import { buildEvent, type DomainEvent, type EventEnvelope } from "../../src/events"
import { addDays } from "../../src/domain/calendar"

// ---------------------------------------------------------------------------
// Specs

export type CareTypeName = "dagopvang" | "bso" | "gastouderopvang" | "peuteropvang"
export type IndicationKindName = "smi" | "smi-plus" | "ve" | "plus-advice" | "bouwsteen-advice" | "jeugdhulp"
export type DesignName = "homogeneous" | "heterogeneous" | "hybrid" | "regular"

/** When a statement was recorded: `lagMinutes` after (or before) noon UTC of its valid day, written in `zone`. */
export interface Stamp {
  readonly lagMinutes: number
  /** Offset of the written recorded time from UTC, in minutes. */
  readonly zone: number
}

export interface AwardSpec {
  readonly places: number
  readonly pricePerPlace: number
}

export interface GroupSpec {
  readonly design: DesignName
  readonly careType: CareTypeName
  readonly capacity: number
  readonly costPriceCents: number | undefined
  readonly opened: number
  readonly closed: number | undefined
  readonly awards: ReadonlyArray<AwardSpec>
}

export interface ChangeSpec {
  /** Days after the placement's start (distinct within a placement). */
  readonly after: number
  readonly stamp: Stamp
  readonly groupIdx: number | undefined
  readonly daysPerWeek: number | undefined
  readonly hoursPerDay: number | undefined
  readonly priceCents: number | undefined
}

export interface PlacementSpec {
  readonly groupIdx: number
  readonly careType: CareTypeName | undefined
  readonly start: number
  readonly startStamp: Stamp
  readonly daysPerWeek: number
  readonly hoursPerDay: number
  readonly priceCents: number
  readonly changes: ReadonlyArray<ChangeSpec>
  /** Last day, as days after the start. */
  readonly end: { readonly after: number; readonly stamp: Stamp } | undefined
  /** A placement-ended recorded later than the end (if any), `shift` days from it. */
  readonly endCorrection: { readonly shift: number; readonly extraMinutes: number } | undefined
}

export interface SpellsSpec {
  /** Days start, end, start, end, ...: an end on or after its start, the next start after that end. */
  readonly days: ReadonlyArray<number>
  readonly stamps: ReadonlyArray<Stamp>
}

export interface KotSpec extends SpellsSpec {
  readonly incomes: ReadonlyArray<number>
  readonly ranks: ReadonlyArray<"first" | "further">
  readonly change: { readonly day: number; readonly stamp: Stamp; readonly income: number | undefined; readonly rank: "first" | "further" | undefined } | undefined
  /** A kot-entitlement-ended recorded later than the end it corrects, moving it `shift` days. */
  readonly endCorrection: { readonly which: number; readonly shift: number; readonly extraMinutes: number } | undefined
}

export interface IndicationSpec {
  readonly kind: IndicationKindName
  readonly from: number
  readonly stamp: Stamp
  /** validUntil as days after `from`. */
  readonly validFor: number | undefined
  readonly maxDaysPerWeek: number | undefined
  readonly maxHoursPerWeek: number | undefined
  readonly incomeCents: number | undefined
  readonly extend: { readonly untilAfter: number; readonly extraMinutes: number } | undefined
  readonly end: { readonly after: number; readonly extraMinutes: number } | undefined
}

export interface ChildSpec {
  readonly placements: ReadonlyArray<PlacementSpec>
  readonly kot: KotSpec
  readonly indications: ReadonlyArray<IndicationSpec>
  readonly waitingJeugdhulp: SpellsSpec
  readonly waitingPlusPlace: SpellsSpec
}

export interface BudgetSpec {
  readonly amountCents: number
  readonly streams: ReadonlyArray<string>
}

export interface HistorySpec {
  readonly year: number
  readonly groups: ReadonlyArray<GroupSpec>
  readonly children: ReadonlyArray<ChildSpec>
  readonly budgets: ReadonlyArray<BudgetSpec>
  /** Seed of the delivery order (0: children one after another, as built). */
  readonly deliverySeed: number
}

export interface History {
  readonly spec: HistorySpec
  /** The events, in delivery order. */
  readonly events: ReadonlyArray<EventEnvelope>
}

// ---------------------------------------------------------------------------
// Building events from a spec

export const childIdOf = (i: number) => `K-${String(i + 1).padStart(2, "0")}`
export const groupIdOf = (i: number) => `G-${i + 1}`
export const placementIdOf = (child: number, p: number) => `P-${String(child + 1).padStart(2, "0")}-${p + 1}`
export const indicationIdOf = (child: number, i: number) => `I-${String(child + 1).padStart(2, "0")}-${i + 1}`

const MINUTE = 60_000
const DAY = 86_400_000

/** The day `offset` days after 1 January of `year`, as YYYY-MM-DD. */
export const dayIso = (year: number, offset: number): string => addDays(`${year}-01-01`, offset)

const pad = (n: number, w = 2) => String(n).padStart(w, "0")

/** An instant (ms since the epoch) written with a UTC offset of `zone` minutes. */
export const writeInstant = (ms: number, zone: number): string => {
  if (zone === 0) return new Date(ms).toISOString()
  const local = new Date(ms + zone * MINUTE).toISOString().slice(0, 23)
  const sign = zone < 0 ? "-" : "+"
  const z = Math.abs(zone)
  return `${local}${sign}${pad(Math.floor(z / 60))}:${pad(z % 60)}`
}

/** Instant (ms) of a stamp on a valid day (an offset in `year`). */
export const stampMs = (year: number, day: number, stamp: Stamp): number =>
  Date.UTC(year, 0, 1) + day * DAY + 12 * 60 * MINUTE + stamp.lagMinutes * MINUTE

export const money = (cents: number): string => `${Math.floor(cents / 100)}.${pad(cents % 100)}`

/** A deterministic shuffle (mulberry32); seed 0 keeps the order. */
export const seededShuffle = <A>(items: ReadonlyArray<A>, seed: number): Array<A> => {
  const out = [...items]
  if (seed === 0) return out
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const SOURCE = "test/support/arbitraries.ts"

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

// ---------------------------------------------------------------------------
// Arbitraries

const DAYS_BEFORE = 60
const LAST_DAY = 364

const stampArb: fc.Arbitrary<Stamp> = fc.record({
  lagMinutes: fc.integer({ min: -30 * 24 * 60, max: 45 * 24 * 60 }),
  zone: fc.constantFrom(0, 60, 120, -300)
})

const extraMinutesArb = fc.integer({ min: 1, max: 120 * 24 * 60 })

export const careTypeArb: fc.Arbitrary<CareTypeName> = fc.constantFrom("dagopvang", "dagopvang", "peuteropvang", "bso", "gastouderopvang")

/** Hourly prices in cents: below, at and above the 2026 maximum uurprijs (dagopvang 11.23, bso 9.98, gastouder 8.49). */
export const priceCentsArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 500, max: 2500 }),
  fc.constantFrom(1122, 1123, 1124, 997, 998, 999, 849, 850)
)

const daysPerWeekArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom(0.5, 2.5, 6, 7) })
/** Ordinary days, long days (over the 230-hour cap at 5 days a week) and up to 24 h. */
const hoursPerDayArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 3, max: 11 }) },
  { weight: 1, arbitrary: fc.constantFrom(10.5, 11.5, 12, 16, 24) }
)
const incomeArb = fc.oneof(
  fc.integer({ min: 15_000, max: 260_000 }),
  fc.constantFrom(47_403, 47_404, 56_412, 56_413, 96_091, 159_224, 159_225, 165_658, 165_659)
)
const rankArb = fc.constantFrom<"first" | "further">("first", "further")

const changeArb: fc.Arbitrary<ChangeSpec> = fc
  .record({
    after: fc.integer({ min: 1, max: 300 }),
    stamp: stampArb,
    groupIdx: fc.option(fc.nat(2), { nil: undefined }),
    daysPerWeek: fc.option(daysPerWeekArb, { nil: undefined }),
    hoursPerDay: fc.option(hoursPerDayArb, { nil: undefined }),
    priceCents: fc.option(priceCentsArb, { nil: undefined })
  })
  .map((c) =>
    c.groupIdx === undefined && c.daysPerWeek === undefined && c.hoursPerDay === undefined && c.priceCents === undefined
      ? { ...c, daysPerWeek: 2 }
      : c
  )

export const placementArb: fc.Arbitrary<PlacementSpec> = fc.record({
  groupIdx: fc.nat(2),
  careType: fc.option(careTypeArb, { nil: undefined, freq: 4 }),
  start: fc.integer({ min: -DAYS_BEFORE, max: LAST_DAY - 20 }),
  startStamp: stampArb,
  daysPerWeek: daysPerWeekArb,
  hoursPerDay: hoursPerDayArb,
  priceCents: priceCentsArb,
  changes: fc.uniqueArray(changeArb, { maxLength: 3, selector: (c) => c.after }),
  end: fc.option(fc.record({ after: fc.integer({ min: 0, max: 330 }), stamp: stampArb }), { nil: undefined }),
  endCorrection: fc.option(fc.record({ shift: fc.integer({ min: -90, max: 90 }), extraMinutes: extraMinutesArb }), {
    nil: undefined,
    freq: 3
  })
})

/**
 * Alternating start/end days, 0 to `maxBoundaries` of them: each spell lasts
 * 0 or more days after its start (a one-day spell starts and ends on one day),
 * and the next starts at least a day after the previous one ended (ended,
 * started again, ...).
 */
const spellsArb = (maxBoundaries: number): fc.Arbitrary<SpellsSpec> =>
  fc
    .tuple(fc.integer({ min: -DAYS_BEFORE, max: LAST_DAY }), fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: maxBoundaries }))
    .chain(([first, steps]) => {
      const days: Array<number> = []
      let day = first
      steps.forEach((step, i) => {
        if (i > 0) day += i % 2 === 1 ? step : step + 1
        days.push(day)
      })
      return fc.record({
        days: fc.constant(days),
        stamps: fc.array(stampArb, { minLength: days.length, maxLength: days.length })
      })
    })

export const kotArb: fc.Arbitrary<KotSpec> = fc.record({
  spells: spellsArb(4),
  incomes: fc.array(incomeArb, { minLength: 2, maxLength: 2 }),
  ranks: fc.array(rankArb, { minLength: 2, maxLength: 2 }),
  change: fc.option(
    fc.record({
      day: fc.integer({ min: -DAYS_BEFORE, max: LAST_DAY }),
      stamp: stampArb,
      income: fc.option(incomeArb, { nil: undefined }),
      rank: fc.option(rankArb, { nil: undefined })
    }),
    { nil: undefined, freq: 3 }
  ),
  endCorrection: fc.option(
    fc.record({ which: fc.nat(1), shift: fc.integer({ min: -90, max: 90 }).filter((s) => s !== 0), extraMinutes: extraMinutesArb }),
    { nil: undefined, freq: 3 }
  )
}).map(({ spells, ...rest }) => ({ ...spells, ...rest }))

const indicationKindArb = fc.constantFrom<IndicationKindName>("smi", "smi-plus", "ve", "plus-advice", "bouwsteen-advice", "jeugdhulp")

const indicationFields = (kind: fc.Arbitrary<IndicationKindName>, from: fc.Arbitrary<number>) =>
  fc.record({
    kind,
    from,
    stamp: stampArb,
    validFor: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    maxDaysPerWeek: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    maxHoursPerWeek: fc.option(fc.integer({ min: 4, max: 60 }), { nil: undefined }),
    incomeCents: fc.option(incomeArb.map((i) => i * 100), { nil: undefined, freq: 2 }),
    extend: fc.option(fc.record({ untilAfter: fc.integer({ min: -30, max: 400 }), extraMinutes: extraMinutesArb }), { nil: undefined, freq: 4 }),
    end: fc.option(fc.record({ after: fc.integer({ min: 0, max: 300 }), extraMinutes: extraMinutesArb }), { nil: undefined, freq: 4 })
  })

const indicationDay = fc.integer({ min: -DAYS_BEFORE, max: LAST_DAY })

/** Overlapping indications issued on one day: smi with smi-plus, jeugdhulp with bouwsteen-advice. */
const pairArb: fc.Arbitrary<ReadonlyArray<IndicationSpec>> = fc
  .tuple(fc.constantFrom<[IndicationKindName, IndicationKindName]>(["smi", "smi-plus"], ["jeugdhulp", "bouwsteen-advice"], ["plus-advice", "bouwsteen-advice"]), indicationDay)
  .chain(([[a, b], from]) => fc.tuple(indicationFields(fc.constant(a), fc.constant(from)), indicationFields(fc.constant(b), fc.constant(from))))

export const indicationsArb: fc.Arbitrary<ReadonlyArray<IndicationSpec>> = fc
  .tuple(fc.array(indicationFields(indicationKindArb, indicationDay), { maxLength: 3 }), fc.option(pairArb, { nil: undefined }))
  .map(([singles, pair]) => [...singles, ...(pair ?? [])])

export const childArb: fc.Arbitrary<ChildSpec> = fc.record({
  placements: fc.array(placementArb, { minLength: 1, maxLength: 2 }),
  kot: kotArb,
  indications: indicationsArb,
  waitingJeugdhulp: spellsArb(4),
  waitingPlusPlace: spellsArb(2)
})

export const groupArb: fc.Arbitrary<GroupSpec> = fc.record({
  design: fc.constantFrom<DesignName>("homogeneous", "homogeneous", "heterogeneous", "hybrid", "regular"),
  careType: careTypeArb,
  capacity: fc.integer({ min: 1, max: 16 }),
  costPriceCents: fc.option(fc.integer({ min: 800, max: 3000 }), { nil: undefined }),
  opened: fc.integer({ min: -400, max: 200 }),
  closed: fc.option(fc.integer({ min: 150, max: LAST_DAY }), { nil: undefined, freq: 4 }),
  awards: fc.array(fc.record({ places: fc.integer({ min: 1, max: 12 }), pricePerPlace: fc.integer({ min: 1_000, max: 25_000 }) }), { maxLength: 2 })
})

const STREAMS = ["kot", "smi", "kindplek", "overbrugging", "bouwsteen", "gemeente", "parent", "provider"] as const
export const budgetArb: fc.Arbitrary<BudgetSpec> = fc.record({
  amountCents: fc.integer({ min: 0, max: 50_000_000 }),
  streams: fc.uniqueArray(fc.constantFrom(...STREAMS), { minLength: 1, maxLength: 3 })
})

export interface HistoryOptions {
  readonly year?: number
  readonly minChildren?: number
  readonly maxChildren?: number
  readonly maxGroups?: number
}

export const historySpecArb = (o: HistoryOptions = {}): fc.Arbitrary<HistorySpec> =>
  fc.record({
    year: fc.constant(o.year ?? 2026),
    groups: fc.array(groupArb, { minLength: 1, maxLength: o.maxGroups ?? 3 }),
    children: fc.array(childArb, { minLength: o.minChildren ?? 1, maxLength: o.maxChildren ?? 12 }),
    budgets: fc.array(budgetArb, { maxLength: 2 }),
    deliverySeed: fc.nat()
  })

/** A generated history: the spec and its events in an interleaved delivery order. */
export const historyArb = (o: HistoryOptions = {}): fc.Arbitrary<History> => historySpecArb(o).map(historyOf)
