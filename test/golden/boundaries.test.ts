/**
 * Golden cases: month and year boundaries, changes mid-month and late corrections,
 * computed by hand.
 *
 * Rules: hours are prorated by day (days placed / days in month); intervals are closed and
 * an *-ended event's valid time is the LAST day; of two statements about one placement's
 * end, the one recorded last wins, whichever way it moves the date (timeline/periods.ts).
 * "As known on a date" = replay only the events recorded up to then.
 * Policy Rotterdam KOplus; group G-R has no cost price (no plus layer); KOT first child.
 */
import { describe } from "vitest"
import type { EventEnvelope } from "../../src/events"
import {
  type GoldenCase,
  goldenCases,
  groupOpened,
  kotStarted,
  placementChanged,
  placementEnded,
  placementStarted,
  shippedPolicy
} from "./support"

const rotterdam = shippedPolicy("rotterdam-koplus")
const G = groupOpened("G-R")
const placed = (child: string, from: string, days: number, hours: number, price: string) =>
  placementStarted(child, from, { groupId: "G-R", daysPerWeek: days, hoursPerDay: hours, hourlyPrice: price })

// A late correction: the placement end was first announced (recorded 2026-03-20) as 2026-04-30;
// on 2026-05-20 it was corrected to 2026-04-15 (an earlier valid time, recorded later).
const correctionHistory: ReadonlyArray<EventEnvelope> = [
  G,
  placed("B-6", "2026-01-05", 3, 10, "10.00"),
  kotStarted("B-6", "2026-01-05", "50000"),
  placementEnded("B-6", "2026-04-30", { recordedTime: "2026-03-20T09:00:00.000Z" }),
  placementEnded("B-6", "2026-04-15", { recordedTime: "2026-05-20T09:00:00.000Z" })
]
const knownOn = (events: ReadonlyArray<EventEnvelope>, instant: string) =>
  events.filter((e) => new Date(e.recordedTime).getTime() <= new Date(instant).getTime())

