/**
 * Golden cases: overbrugging and bouwsteen Jeugdhulp (seed 004 §VII), computed by hand.
 *
 * Rules (src/domain/rules/measure.ts, jeugdhulp.ts): the jeugdhulp layer is the expertise
 * on the group, hours = expertise h/week × 52/12 × days/days in month, × the hourly rate,
 * only on days with a ground:
 *   overbrugging: a jeugdhulp indication AND on the jeugdhulp waiting list;
 *   bouwsteen:    a bouwsteen advice and NO jeugdhulp indication.
 * Policy ./policies/rotterdam-round-expertise.yaml: 3 h/week × 100.00 → a full month is
 * 3 × 52/12 = 13 h = 1,300.00. Every child here: homogeneous group G-H (cost 18.00, no
 * award, so the plus layer is the provider's), 3 d × 10 h at 10.00, KOT at 96.0 %:
 *   130 h ; regular 1,300.00 → KOT 1,248.00 + parent 52.00 ; plus 130 × 8.00 = 1,040.00 → provider
 * waiting-list-left's valid time is the last day on the list.
 */
import { describe } from "vitest"
import {
  type GoldenCase,
  goldenCases,
  goldenPolicy,
  groupOpened,
  indicationIssued,
  kotStarted,
  placementStarted,
  shippedPolicy,
  waitingEntered,
  waitingLeft
} from "./support"

const round = goldenPolicy("rotterdam-round-expertise")

