/**
 * Golden cases: kinderopvangtoeslag (KOT), computed by hand.
 *
 * Rule (Besluit kinderopvangtoeslag art. 4, 6, 8a; PARAMETERS.md):
 *   KOT per month = percentage × min(hours, 230) × min(hourly price, maximum uurprijs)
 *   hours = days/week × hours/day × 52 / 12 × days placed / days in month
 * 2026 parameters: maximum uurprijs dagopvang 11.23; percentages from the 2026 table
 * (first / further child). The parent pays what KOT leaves of the regular layer.
 * Policy: Rotterdam KOplus; group G-R is a "regular" group with no cost price, so
 * these children have no plus layer (cost = regular layer).
 */
import { describe } from "vitest"
import {
  type GoldenCase,
  goldenCases,
  groupOpened,
  kotChanged,
  kotStarted,
  placementStarted,
  shippedPolicy
} from "./support"

const rotterdam = shippedPolicy("rotterdam-koplus")
const G = groupOpened("G-R")

/** One child in G-R since 2026-01-05 with a KOT entitlement from the same day. */
const kotChild = (income: string, o: { days: number; hours: number; price: string; rank?: "first" | "further"; child?: string }) => {
  const child = o.child ?? "K-1"
  return [
    placementStarted(child, "2026-01-05", { groupId: "G-R", daysPerWeek: o.days, hoursPerDay: o.hours, hourlyPrice: o.price }),
    kotStarted(child, "2026-01-05", income, o.rank ?? "first")
  ]
}

