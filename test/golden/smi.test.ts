/**
 * Golden cases: sociaal medische indicatie (SMI), computed by hand.
 *
 * Rules (seed 002 "Financiering"; seed 004 §IX.4; PARAMETERS.md "Sociaal medische indicatie"):
 * SMI pays only on days WITHOUT a KOT entitlement and with a valid SMI / SMI+
 * indication, on (hours SMI may pay) × (price, capped per the model) × (1 − own share).
 * Rotterdam: price capped at the maximum uurprijs (2026 dagopvang 11.23), plain SMI at
 * most 9 months from its first day, SMI+ at most 4 days a week, own share 0 (policy input).
 * Models A, B, C: small policies in ./policies/ (thresholds are test inputs).
 * Group G-R is a regular group without a cost price: no plus layer.
 */
import { describe } from "vitest"
import {
  type GoldenCase,
  goldenCases,
  goldenPolicy,
  groupOpened,
  indicationEnded,
  indicationExtended,
  indicationIssued,
  kotEnded,
  kotStarted,
  placementStarted,
  shippedPolicy
} from "./support"

const rotterdam = shippedPolicy("rotterdam-koplus")
const G = groupOpened("G-R")
const placed = (child: string, from: string, days: number, hours: number, price: string) =>
  placementStarted(child, from, { groupId: "G-R", daysPerWeek: days, hoursPerDay: hours, hourlyPrice: price })