const base = (child: string) => [
  groupOpened("G-H", { design: "homogeneous" }),
  placementStarted(child, "2026-01-05", { groupId: "G-H", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.00" }),
  kotStarted(child, "2026-01-05", "50000")
]
const noExpertise = { kot: "1248.00", parent: "52.00", provider: "1040.00" }

const cases: ReadonlyArray<GoldenCase> = [
  // Jeugdhulp indication from 2026-01-05; on the waiting list from 2026-02-02 to 2026-04-15 (last day).
  // March: waiting all month → overbrugging 13 h × 100.00 = 1,300.00 ; cost 1,300 + 1,040 + 1,300 = 3,640.00
  // April: Apr 1–15 waiting → 13 × 15/30 = 6.5 h × 100.00 = 650.00 ; Apr 16–30 no ground → no expertise
  //        cost = 1,300.00 + 1,040.00 + 650.00 = 2,990.00
  // May:   no ground → cost 2,340.00
  {
    name: "overbrugging ends mid-month when the child leaves the waiting list",
    events: [
      ...base("J-1"),
      indicationIssued("J-1", "I-J", "jeugdhulp", "2026-01-05"),
      waitingEntered("J-1", "2026-02-02"),
      waitingLeft("J-1", "2026-04-15")
    ],
    policy: round,
    months: ["2026-03", "2026-04", "2026-05"],
    children: [
      { child: "J-1", month: "2026-03", cost: "3640.00", streams: { kot: "1248.00", overbrugging: "1300.00", parent: "52.00", provider: "1040.00" } },
      { child: "J-1", month: "2026-04", cost: "2990.00", streams: { kot: "1248.00", overbrugging: "650.00", parent: "52.00", provider: "1040.00" } },
      { child: "J-1", month: "2026-05", cost: "2340.00", streams: noExpertise }
    ]
  },
  // Off and on the waiting list again: on it Apr 1–10 (left 04-10) and from 04-21 (entered again).
  // overbrugging = 13 × 10/30 × 100.00 + 13 × 10/30 × 100.00 = 433.333… + 433.333… = 866.666…
  // cost = 1,300.00 + 1,040.00 + 866.666… = 3,206.666… → 3,206.67
  // cents: floors 1,248.00 + 866.66 (rem .67) + 52.00 + 1,040.00 = 3,206.66 → +1 overbrugging: 866.67
  {
    name: "overbrugging over two waiting spells in one month",
    events: [
      ...base("J-7"),
      indicationIssued("J-7", "I-J", "jeugdhulp", "2026-01-05"),
      waitingEntered("J-7", "2026-02-02"),
      waitingLeft("J-7", "2026-04-10"),
      waitingEntered("J-7", "2026-04-21")
    ],
    policy: round,
    months: ["2026-04"],
    children: [{ child: "J-7", month: "2026-04", cost: "3206.67", streams: { kot: "1248.00", overbrugging: "866.67", parent: "52.00", provider: "1040.00" } }]
  },
  // Leaving the list corrected: first recorded as last day 04-15, then (recorded 2026-04-20) as 04-06.
  // The end recorded last wins → on the list Apr 1–6: 13 × 6/30 = 2.6 h × 100.00 = 260.00
  // cost = 2,340.00 + 260.00 = 2,600.00
  {
    name: "a late correction moves the day the child left the waiting list",
    events: [
      ...base("J-8"),
      indicationIssued("J-8", "I-J", "jeugdhulp", "2026-01-05"),
      waitingEntered("J-8", "2026-02-02"),
      waitingLeft("J-8", "2026-04-15"),
      waitingLeft("J-8", "2026-04-06", { recordedTime: "2026-04-20T10:00:00.000Z" })
    ],
    policy: round,
    months: ["2026-04"],
    children: [{ child: "J-8", month: "2026-04", cost: "2600.00", streams: { kot: "1248.00", overbrugging: "260.00", parent: "52.00", provider: "1040.00" } }]
  },
  // Still on the waiting list, but the jeugdhulp indication's last day is 2026-04-15:
  // overbrugging needs both → Apr 1–15 only: 6.5 h × 100.00 = 650.00 ; cost 2,340.00 + 650.00 = 2,990.00
  {
    name: "overbrugging stops when the jeugdhulp indication ends, even while still waiting",
    events: [
      ...base("J-9"),
      indicationIssued("J-9", "I-J", "jeugdhulp", "2026-01-05", { validUntil: "2026-04-15" }),
      waitingEntered("J-9", "2026-02-02")
    ],
    policy: round,
    months: ["2026-04"],
    children: [{ child: "J-9", month: "2026-04", cost: "2990.00", streams: { kot: "1248.00", overbrugging: "650.00", parent: "52.00", provider: "1040.00" } }]
  },
  // Bouwsteen advice, no jeugdhulp indication: the whole month → 13 h × 100.00 = 1,300.00
  // cost = 1,300.00 + 1,040.00 + 1,300.00 = 3,640.00
  {
    name: "bouwsteen for a child without a jeugdhulp indication",
    events: [...base("J-2"), indicationIssued("J-2", "I-B", "bouwsteen-advice", "2026-01-05")],
    policy: round,
    months: ["2026-04"],
    children: [{ child: "J-2", month: "2026-04", cost: "3640.00", streams: { kot: "1248.00", bouwsteen: "1300.00", parent: "52.00", provider: "1040.00" } }]
  },
  // A bouwsteen advice AND a jeugdhulp indication, not on the waiting list: bouwsteen never
  // with a jeugdhulp indication, overbrugging only while waiting → no jeugdhulp layer at all.
  // cost 2,340.00
  {
    name: "no bouwsteen with a jeugdhulp indication, no overbrugging when not waiting",
    events: [...base("J-3"), indicationIssued("J-3", "I-B", "bouwsteen-advice", "2026-01-05"), indicationIssued("J-3", "I-J", "jeugdhulp", "2026-01-05")],
    policy: round,
    months: ["2026-04"],
    children: [{ child: "J-3", month: "2026-04", cost: "2340.00", streams: noExpertise }]
  },
  // Bouwsteen advice from 2026-01-05; jeugdhulp indication and waiting list from 2026-04-16:
  // Apr 1–15 : bouwsteen    6.5 h × 100.00 = 650.00
  // Apr 16–30: overbrugging 6.5 h × 100.00 = 650.00
  // cost = 1,300.00 + 1,040.00 + 1,300.00 = 3,640.00
  {
    name: "bouwsteen hands over to overbrugging mid-month when a jeugdhulp indication arrives",
    events: [
      ...base("J-4"),
      indicationIssued("J-4", "I-B", "bouwsteen-advice", "2026-01-05"),
      indicationIssued("J-4", "I-J", "jeugdhulp", "2026-04-16"),
      waitingEntered("J-4", "2026-04-16")
    ],
    policy: round,
    months: ["2026-04"],
    children: [
      { child: "J-4", month: "2026-04", cost: "3640.00", streams: { kot: "1248.00", overbrugging: "650.00", bouwsteen: "650.00", parent: "52.00", provider: "1040.00" } }
    ]
  },
  // Overbrugging capped at 500.00 a month (./policies/rotterdam-overbrugging-cap.yaml):
  // waiting all April → claim 1,300.00, paid min(1,300.00, 500.00) = 500.00 ; the jeugdhulp
  // layer's residual (provider) pays 800.00 ; provider total 1,040.00 + 800.00 = 1,840.00
  // cost 3,640.00
  {
    name: "overbrugging capped per month, the rest to the provider",
    events: [...base("J-5"), indicationIssued("J-5", "I-J", "jeugdhulp", "2026-01-05"), waitingEntered("J-5", "2026-02-02")],
    policy: goldenPolicy("rotterdam-overbrugging-cap"),
    months: ["2026-04"],
    children: [{ child: "J-5", month: "2026-04", cost: "3640.00", streams: { kot: "1248.00", overbrugging: "500.00", parent: "52.00", provider: "1840.00" } }]
  },
  // The shipped Rotterdam expertise (2 h/week × 95.00, illustrative): non-terminating.
  // bouwsteen = 2 × 52/12 h × 95.00 = 26/3 × 95 = 2,470/3 = 823.333…
  // cost = 1,300.00 + 1,040.00 + 823.333… = 3,163.333… → 3,163.33
  // cents: floors 1,248.00 + 823.33 (rem .33) + 52.00 + 1,040.00 = 3,163.33: nothing missing
  {
    name: "bouwsteen at the shipped Rotterdam expertise (2 h × 95.00)",
    events: [...base("J-6"), indicationIssued("J-6", "I-B", "bouwsteen-advice", "2026-01-05")],
    policy: shippedPolicy("rotterdam-koplus"),
    months: ["2026-04"],
    children: [{ child: "J-6", month: "2026-04", cost: "3163.33", streams: { kot: "1248.00", bouwsteen: "823.33", parent: "52.00", provider: "1040.00" } }]
  }
]

describe("golden: overbrugging and bouwsteen", () => goldenCases(cases))
