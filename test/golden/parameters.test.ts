/**
 * Golden cases: a parameter that is not confirmed (PARAMETERS.md "2025": only anchors of the
 * 2025 KOT table are public). A run that needs a null value must stop and name year, band and
 * column; the same case runs once the scenario supplies the value, reported as an assumption.
 */
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { withOverrides } from "../../src/domain/parameters/lookup"
import { MissingParameters } from "../../src/domain/rules/compute"
import {
  compute,
  type GoldenCase,
  goldenCases,
  goldenPolicy,
  groupOpened,
  indicationIssued,
  kotStarted,
  ledgerOf,
  params,
  placementStarted,
  shippedPolicy
} from "./support"

const rotterdam = shippedPolicy("rotterdam-koplus")

/** A child in regular group G-R, 3 d × 10 h at 10.00, KOT from 2025-01-06. */
const kot2025 = (income: string, rank: "first" | "further" = "first") => [
  groupOpened("G-R"),
  placementStarted("K-1", "2025-01-06", { groupId: "G-R", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.00" }),
  kotStarted("K-1", "2025-01-06", income, rank)
]

/** The scenario's value for the unconfirmed 2025 band: 80.0 % / 90.0 % (a test input, not a public figure). */
const table2025 = withOverrides(params, [
  {
    path: "kot.percentages",
    value: {
      validFrom: "2025-01-01",
      validUntil: "2025-12-31",
      source: "golden test input for the unconfirmed 2025 band",
      assumption: true,
      value: {
        rows: [
          { upTo: "47403", first: "96.0", further: "96.0" },
          { upTo: "159224", first: "80.0", further: "90.0" },
          { upTo: null, first: "33.3", further: null }
        ]
      }
    }
  }
])

const failureOf = (c: Parameters<typeof compute>[0]): MissingParameters => {
  const r = compute(c)
  if (Result.isSuccess(r)) throw new Error("expected the run to stop on a missing parameter")
  return r.failure
}

describe("golden: missing parameters", () => {
  it("2025, income 60,000, first child: the band 47,403–159,224 is null → the run stops and names it", () => {
    const failure = failureOf({ events: kot2025("60000"), policy: rotterdam, months: ["2025-04"] })
    expect(failure).toBeInstanceOf(MissingParameters)
    expect(failure.missing).toHaveLength(1)
    const m = failure.missing[0]!
    expect(m.path).toBe("kot.percentages")
    expect(m.detail).toContain("year 2025")
    expect(m.detail).toContain("47,403–159,224")
    expect(m.detail).toContain("first child")
    expect(failure.message).toContain("kot.percentages")
  })

  it("2025, income 200,000, further child: the further column above 159,224 is null → named", () => {
    const failure = failureOf({ events: kot2025("200000", "further"), policy: rotterdam, months: ["2025-04"] })
    const m = failure.missing[0]!
    expect(m.detail).toContain("year 2025")
    expect(m.detail).toContain("above 159,224")
    expect(m.detail).toContain("further child")
  })

  it("SMI model B without the household income on the indication → the run stops and names the input", () => {
    const failure = failureOf({
      events: [
        groupOpened("G-R"),
        placementStarted("S-1", "2026-01-05", { groupId: "G-R", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.00" }),
        indicationIssued("S-1", "I-1", "smi", "2026-01-05")
      ],
      policy: goldenPolicy("smi-model-b"),
      months: ["2026-04"]
    })
    expect(failure.missing.map((m) => m.path)).toEqual(["indication I-1.householdIncome"])
  })

  it("the scenario's override is reported as an assumption", () => {
    const ledger = ledgerOf({ events: kot2025("60000"), policy: rotterdam, months: ["2025-04"], params: table2025 })
    expect(ledger.assumptions.some((a) => a.path === "kot.percentages")).toBe(true)
  })

  const cases: ReadonlyArray<GoldenCase> = [
    // Same case with the scenario's 80.0 % for the band (override via withOverrides):
    // hours = 3 × 10 × 52/12 = 130 h (April 2025, 30/30 days) ; cost = 130 × 10.00 = 1,300.00
    // KOT = 0.80 × 130 × min(10.00, 10.71 = max uurprijs 2025) = 1,040.00 ; parent 260.00
    {
      name: "2025, income 60,000 with the scenario's override: runs",
      events: kot2025("60000"),
      policy: rotterdam,
      months: ["2025-04"],
      params: table2025,
      children: [{ child: "K-1", month: "2025-04", cost: "1300.00", streams: { kot: "1040.00", parent: "260.00" } }]
    },
    // A confirmed 2025 anchor needs no override (PARAMETERS.md: one child, 45,000 → 96.0 %):
    // KOT = 0.96 × 130 × 10.00 = 1,248.00 ; parent 52.00
    {
      name: "2025, income 45,000 (confirmed anchor band): runs without override",
      events: kot2025("45000"),
      policy: rotterdam,
      months: ["2025-04"],
      children: [{ child: "K-1", month: "2025-04", cost: "1300.00", streams: { kot: "1248.00", parent: "52.00" } }]
    }
  ]
  goldenCases(cases)
})