const cases: ReadonlyArray<GoldenCase> = [
  // SMI+ with 5 days asked, capped at 4 (seed 004 §IX.4):
  // hours of care = 5 d × 9 h × 52/12 = 195 h ; cost = 195 × 10.00 = 1,950.00
  // SMI+ pays 4 of 5 days: 4 d × 9 h × 52/12 = 156 h × min(10.00, 11.23) × (1 − 0) = 1,560.00
  // parent = 1,950.00 − 1,560.00 = 390.00 (the fifth day)
  {
    name: "Rotterdam SMI+: 5 days asked, paid for 4",
    events: [G, placed("S-1", "2026-01-05", 5, 9, "10.00"), indicationIssued("S-1", "I-1", "smi-plus", "2026-01-05")],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "S-1", month: "2026-04", cost: "1950.00", streams: { smi: "1560.00", parent: "390.00" } }]
  },
  // SMI+ on a price above the maximum uurprijs (Rotterdam caps SMI at it):
  // hours = 4 d × 9 h × 52/12 = 156 h ; cost = 156 × 12.00 = 1,872.00
  // SMI+ = 156 × min(12.00, 11.23) = 1,751.88 ; parent = 1,872.00 − 1,751.88 = 120.12
  {
    name: "Rotterdam SMI+: price above the maximum uurprijs",
    events: [G, placed("S-1", "2026-01-05", 4, 9, "12.00"), indicationIssued("S-1", "I-1", "smi-plus", "2026-01-05")],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "S-1", month: "2026-04", cost: "1872.00", streams: { smi: "1751.88", parent: "120.12" } }]
  },
  // Plain SMI at most 9 months (PARAMETERS.md, Rotterdam): indication from 2025-07-16 →
  // paid 2025-07-16 … 2026-04-15 (9 months), open-ended indication notwithstanding.
  // 3 d × 10 h × 52/12 = 130 h a month at 10.00 → cost 1,300.00 every month
  // March 2026: whole month in the window → SMI 130 × 10.00 = 1,300.00
  // April 2026: Apr 1–15 = 15/30 → 65 h × 10.00 = 650.00 ; parent 650.00
  // May 2026  : outside the window → SMI 0 ; parent 1,300.00
  {
    name: "Rotterdam plain SMI: stops after 9 months, mid-month",
    events: [G, placed("S-1", "2025-07-16", 3, 10, "10.00"), indicationIssued("S-1", "I-1", "smi", "2025-07-16")],
    policy: rotterdam,
    months: ["2026-03", "2026-04", "2026-05"],
    children: [
      { child: "S-1", month: "2026-03", cost: "1300.00", streams: { smi: "1300.00" } },
      { child: "S-1", month: "2026-04", cost: "1300.00", streams: { smi: "650.00", parent: "650.00" } },
      { child: "S-1", month: "2026-05", cost: "1300.00", streams: { parent: "1300.00" } }
    ]
  },
  // KOT ends 2026-04-15 (last entitled day), SMI+ from 2026-04-16: never both on one day.
  // 4 d × 9 h × 52/12 = 156 h a month at 10.00 → cost 1,560.00; each half of April = 78 h
  // Apr 1–15 : KOT 0.96 × 78 × 10.00 = 748.80
  // Apr 16–30: SMI+ 78 h (4 days ≤ 4) × 10.00 = 780.00
  // parent = 1,560.00 − 748.80 − 780.00 = 31.20
  {
    name: "KOT ends mid-month, SMI+ takes over the next day",
    events: [
      G,
      placed("S-1", "2026-01-05", 4, 9, "10.00"),
      kotStarted("S-1", "2026-01-05", "50000"),
      kotEnded("S-1", "2026-04-15"),
      indicationIssued("S-1", "I-1", "smi-plus", "2026-04-16")
    ],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "S-1", month: "2026-04", cost: "1560.00", streams: { kot: "748.80", smi: "780.00", parent: "31.20" } }]
  },
  // A KOT entitlement and an SMI+ indication on the same days: SMI is for families
  // WITHOUT KOT, so only KOT pays (invariant 2).
  // 130 h × 10.00 = 1,300.00 ; KOT 0.96 × 1,300.00 = 1,248.00 ; parent 52.00 ; SMI 0
  {
    name: "KOT and SMI+ on the same days: only KOT pays",
    events: [G, placed("S-1", "2026-01-05", 3, 10, "10.00"), kotStarted("S-1", "2026-01-05", "50000"), indicationIssued("S-1", "I-1", "smi-plus", "2026-01-05")],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "S-1", month: "2026-04", cost: "1300.00", streams: { kot: "1248.00", parent: "52.00" } }]
  },
  // The indication's own hours cap: SMI+ with at most 24 h a week, placement 3 d × 10 h = 30 h a week
  // care: 130 h × 10.00 = 1,300.00 ; SMI pays min(130, 24 × 52/12 = 104) = 104 h × 10.00 = 1,040.00
  // parent = 260.00
  {
    name: "SMI+ within the indication's hours a week",
    events: [G, placed("S-1", "2026-01-05", 3, 10, "10.00"), indicationIssued("S-1", "I-1", "smi-plus", "2026-01-05", { maxHoursPerWeek: 24 })],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "S-1", month: "2026-04", cost: "1300.00", streams: { smi: "1040.00", parent: "260.00" } }]
  },
  // SMI+ issued until 2026-03-31, extended (recorded 2026-03-25) until 2026-06-30, then ended early
  // with last day 2026-04-20 (recorded 2026-04-25): the statement recorded last wins → last day 04-20.
  // 3 d × 10 h = 130 h a month at 10.00 → cost 1,300.00
  // April: Apr 1–20 = 20/30 → 130 × 2/3 = 86.666… h × 10.00 = 866.666… ; parent 433.333…
  //        cents: 866.66 (rem .67) + 433.33 (rem .33) = 1,299.99 → +1 smi: 866.67 / 433.33
  // May: no valid indication → parent 1,300.00
  {
    name: "SMI+ extended, then ended early: the statement recorded last wins",
    events: [
      G,
      placed("S-1", "2026-01-05", 3, 10, "10.00"),
      indicationIssued("S-1", "I-1", "smi-plus", "2026-01-05", { validUntil: "2026-03-31" }),
      indicationExtended("S-1", "I-1", "2026-06-30", { validTime: "2026-03-25", recordedTime: "2026-03-25T10:00:00.000Z" }),
      indicationEnded("S-1", "I-1", "2026-04-20", { recordedTime: "2026-04-25T10:00:00.000Z" })
    ],
    policy: rotterdam,
    months: ["2026-04", "2026-05"],
    children: [
      { child: "S-1", month: "2026-04", cost: "1300.00", streams: { smi: "866.67", parent: "433.33" } },
      { child: "S-1", month: "2026-05", cost: "1300.00", streams: { parent: "1300.00" } }
    ]
  },
  // Model A: at most 230 h a month, price capped at the maximum uurprijs, own share by income table
  // (≤ 30,000 → 5 %, above → 20 %: test inputs).
  // 5 d × 12 h × 52/12 = 260 h at 10.00 → cost 2,600.00 for each child
  // S-1 income 25,000: SMI = min(260, 230) × min(10.00, 11.23) × (1 − 0.05) = 2,300.00 × 0.95 = 2,185.00 ; parent 415.00
  // S-2 income 40,000: SMI = 2,300.00 × (1 − 0.20) = 1,840.00 ; parent 760.00
  {
    name: "SMI model A: 230-hour cap and an income-table own contribution",
    events: [
      G,
      placed("S-1", "2026-01-05", 5, 12, "10.00"),
      indicationIssued("S-1", "I-1", "smi", "2026-01-05", { householdIncome: "25000" }),
      placed("S-2", "2026-01-05", 5, 12, "10.00"),
      indicationIssued("S-2", "I-2", "smi", "2026-01-05", { householdIncome: "40000" })
    ],
    policy: goldenPolicy("smi-model-a"),
    months: ["2026-04"],
    children: [
      { child: "S-1", month: "2026-04", cost: "2600.00", streams: { smi: "2185.00", parent: "415.00" } },
      { child: "S-2", month: "2026-04", cost: "2600.00", streams: { smi: "1840.00", parent: "760.00" } }
    ]
  },
  // Model B: full reimbursement up to 30,000 (test input); above it SMI pays the KOT table's
  // first-child percentage. No price cap in model B.
  // 3 d × 10 h × 52/12 = 130 h at 12.00 → cost 1,560.00 for each child
  // S-1 income 25,000 ≤ 30,000 → SMI 130 × 12.00 = 1,560.00 ; parent 0
  // S-2 income 100,000 > 30,000 → 2026 table 72.1 % → SMI 0.721 × 1,560.00 = 1,124.76 ; parent 435.24
  {
    name: "SMI model B: full below the threshold, KOT table above it, no price cap",
    events: [
      G,
      placed("S-1", "2026-01-05", 3, 10, "12.00"),
      indicationIssued("S-1", "I-1", "smi", "2026-01-05", { householdIncome: "25000" }),
      placed("S-2", "2026-01-05", 3, 10, "12.00"),
      indicationIssued("S-2", "I-2", "smi", "2026-01-05", { householdIncome: "100000" })
    ],
    policy: goldenPolicy("smi-model-b"),
    months: ["2026-04"],
    children: [
      { child: "S-1", month: "2026-04", cost: "1560.00", streams: { smi: "1560.00" } },
      { child: "S-2", month: "2026-04", cost: "1560.00", streams: { smi: "1124.76", parent: "435.24" } }
    ]
  },
  // Model C: full cost up to the maximum uurprijs; 6 % own share above 30,000 (test input).
  // 130 h at 12.00 → cost 1,560.00 each; SMI price = min(12.00, 11.23) = 11.23 → 130 × 11.23 = 1,459.90
  // S-1 income 40,000 > 30,000: SMI = 1,459.90 × 0.94 = 1,372.306 ; parent = 187.694
  //   cents: 1,372.30 (rem .6) + 187.69 (rem .4) = 1,559.99 → +1 to smi: 1,372.31 / 187.69
  // S-2 income 20,000 ≤ 30,000: SMI = 1,459.90 ; parent = 1,560.00 − 1,459.90 = 100.10
  {
    name: "SMI model C: maximum uurprijs, 6 % own share above the threshold",
    events: [
      G,
      placed("S-1", "2026-01-05", 3, 10, "12.00"),
      indicationIssued("S-1", "I-1", "smi", "2026-01-05", { householdIncome: "40000" }),
      placed("S-2", "2026-01-05", 3, 10, "12.00"),
      indicationIssued("S-2", "I-2", "smi", "2026-01-05", { householdIncome: "20000" })
    ],
    policy: goldenPolicy("smi-model-c"),
    months: ["2026-04"],
    children: [
      { child: "S-1", month: "2026-04", cost: "1560.00", streams: { smi: "1372.31", parent: "187.69" } },
      { child: "S-2", month: "2026-04", cost: "1560.00", streams: { smi: "1459.90", parent: "100.10" } }
    ]
  }
]

describe("golden: sociaal medische indicatie", () => goldenCases(cases))
