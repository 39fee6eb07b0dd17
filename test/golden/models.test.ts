/**
 * Golden cases: the nine funding models of seed 000 §3.3 (scenarios/policies/model-1 … model-9),
 * plus the two default streams no shipped policy uses (art. 1.13 Wko, PGB), computed by hand.
 *
 * Unless a case says otherwise, one child M-1 in group G-M (heterogeneous, cost price 15.00 per
 * child-hour in its group-opened event), 3 d × 10 h at 10.00, KOT income 50,000 → 96.0 %, April 2026:
 *   hours   = 3 × 10 × 52/12 = 130 h
 *   regular = 130 × 10.00 = 1,300.00 → KOT 0.96 × 1,300.00 = 1,248.00 ; parent 52.00
 *   plus    = 130 × (max(15.00, 10.00) − 10.00) = 650.00
 *   cost    = 130 × 15.00 = 1,950.00
 * Apportionment: per layer, payers in policy order, each min(claim, still uncovered); the
 * rest to the layer's residual (parent for regular, provider otherwise).
 */
import { describe } from "vitest"
import {
  type GoldenCase,
  goldenCases,
  goldenPolicy,
  groupOpened,
  indicationIssued,
  kindplekAwarded,
  kotStarted,
  placementStarted,
  shippedPolicy
} from "./support"

const child = (o: { price?: string; group?: string; income?: string } = {}) => [
  placementStarted("M-1", "2026-01-05", { groupId: o.group ?? "G-M", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: o.price ?? "10.00" }),
  kotStarted("M-1", "2026-01-05", o.income ?? "50000")
]
const G = groupOpened("G-M", { design: "heterogeneous", costPricePerHour: "15.00" })
const regular = { kot: "1248.00", parent: "52.00" }
const april = (cost: string, streams: Record<string, string>) => [{ child: "M-1", month: "2026-04", cost, streams }]