const cases: ReadonlyArray<GoldenCase> = [
  // hours  = 3 d × 10 h × 52/12 = 130 h (April, placed all 30 of 30 days)
  // cost   = regular layer = 130 h × 10.50 = 1,365.00
  // KOT    = income 50,000 ≤ 56,412 → 96.0 % (2026, first child)
  //          0.960 × 130 h × min(10.50, 11.23) = 0.960 × 1,365.00 = 1,310.40
  // parent = 1,365.00 − 1,310.40 = 54.60
  {
    name: "first child, 96 % band, full month",
    events: [G, ...kotChild("50000", { days: 3, hours: 10, price: "10.50" })],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "K-1", month: "2026-04", cost: "1365.00", streams: { kot: "1310.40", parent: "54.60" } }]
  },
  // hours = 130 h (as above); cost = 1,365.00
  // income 100,000: 99,889 < 100,000 ≤ 103,694 → 72.1 % first / 90.5 % further (2026)
  // first child:  KOT = 0.721 × 1,365.00 = 984.165 ; parent = 1,365.00 − 984.165 = 380.835
  //   cents: total 1,365.00; floors 984.16 + 380.83 = 1,364.99, one cent short; both
  //   remainders are 0.5 → tie → stream order (kot before parent): kot 984.17, parent 380.83
  {
    name: "first child, income 100,000 (72.1 %): half-cent tie goes to the first stream",
    events: [G, ...kotChild("100000", { days: 3, hours: 10, price: "10.50" })],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "K-1", month: "2026-04", cost: "1365.00", streams: { kot: "984.17", parent: "380.83" } }]
  },
  // further child, same household and hours:
  //   KOT = 0.905 × 1,365.00 = 1,235.325 ; parent = 129.675
  //   cents: floors 1,235.32 + 129.67 = 1,364.99; tie of 0.5 remainders → kot: 1,235.33 / 129.67
  {
    name: "further child, income 100,000 (90.5 %)",
    events: [G, ...kotChild("100000", { days: 3, hours: 10, price: "10.50", rank: "further" })],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "K-1", month: "2026-04", cost: "1365.00", streams: { kot: "1235.33", parent: "129.67" } }]
  },
  // Band edges are inclusive upper bounds. hours = 3 d × 8 h × 52/12 = 104 h; price 10.00
  // cost = 104 × 10.00 = 1,040.00 for each child
  // K-1 income 56,412 (= edge) → 96.0 % : KOT 0.960 × 1,040.00 = 998.40 ; parent 41.60
  // K-2 income 56,413 (edge + 1) → 95.5 % : KOT 0.955 × 1,040.00 = 993.20 ; parent 46.80
  {
    name: "income band edge 56,412 / 56,413 (96.0 % → 95.5 %)",
    events: [
      G,
      ...kotChild("56412", { days: 3, hours: 8, price: "10.00", child: "K-1" }),
      ...kotChild("56413", { days: 3, hours: 8, price: "10.00", child: "K-2" })
    ],
    policy: rotterdam,
    months: ["2026-04"],
    children: [
      { child: "K-1", month: "2026-04", cost: "1040.00", streams: { kot: "998.40", parent: "41.60" } },
      { child: "K-2", month: "2026-04", cost: "1040.00", streams: { kot: "993.20", parent: "46.80" } }
    ]
  },
  // Upper edge of the first-child floor, and first versus further child in one household.
  // hours = 104 h, cost 1,040.00 each (as above)
  // K-1 first,   165,657 (= edge) → 38.5 % : 0.385 × 1,040.00 = 400.40 ; parent 639.60
  // K-2 first,   165,658          → 36.5 % : 0.365 × 1,040.00 = 379.60 ; parent 660.40
  // K-3 further, 165,658          → 81.4 % : 0.814 × 1,040.00 = 846.56 ; parent 193.44
  {
    name: "income band edge 165,657 / 165,658, first versus further child",
    events: [
      G,
      ...kotChild("165657", { days: 3, hours: 8, price: "10.00", child: "K-1" }),
      ...kotChild("165658", { days: 3, hours: 8, price: "10.00", child: "K-2" }),
      ...kotChild("165658", { days: 3, hours: 8, price: "10.00", child: "K-3", rank: "further" })
    ],
    policy: rotterdam,
    months: ["2026-04"],
    children: [
      { child: "K-1", month: "2026-04", cost: "1040.00", streams: { kot: "400.40", parent: "639.60" } },
      { child: "K-2", month: "2026-04", cost: "1040.00", streams: { kot: "379.60", parent: "660.40" } },
      { child: "K-3", month: "2026-04", cost: "1040.00", streams: { kot: "846.56", parent: "193.44" } }
    ]
  },
  // The 230-hour cap: hours = 5 d × 12 h × 52/12 = 260 h; price 10.00
  // cost = 260 × 10.00 = 2,600.00
  // KOT  = 0.96 × min(260, 230) × 10.00 = 0.96 × 2,300.00 = 2,208.00
  // parent = 2,600.00 − 2,208.00 = 392.00 (30 h above the cap at full price + 4 % of 230 h)
  {
    name: "230-hour cap",
    events: [G, ...kotChild("50000", { days: 5, hours: 12, price: "10.00" })],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "K-1", month: "2026-04", cost: "2600.00", streams: { kot: "2208.00", parent: "392.00" } }]
  },
  // A price above the maximum uurprijs: 130 h at 12.50
  // cost = 130 × 12.50 = 1,625.00
  // KOT  = 0.96 × 130 × min(12.50, 11.23) = 0.96 × 1,459.90 = 1,401.504
  // parent = 1,625.00 − 1,401.504 = 223.496
  //   cents: floors 1,401.50 (rem .4) + 223.49 (rem .6) = 1,624.99; the missing cent
  //   goes to the largest remainder (parent): kot 1,401.50, parent 223.50
  {
    name: "price above the maximum uurprijs",
    events: [G, ...kotChild("50000", { days: 3, hours: 10, price: "12.50" })],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "K-1", month: "2026-04", cost: "1625.00", streams: { kot: "1401.50", parent: "223.50" } }]
  },
  // Both caps at once: 260 h at 12.00
  // cost = 260 × 12.00 = 3,120.00
  // KOT  = 0.96 × 230 × 11.23 = 0.96 × 2,582.90 = 2,479.584 ; parent = 640.416
  //   cents: 2,479.58 (rem .4) + 640.41 (rem .6) = 3,119.99 → +1 to parent: 640.42
  {
    name: "230-hour cap and a price above the maximum together",
    events: [G, ...kotChild("50000", { days: 5, hours: 12, price: "12.00" })],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "K-1", month: "2026-04", cost: "3120.00", streams: { kot: "2479.58", parent: "640.42" } }]
  },
  // Income change mid-month (kot-entitlement-changed valid 2026-04-16):
  // 130 h a month at 10.00 → cost 1,300.00; each half of April (15/30 days) = 65 h
  // Apr 1–15 : 96.0 % (50,000)  × 65 h × 10.00 = 624.00
  // Apr 16–30: 72.1 % (100,000) × 65 h × 10.00 = 468.65
  // KOT = 1,092.65 ; parent = 1,300.00 − 1,092.65 = 207.35
  {
    name: "income change mid-month",
    events: [G, ...kotChild("50000", { days: 3, hours: 10, price: "10.00" }), kotChanged("K-1", "2026-04-16", { householdIncome: "100000" })],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "K-1", month: "2026-04", cost: "1300.00", streams: { kot: "1092.65", parent: "207.35" } }]
  },
  // KOT entitlement starts mid-month (2026-04-16) on a placement of the whole month:
  // 130 h × 10.00 = 1,300.00 ; each half of April = 65 h
  // Apr 1–15 : no entitlement → KOT 0 (the parent pays 650.00)
  // Apr 16–30: KOT 0.96 × 65 × 10.00 = 624.00
  // parent = 1,300.00 − 624.00 = 676.00
  {
    name: "KOT entitlement starts mid-month",
    events: [
      G,
      placementStarted("K-1", "2026-01-05", { groupId: "G-R", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.00" }),
      kotStarted("K-1", "2026-04-16", "50000")
    ],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "K-1", month: "2026-04", cost: "1300.00", streams: { kot: "624.00", parent: "676.00" } }]
  },
  // The maximum uurprijs of the care type: BSO 9.98 (2026); peuteropvang is dagopvang, 11.23.
  // K-1 BSO, 3 d × 6 h × 52/12 = 78 h at 10.50: cost 78 × 10.50 = 819.00
  //     KOT 0.96 × 78 × min(10.50, 9.98) = 0.96 × 778.44 = 747.3024 ; parent 71.6976
  //     cents: 747.30 (rem .24) + 71.69 (rem .76) = 818.99 → +1 parent: 71.70
  // K-2 peuteropvang, 2 d × 6 h × 52/12 = 52 h at 12.00: cost 52 × 12.00 = 624.00
  //     KOT 0.96 × 52 × min(12.00, 11.23) = 0.96 × 583.96 = 560.6016 ; parent 63.3984
  //     cents: 560.60 (rem .16) + 63.39 (rem .84) = 623.99 → +1 parent: 63.40
  {
    name: "maximum uurprijs per care type: BSO, and peuteropvang as dagopvang",
    events: [
      G,
      placementStarted("K-1", "2026-01-05", { groupId: "G-R", daysPerWeek: 3, hoursPerDay: 6, hourlyPrice: "10.50", careType: "bso" }),
      kotStarted("K-1", "2026-01-05", "50000"),
      placementStarted("K-2", "2026-01-05", { groupId: "G-R", daysPerWeek: 2, hoursPerDay: 6, hourlyPrice: "12.00", careType: "peuteropvang" }),
      kotStarted("K-2", "2026-01-05", "50000")
    ],
    policy: rotterdam,
    months: ["2026-04"],
    children: [
      { child: "K-1", month: "2026-04", cost: "819.00", streams: { kot: "747.30", parent: "71.70" } },
      { child: "K-2", month: "2026-04", cost: "624.00", streams: { kot: "560.60", parent: "63.40" } }
    ]
  },
  // The cap is per child per month and used up in day order (kot.ts):
  // 260 h a month at 10.00 → cost 2,600.00; each half of April = 130 h
  // Apr 1–15 : 130 h, all under the cap  → 0.960 × 130 × 10.00 = 1,248.00 ; cap left 230 − 130 = 100 h
  // Apr 16–30: 130 h, only 100 h left    → 0.721 × 100 × 10.00 =   721.00
  // KOT = 1,969.00 ; parent = 2,600.00 − 1,969.00 = 631.00
  {
    name: "230-hour cap used up in day order across an income change",
    events: [G, ...kotChild("50000", { days: 5, hours: 12, price: "10.00" }), kotChanged("K-1", "2026-04-16", { householdIncome: "100000" })],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "K-1", month: "2026-04", cost: "2600.00", streams: { kot: "1969.00", parent: "631.00" } }]
  },
  // The cap is per child, not per placement: two placements, each 3 d × 10 h = 130 h at 10.00
  // hours = 260 h; cost = 2,600.00
  // KOT = 0.96 × min(260, 230) × 10.00 = 2,208.00 ; parent = 392.00
  {
    name: "230-hour cap shared by two placements of one child",
    events: [
      G,
      groupOpened("G-R2"),
      placementStarted("K-1", "2026-01-05", { groupId: "G-R", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.00", placementId: "P-A" }),
      placementStarted("K-1", "2026-01-05", { groupId: "G-R2", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.00", placementId: "P-B" }),
      kotStarted("K-1", "2026-01-05", "50000")
    ],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "K-1", month: "2026-04", cost: "2600.00", streams: { kot: "2208.00", parent: "392.00" } }]
  },
  // A price with more than two decimals: the total is rounded half-up, then split.
  // Placement from 2026-04-16: 130 h × 15/30 = 65 h at 10.001
  // cost = 65 × 10.001 = 650.065 → 650.07 (half-up)
  // KOT  = 0.96 × 65 × 10.001 = 624.0624 ; parent = 0.04 × 650.065 = 26.0026
  // cents: floors 624.06 (rem .24) + 26.00 (rem .26) = 650.06 → +1 to the larger remainder (parent): 26.01
  {
    name: "a half cent in the total rounds up and goes to the largest remainder",
    events: [
      G,
      placementStarted("K-1", "2026-04-16", { groupId: "G-R", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.001" }),
      kotStarted("K-1", "2026-01-05", "50000")
    ],
    policy: rotterdam,
    months: ["2026-04"],
    children: [{ child: "K-1", month: "2026-04", cost: "650.07", streams: { kot: "624.06", parent: "26.01" } }]
  },
  // A non-terminating proration, and the ledger's rounding rule (src/domain/money.ts splitToCents):
  // streams that are not residual payers are rounded half-up on their own; the residual payers
  // absorb the difference, the provider (last in stream order) first.
  // Group G-H is homogeneous: Rotterdam's cost price 18.00 per child-hour (policy byDesign).
  // Placement starts Mon 2026-03-16: placed 16 of March's 31 days.
  // hours   = 3 × 10 × 52/12 × 16/31 = 130 × 16/31 = 2,080/31 h   (= 67.0967741…)
  // regular = 2,080/31 × 10.50 = 21,840/31                          = 704.5161290…
  // KOT     = 0.96 × 21,840/31 = 20,966.4/31                         = 676.3354838…
  // parent  = 0.04 × 21,840/31 = 873.6/31                            =  28.1806451…
  // plus    = 2,080/31 × (18.00 − 10.50) = 15,600/31 → provider      = 503.2258064…
  // cost    = 2,080/31 × 18.00 = 37,440/31                           = 1,207.7419354… → 1,207.74 (half-up)
  // cents: KOT half-up 676.34; parent (a residual, not the absorber) half-up 28.18;
  //        provider absorbs: 1,207.74 − 676.34 − 28.18 = 503.22 (its own rounding would be 503.23,
  //        and all three rounded on their own would sum to 1,207.75 ≠ 1,207.74)
  {
    name: "non-terminating proration (16/31 days): KOT rounded on its own, the provider absorbs the cent",
    events: [
      groupOpened("G-H", { design: "homogeneous" }),
      placementStarted("K-1", "2026-03-16", { groupId: "G-H", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.50" }),
      kotStarted("K-1", "2026-01-05", "50000")
    ],
    policy: rotterdam,
    months: ["2026-03"],
    children: [{ child: "K-1", month: "2026-03", cost: "1207.74", streams: { kot: "676.34", parent: "28.18", provider: "503.22" } }]
  }
]

describe("golden: kinderopvangtoeslag", () => goldenCases(cases))
