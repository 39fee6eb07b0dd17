/**
 * Generated histories as data: a *spec* (groups, children, their placements,
 * entitlements, indications and waiting spells, with day offsets into one
 * year and recorded-time stamps) and how it is built into event envelopes
 * with `buildEvent` (./buildHistory.ts). The fast-check generators are in
 * ./arbitraries.ts; the independent reading of a spec is in ./timelineOracle.ts.
 */
import type { EventEnvelope } from "../../src/events"
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

export const MINUTE = 60_000
export const DAY = 86_400_000

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