const cases: ReadonlyArray<GoldenCase> = [
  // Model 1, OAB for VE-indicated children: VE indication valid up to 2026-04-15 (last day).
  // plus Apr 1–15 = 650.00 × 15/30 = 325.00 → oab ; Apr 16–30 = 325.00 → provider
  {
    name: "model 1 (KOT + OAB): OAB pays the plus layer while the VE indication runs",
    events: [G, ...child(), indicationIssued("M-1", "I-VE", "ve", "2026-01-05", { validUntil: "2026-04-15" })],
    policy: shippedPolicy("model-1-kot-oab"),
    months: ["2026-04"],
    children: april("1950.00", { ...regular, oab: "325.00", provider: "325.00" })
  },
  // Model 2, regular layer at the maximum uurprijs, Jeugdwet above it; price 13.00:
  // regular rate = min(13.00, 11.23) = 11.23 ; regular = 130 × 11.23 = 1,459.90
  // KOT = 0.96 × 130 × 11.23 = 1,401.504 ; parent = 1,459.90 − 1,401.504 = 58.396
  // plus = 130 × (max(15.00, 13.00) − 11.23) = 130 × 3.77 = 490.10 → jeugdwet
  // cost = 130 × 15.00 = 1,950.00
  // cents: kot 1,401.50 (rem .4) + jeugdwet 490.10 + parent 58.39 (rem .6) = 1,949.99 → +1 parent: 58.40
  {
    name: "model 2 (KOT up to the maximum uurprijs + Jeugdwet above it)",
    events: [G, ...child({ price: "13.00" })],
    policy: shippedPolicy("model-2-kot-jeugdwet-above-maximum"),
    months: ["2026-04"],
    children: april("1950.00", { kot: "1401.50", jeugdwet: "490.10", parent: "58.40" })
  },
  // Model 3, yearly subsidy as kindplek: award 1 place × 7,300.00 → April 7,300 × 30/365 = 600.00
  // capacity 1 × 22 opening days = 22 ; M-1 3 d/week → 3/5 × 22 = 13.2 place-days
  // share = 600 × 13.2/22 = 360.00 → kindplek ; provider 650.00 − 360.00 = 290.00
  // vacancy = 600 × (22 − 13.2)/22 = 240.00 ; occupancy 13.2/22 = 0.6 (< 0.80), headcount 1 (< 5): 2 flags
  {
    name: "model 3 (KOT + yearly municipal subsidy per place)",
    events: [G, kindplekAwarded("G-M", "A-1", 2026, 1, "7300.00"), ...child()],
    policy: shippedPolicy("model-3-kot-yearly-subsidy"),
    months: ["2026-04"],
    children: april("1950.00", { ...regular, kindplek: "360.00", provider: "290.00" }),
    groups: [{ group: "G-M", month: "2026-04", vacancy: "240.00", surplus: "0.00", occupancyRate: "0.6", averageChildren: "1", flags: 2 }]
  },
  // Model 4, the municipality pays the extra support: gemeente 100 % × 650.00
  {
    name: "model 4 (KOT + municipality pays the extra support)",
    events: [G, ...child()],
    policy: shippedPolicy("model-4-kot-support-costs"),
    months: ["2026-04"],
    children: april("1950.00", { ...regular, gemeente: "650.00" })
  },
  // Model 5, above the regular rate without an indication: gemeente 650.00
  {
    name: "model 5 (KOT + municipality above the regular rate, no indication)",
    events: [G, ...child()],
    policy: shippedPolicy("model-5-kot-direct-no-indication"),
    months: ["2026-04"],
    children: april("1950.00", { ...regular, gemeente: "650.00" })
  },
  // Model 5 with a group cost price (9.00) below the invoiced price (10.00): the cost price is
  // never below the price → cost rate max(9.00, 10.00) = 10.00 → plus 0 → cost 1,300.00
  {
    name: "model 5: a cost price below the price gives no plus layer",
    events: [groupOpened("G-L", { design: "heterogeneous", costPricePerHour: "9.00" }), ...child({ group: "G-L" })],
    policy: shippedPolicy("model-5-kot-direct-no-indication"),
    months: ["2026-04"],
    children: april("1300.00", regular)
  },
  // Model 5 with the policy's cost price for group G-M (16.00) over the group's own 15.00:
  // plus = 130 × (16.00 − 10.00) = 780.00 → gemeente ; cost = 130 × 16.00 = 2,080.00
  {
    name: "model 5: the policy's cost price for a named group wins",
    events: [G, ...child()],
    policy: goldenPolicy("model-5-cost-by-group"),
    months: ["2026-04"],
    children: april("2080.00", { ...regular, gemeente: "780.00" })
  },
  // Model 6, only with an indication (plus-advice or jeugdhulp): plus-advice from 2026-04-16.
  // Apr 1–15: no indication → 325.00 provider ; Apr 16–30: 325.00 gemeente
  {
    name: "model 6 (KOT + municipality above the regular rate, with an indication from mid-month)",
    events: [G, ...child(), indicationIssued("M-1", "I-P", "plus-advice", "2026-04-16")],
    policy: shippedPolicy("model-6-kot-direct-with-indication"),
    months: ["2026-04"],
    children: april("1950.00", { ...regular, gemeente: "325.00", provider: "325.00" })
  },
  // Model 7, regular group at the regular rate: the provider carries the plus layer, 650.00
  {
    name: "model 7 (regular group, provider carries the extra)",
    events: [G, ...child()],
    policy: shippedPolicy("model-7-provider-regular-group"),
    months: ["2026-04"],
    children: april("1950.00", { ...regular, provider: "650.00" })
  },
  // Model 8, small plus group, provider's deficit; price 12.00 in group G-8 (cost 16.00):
  // regular = 130 × 12.00 = 1,560.00 ; KOT = 0.96 × 130 × min(12.00, 11.23) = 1,401.504 ; parent 158.496
  // plus = 130 × (16.00 − 12.00) = 520.00 → provider ; cost = 130 × 16.00 = 2,080.00
  // cents: kot 1,401.50 (rem .4) + parent 158.49 (rem .6) + provider 520.00 = 2,079.99 → +1 parent: 158.50
  {
    name: "model 8 (provider cross-subsidises the deficit), price above the maximum",
    events: [groupOpened("G-8", { design: "homogeneous", costPricePerHour: "16.00" }), ...child({ group: "G-8", price: "12.00" })],
    policy: shippedPolicy("model-8-provider-cross-subsidy"),
    months: ["2026-04"],
    children: april("2080.00", { kot: "1401.50", parent: "158.50", provider: "520.00" })
  },
  // Model 9, care worker co-financed: zorgpartner 50 % (assumption) × 650.00 = 325.00 ; provider 325.00
  {
    name: "model 9 (regular group + care worker with a care partner)",
    events: [G, ...child()],
    policy: shippedPolicy("model-9-regular-group-care-worker"),
    months: ["2026-04"],
    children: april("1950.00", { ...regular, zorgpartner: "325.00", provider: "325.00" })
  },
  // Art. 1.13 Wko and PGB (./policies/wko-pgb.yaml); group G-8 (cost 16.00), price 12.00,
  // income 100,000 → 72.1 % (first child), VE indication all month:
  // regular = 130 × 12.00 = 1,560.00
  //   KOT      = 0.721 × 130 × 11.23 = 0.721 × 1,459.90 = 1,052.5879
  //   wko-1-13 = 100 % of the layer (1,560.00), capped at what is still uncovered:
  //              1,560.00 − 1,052.5879 = 507.4121 ; parent 0
  // plus = 130 × (16.00 − 12.00) = 520.00 → pgb 50 % = 260.00 ; provider 260.00
  // cost 2,080.00 ; cents: kot 1,052.58 (rem .79) + wko 507.41 (rem .21) + 260.00 + 260.00 = 2,079.99
  //   → +1 to kot: 1,052.59
  {
    name: "art. 1.13 Wko tops up what KOT leaves; a PGB pays half the plus layer",
    events: [
      groupOpened("G-8", { design: "homogeneous", costPricePerHour: "16.00" }),
      ...child({ group: "G-8", price: "12.00", income: "100000" }),
      indicationIssued("M-1", "I-VE", "ve", "2026-01-05")
    ],
    policy: goldenPolicy("wko-pgb"),
    months: ["2026-04"],
    children: april("2080.00", { kot: "1052.59", "wko-1-13": "507.41", pgb: "260.00", provider: "260.00" })
  }
]

describe("golden: the nine funding models", () => goldenCases(cases))