const cases: ReadonlyArray<GoldenCase> = [
  // Start mid-month: placement from Thu 2026-04-16 → 15 of April's 30 days.
  // hours = 3 × 10 × 52/12 × 15/30 = 65 h ; cost 65 × 10.00 = 650.00
  // KOT 0.96 × 65 × 10.00 = 624.00 ; parent 26.00 ; March: no line
  {
    name: "placement starts mid-month",
    events: [G, placed("B-1", "2026-04-16", 3, 10, "10.00"), kotStarted("B-1", "2026-04-16", "50000")],
    policy: rotterdam,
    months: ["2026-03", "2026-04"],
    children: [{ child: "B-1", month: "2026-04", cost: "650.00", streams: { kot: "624.00", parent: "26.00" } }],
    absent: [{ child: "B-1", month: "2026-03" }]
  },
  // End mid-month: last day of care 2026-06-15 → 15 of June's 30 days.
  // hours = 2 × 9 × 52/12 × 15/30 = 78 × 1/2 = 39 h ; cost 39 × 11.00 = 429.00
  // KOT 0.96 × 39 × min(11.00, 11.23) = 411.84 ; parent 17.16 ; July: no line
  {
    name: "placement ends mid-month",
    events: [G, placed("B-2", "2026-01-05", 2, 9, "11.00"), kotStarted("B-2", "2026-01-05", "50000"), placementEnded("B-2", "2026-06-15")],
    policy: rotterdam,
    months: ["2026-06", "2026-07"],
    children: [{ child: "B-2", month: "2026-06", cost: "429.00", streams: { kot: "411.84", parent: "17.16" } }],
    absent: [{ child: "B-2", month: "2026-07" }]
  },
  // Ended on the last day of the month (closed interval): April is whole, May has nothing.
  // 130 h × 10.00 = 1,300.00 ; KOT 1,248.00 ; parent 52.00
  {
    name: "placement ends on the last day of the month",
    events: [G, placed("B-3", "2026-01-05", 3, 10, "10.00"), kotStarted("B-3", "2026-01-05", "50000"), placementEnded("B-3", "2026-04-30")],
    policy: rotterdam,
    months: ["2026-04", "2026-05"],
    children: [{ child: "B-3", month: "2026-04", cost: "1300.00", streams: { kot: "1248.00", parent: "52.00" } }],
    absent: [{ child: "B-3", month: "2026-05" }]
  },
  // Year boundary: December 2025 and January 2026 use their own year's parameters.
  // income 40,000: 2025 ≤ 47,403 → 96.0 % ; 2026 ≤ 56,412 → 96.0 % ; 130 h a month at 11.00
  // Dec 2025: cost 130 × 11.00 = 1,430.00 ; KOT 0.96 × 130 × min(11.00, 10.71) = 0.96 × 1,392.30 = 1,336.608
  //           parent 93.392 ; cents: 1,336.60 (rem .8) + 93.39 (rem .2) = 1,429.99 → +1 kot: 1,336.61
  // Jan 2026: KOT 0.96 × 130 × min(11.00, 11.23) = 1,372.80 ; parent 57.20
  {
    name: "year boundary: the maximum uurprijs changes from 10.71 to 11.23",
    events: [G, placed("B-4", "2025-09-01", 3, 10, "11.00"), kotStarted("B-4", "2025-09-01", "40000")],
    policy: rotterdam,
    months: ["2025-12", "2026-01"],
    children: [
      { child: "B-4", month: "2025-12", cost: "1430.00", streams: { kot: "1336.61", parent: "93.39" } },
      { child: "B-4", month: "2026-01", cost: "1430.00", streams: { kot: "1372.80", parent: "57.20" } }
    ]
  },
  // Days per week change from 3 to 5 on 2026-04-16 (9 h a day throughout, 10.00):
  // Apr 1–15 : 3 × 9 × 52/12 × 15/30 = 117 × 1/2 = 58.5 h
  // Apr 16–30: 5 × 9 × 52/12 × 15/30 = 195 × 1/2 = 97.5 h      → 156 h in all
  // cost 156 × 10.00 = 1,560.00 ; KOT 0.96 × 1,560.00 = 1,497.60 ; parent 62.40
  {
    name: "placement changes mid-month",
    events: [G, placed("B-5", "2026-01-05", 3, 9, "10.00"), kotStarted("B-5", "2026-01-05", "50000"), placementChanged("B-5", "2026-04-16", { daysPerWeek: 5 })],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "B-5", month: "2026-04", cost: "1560.00", streams: { kot: "1497.60", parent: "62.40" } }]
  },
  // Two statements of a change on the same valid day (2026-04-16): days 3 → 5 (recorded 2026-03-01),
  // corrected to 3 → 4 (recorded 2026-04-20). The one recorded last wins.
  // Apr 1–15 : 3 × 9 × 52/12 × 15/30 = 58.5 h
  // Apr 16–30: 4 × 9 × 52/12 × 15/30 = 156 × 1/2 = 78 h       → 136.5 h in all
  // cost 136.5 × 10.00 = 1,365.00 ; KOT 0.96 × 1,365.00 = 1,310.40 ; parent 54.60
  {
    name: "a corrected placement change: the statement recorded last wins",
    events: [
      G,
      placed("B-7", "2026-01-05", 3, 9, "10.00"),
      kotStarted("B-7", "2026-01-05", "50000"),
      placementChanged("B-7", "2026-04-16", { daysPerWeek: 5 }, { recordedTime: "2026-03-01T09:00:00.000Z" }),
      placementChanged("B-7", "2026-04-16", { daysPerWeek: 4 }, { recordedTime: "2026-04-20T09:00:00.000Z" })
    ],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "B-7", month: "2026-04", cost: "1365.00", streams: { kot: "1310.40", parent: "54.60" } }]
  },
  // A corrected KOT start: first stated from 2026-01-05 at 50,000, then (recorded 2026-05-01) from
  // 2026-04-16 at 100,000. Two starts with no end between are one start: the one recorded last.
  // 130 h × 10.00 = 1,300.00 ; Apr 1–15: no entitlement ; Apr 16–30: 0.721 × 65 × 10.00 = 468.65
  // parent = 1,300.00 − 468.65 = 831.35
  {
    name: "a corrected KOT start: the start recorded last wins",
    events: [
      G,
      placed("B-8", "2026-01-05", 3, 10, "10.00"),
      kotStarted("B-8", "2026-01-05", "50000"),
      kotStarted("B-8", "2026-04-16", "100000", "first", { recordedTime: "2026-05-01T09:00:00.000Z" })
    ],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "B-8", month: "2026-04", cost: "1300.00", streams: { kot: "468.65", parent: "831.35" } }]
  },
  // With the correction (recorded last → last day 2026-04-15): 15/30 of 130 h = 65 h
  // cost 650.00 ; KOT 0.96 × 65 × 10.00 = 624.00 ; parent 26.00 ; May: no line
  {
    name: "late correction of a placement end (earlier valid time, recorded later)",
    events: correctionHistory,
    policy: rotterdam,
    months: ["2026-04", "2026-05"],
    children: [{ child: "B-6", month: "2026-04", cost: "650.00", streams: { kot: "624.00", parent: "26.00" } }],
    absent: [{ child: "B-6", month: "2026-05" }]
  },
  // The same history as known on 2026-05-01 (before the correction): last day 2026-04-30
  // April whole: 130 h × 10.00 = 1,300.00 ; KOT 1,248.00 ; parent 52.00 ; May: no line
  {
    name: "the same history as known before the correction",
    events: knownOn(correctionHistory, "2026-05-01T00:00:00.000Z"),
    policy: rotterdam,
    months: ["2026-04", "2026-05"],
    children: [{ child: "B-6", month: "2026-04", cost: "1300.00", streams: { kot: "1248.00", parent: "52.00" } }],
    absent: [{ child: "B-6", month: "2026-05" }]
  }
]

describe("golden: boundaries and corrections", () => goldenCases(cases))
