/**
 * Golden cases: the kindplek subsidy (seed 004 §X), computed by hand.
 *
 * Rules (src/domain/rules/kindplek.ts, measure.ts):
 *   subsidy(month)  = places × price per place × days in month / days in year
 *   place-days      = min(days/week, 5)/5 × opening days (Mon–Fri) placed
 *   capacity        = places × opening days of the month
 *   child's share   = subsidy × child's place-days / max(capacity, occupied place-days)
 *   vacancy         = subsidy × (capacity − occupied) / capacity   (group line)
 *   the child's kindplek = min(share, its plus layer); the rest of the share is surplus (group line)
 * April 2026: 30 days, 22 opening days (Apr 1 is a Wednesday); Apr 16–30 has 11.
 * 2026 has 365 days: a price per place of 7,300.00 is 20.00 a day, 36,500.00 is 100.00 a day.
 * Groups are homogeneous: Rotterdam's cost price 18.00 per child-hour, so plus layer =
 * hours × (18.00 − price). KOT children: income 50,000 → 96.0 %.
 */
import { describe } from "vitest"
import {
  type GoldenCase,
  goldenCases,
  groupOpened,
  indicationIssued,
  kindplekAwarded,
  kotStarted,
  placementStarted,
  shippedPolicy
} from "./support"

const rotterdam = shippedPolicy("rotterdam-koplus")

const child = (id: string, group: string, from: string, days: number, hours: number) =>
  placementStarted(id, from, { groupId: group, daysPerWeek: days, hoursPerDay: hours, hourlyPrice: "10.00" })

