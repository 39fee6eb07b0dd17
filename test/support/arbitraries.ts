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
 * - Waiting-list spells (entered/left/entered ...) on both lists; KOT and
 *   waiting spells may last a single day (start and end on one day).
 * Recorded times lie from a month before to six weeks after the valid day,
 * written in UTC or with an offset (+01:00, +02:00, -05:00), so the text of a
 * recorded time is not its order. The delivery order interleaves children
 * (a seeded shuffle, which shrinks towards no shuffle).
 *
 * The spec types are in ./historySpec.ts and the building in ./buildHistory.ts;
 * both are re-exported here.
 */
import fc from "fast-check"
import {
  type BudgetSpec,
  type CareTypeName,
  type ChangeSpec,
  type ChildSpec,
  type DesignName,
  type GroupSpec,
  type History,
  type HistorySpec,
  type IndicationKindName,
  type IndicationSpec,
  type KotSpec,
  type PlacementSpec,
  type SpellsSpec,
  type Stamp
} from "./historySpec"
import { historyOf } from "./buildHistory"

export * from "./historySpec"
export * from "./buildHistory"

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