const cases: ReadonlyArray<GoldenCase> = [
  // Group G-K, award 4 places × 7,300.00 for 2026.
  // subsidy April = 4 × 7,300.00 × 30/365 = 2,400.00 ; capacity = 4 × 22 = 88 place-days
  // K-A: 5 d × 9 h, all April  → place-days 5/5 × 22 = 22
  //      hours 5 × 9 × 52/12 = 195 h ; regular 195 × 10.00 = 1,950.00 ; plus 195 × 8.00 = 1,560.00 ; cost 195 × 18 = 3,510.00
  //      KOT 0.96 × 1,950.00 = 1,872.00 ; parent 78.00
  //      kindplek 2,400 × 22/88 = 600.00 ; provider 1,560.00 − 600.00 = 960.00
  // K-B: 3 d × 10 h, all April → place-days 3/5 × 22 = 13.2
  //      hours 130 ; regular 1,300.00 ; plus 1,040.00 ; cost 2,340.00 ; KOT 1,248.00 ; parent 52.00
  //      kindplek 2,400 × 13.2/88 = 360.00 ; provider 680.00
  // K-C: 5 d × 9 h from Thu 2026-04-16, SMI+ from the same day → place-days 11
  //      hours 195 × 15/30 = 97.5 ; regular 975.00 ; plus 97.5 × 8 = 780.00 ; cost 1,755.00
  //      SMI+ 4 of 5 days: 97.5 × 4/5 = 78 h × 10.00 = 780.00 ; parent 975.00 − 780.00 = 195.00
  //      kindplek 2,400 × 11/88 = 300.00 ; provider 480.00
  // Group: occupied 22 + 13.2 + 11 = 46.2 ; vacancy 2,400 × (88 − 46.2)/88 = 2,400 × 41.8/88 = 1,140.00
  //        check: 600 + 360 + 300 + 1,140 = 2,400.00 ; surplus 0.00
  //        occupancy 46.2/88 = 0.525 (< 80 %: flagged) ; headcount (22 + 22 + 11)/22 = 2.5 (< 5: flagged)
  {
    name: "allocation by place-days, vacancy for empty places, a child starting mid-month",
    events: [
      groupOpened("G-K", { design: "homogeneous" }),
      kindplekAwarded("G-K", "A-1", 2026, 4, "7300.00"),
      child("K-A", "G-K", "2026-01-05", 5, 9),
      kotStarted("K-A", "2026-01-05", "50000"),
      child("K-B", "G-K", "2026-01-05", 3, 10),
      kotStarted("K-B", "2026-01-05", "50000"),
      child("K-C", "G-K", "2026-04-16", 5, 9),
      indicationIssued("K-C", "I-C", "smi-plus", "2026-04-16")
    ],
    policy: rotterdam,
    months: ["2026-04"],
    children: [
      { child: "K-A", month: "2026-04", cost: "3510.00", streams: { kot: "1872.00", kindplek: "600.00", parent: "78.00", provider: "960.00" } },
      { child: "K-B", month: "2026-04", cost: "2340.00", streams: { kot: "1248.00", kindplek: "360.00", parent: "52.00", provider: "680.00" } },
      { child: "K-C", month: "2026-04", cost: "1755.00", streams: { smi: "780.00", kindplek: "300.00", parent: "195.00", provider: "480.00" } }
    ],
    groups: [{ group: "G-K", month: "2026-04", vacancy: "1140.00", surplus: "0.00", occupancyRate: "0.525", averageChildren: "2.5", flags: 2 }]
  },
  // Group G-S, award 1 place × 36,500.00: subsidy April = 36,500 × 30/365 = 3,000.00 ; capacity 22
  // K-D: 5 d × 9 h all April → place-days 22 → share 3,000 × 22/22 = 3,000.00
  //      plus layer 195 × 8.00 = 1,560.00 < share → kindplek 1,560.00, provider 0
  //      KOT 1,872.00 ; parent 78.00 ; cost 3,510.00
  // Group: vacancy 3,000 × (22 − 22)/22 = 0.00 ; surplus 3,000.00 − 1,560.00 = 1,440.00
  //        occupancy 22/22 = 1 ; headcount 22/22 = 1 (< 5: one flag)
  {
    name: "surplus: the share is more than the child's plus layer",
    events: [
      groupOpened("G-S", { design: "homogeneous" }),
      kindplekAwarded("G-S", "A-1", 2026, 1, "36500.00"),
      child("K-D", "G-S", "2026-01-05", 5, 9),
      kotStarted("K-D", "2026-01-05", "50000")
    ],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "K-D", month: "2026-04", cost: "3510.00", streams: { kot: "1872.00", kindplek: "1560.00", parent: "78.00" } }],
    groups: [{ group: "G-S", month: "2026-04", vacancy: "0.00", surplus: "1440.00", occupancyRate: "1", averageChildren: "1", flags: 1 }]
  },
  // An awarded group with no children: the whole subsidy is vacancy.
  // Group G-E, award 2 places × 7,300.00 → April 2 × 7,300 × 30/365 = 1,200.00
  // capacity 2 × 22 = 44 place-days, occupied 0 → vacancy 1,200 × 44/44 = 1,200.00 ; surplus 0.00
  // occupancy 0/44 = 0 (< 80 %), headcount 0 (< 5): 2 flags
  {
    name: "an empty awarded group: the whole subsidy is vacancy",
    events: [groupOpened("G-E", { design: "homogeneous" }), kindplekAwarded("G-E", "A-1", 2026, 2, "7300.00")],
    policy: rotterdam,
    months: ["2026-04"],
    children: [],
    groups: [{ group: "G-E", month: "2026-04", vacancy: "1200.00", surplus: "0.00", occupancyRate: "0", averageChildren: "0", flags: 2 }]
  },
  // More place-days occupied than awarded: the subsidy is shared, never exceeded.
  // Group G-O, award 1 place × 7,300.00: subsidy April = 7,300 × 30/365 = 600.00 ; capacity 22
  // K-E and K-F each 5 d × 9 h all April → 22 place-days each, occupied 44 > 22
  // each share = 600 × 22 / max(22, 44) = 300.00 ; vacancy 0.00 (none empty)
  // each child: plus 1,560.00 → kindplek 300.00, provider 1,260.00 ; KOT 1,872.00 ; parent 78.00
  // occupancy 44/22 = 2 ; headcount 44/22 = 2 (< 5: one flag)
  {
    name: "over-occupation: shares are scaled to the occupied place-days",
    events: [
      groupOpened("G-O", { design: "homogeneous" }),
      kindplekAwarded("G-O", "A-1", 2026, 1, "7300.00"),
      child("K-E", "G-O", "2026-01-05", 5, 9),
      kotStarted("K-E", "2026-01-05", "50000"),
      child("K-F", "G-O", "2026-01-05", 5, 9),
      kotStarted("K-F", "2026-01-05", "50000")
    ],
    policy: rotterdam,
    months: ["2026-04"],
    children: [
      { child: "K-E", month: "2026-04", cost: "3510.00", streams: { kot: "1872.00", kindplek: "300.00", parent: "78.00", provider: "1260.00" } },
      { child: "K-F", month: "2026-04", cost: "3510.00", streams: { kot: "1872.00", kindplek: "300.00", parent: "78.00", provider: "1260.00" } }
    ],
    groups: [{ group: "G-O", month: "2026-04", vacancy: "0.00", surplus: "0.00", occupancyRate: "2", averageChildren: "2", flags: 1 }]
  }
]

describe("golden: kindplek subsidy", () => goldenCases(cases))
