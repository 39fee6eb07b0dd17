/**
 * Bugs the properties found, each as a minimal history (shrunk by fast-check,
 * then written out by hand). Each test states what should hold; it fails
 * until the bug is fixed in src/ (this suite does not edit src/). A limit the
 * design accepts (ADR 0004) is pinned as it is instead, and says so.
 *
 * The general properties fail on them too (invariants.test.ts,
 * timeline.test.ts); the counterexamples they shrank to are recorded at each
 * test. Seeds and paths belong to the generator as it is now and go stale
 * when test/support/arbitraries.ts changes; the histories below do not.
 */
import { describe, expect, it } from "vitest"
import { buildEvent, type DomainEvent, type EventEnvelope } from "../../src/events"
import { fromDayNumber } from "../../src/domain/calendar"
import { Dec } from "../../src/domain/money"
import { childTimeline } from "../../src/domain/timeline/periods"
import { describeViolations, ledgerOf, violationsOf } from "../support/ledgerRun"

const ev = (e: DomainEvent, validTime: string, recordedTime?: string): EventEnvelope =>
  buildEvent(e, { validTime, ...(recordedTime ? { recordedTime } : {}) })

const group = (extra: { costPricePerHour?: string } = {}) =>
  ev(
    {
      type: "group-opened",
      data: { groupId: "G-1", providerId: "PR-1", locationId: "L-1", design: "homogeneous", careType: "dagopvang", capacity: 1, staffing: { pedagogical: 2, hbo: 1 }, ...extra }
    },
    "2026-01-01"
  )

const placement = (
  placementId: string,
  careType: "dagopvang" | "gastouderopvang" | "bso",
  daysPerWeek: number,
  hoursPerDay: number,
  hourlyPrice: string,
  validTime = "2026-01-01"
) =>
  ev(
    {
      type: "placement-started",
      data: { placementId, childId: "K-1", providerId: "PR-1", locationId: "L-1", groupId: "G-1", careType, daysPerWeek, hoursPerDay, hourlyPrice }
    },
    validTime
  )

const kotStarted = (validTime: string, recordedTime?: string) =>
  ev({ type: "kot-entitlement-started", data: { childId: "K-1", householdIncome: "50000", childRank: "first" } }, validTime, recordedTime)

describe("regressions found by the properties", () => {
  /**
   * Invariant checker, invariant 5 (src/domain/invariants/check.ts, "KOT rate ... above the maximum
   * uurprijs"): a KOT segment is checked against the maximum uurprijs of EVERY placement piece that
   * covers its days, not of the placement it paid for (a PaidSegment does not say which). A child
   * with two placements at once in care types with different maxima (dagopvang 11.23 and
   * gastouderopvang 8.49 or bso 9.98) gets a false violation for the dagopvang rate.
   * Shrunk by "invariants 1-7": K-01 placed on 2026-01-01 in bso (1 × 10.5 h, €11.22) and
   * dagopvang (0.5 × 3 h, €11.22), KOT from 2026-01-01 → "KOT rate 11.22 above the maximum uurprijs 9.98".
   */
  it("a child with a dagopvang and a gastouderopvang placement at once: KOT on each at its own maximum is no violation", () => {
    const c = ledgerOf(
      [group(), placement("P-DAG", "dagopvang", 2, 10, "11.22"), placement("P-GOO", "gastouderopvang", 1, 8, "8.00"), kotStarted("2026-01-01")],
      "rotterdam-koplus"
    )
    // The rule pays the dagopvang hours at min(11.22, 11.23) = 11.22 and the gastouder hours at min(8.00, 8.49) = 8.00.
    const rates = c.ledger.children[0]!.lines.find((l) => l.stream === "kot")!.segments.map((s) => s.rate!.toString())
    expect(rates.sort()).toEqual(["11.22", "8"])
    const vs = violationsOf(c)
    expect(vs, describeViolations(vs)).toEqual([])
  })

  /**
   * Invariant checker, invariant 5 ("SMI pays ... above the indication's ... h"): the SMI hours of a
   * segment are checked against the first SMI or SMI+ indication covering it (by indication id),
   * while the rule pays on SMI+ before plain SMI (src/domain/rules/smi.ts `smiIndication`) and says
   * so in the segment's `groundedBy`. With overlapping smi (few hours) and smi-plus (no hour cap)
   * the checker applies the smi cap to hours the SMI+ indication grounds: a false violation.
   * Shrunk by "invariants 1-7": K-01 placed 6 × 3 h at €11.22 from 2026-01-01; smi (max 4 h a week)
   * and smi-plus (no cap) both issued 2026-12-17 → "SMI pays 25.16 h in 2026-12-17..2026-12-31,
   * above the indication's 8.39 h".
   */
  it("overlapping smi and smi-plus: SMI hours grounded by the SMI+ indication are checked against SMI+", () => {
    const issued = (indicationId: string, kind: "smi" | "smi-plus", extra: object) =>
      ev({ type: "indication-issued", data: { indicationId, childId: "K-1", kind, ...extra } }, "2026-03-01")
    const c = ledgerOf(
      [group(), placement("P-1", "dagopvang", 4, 9, "10.50"), issued("I-1", "smi", { maxHoursPerWeek: 4 }), issued("I-2", "smi-plus", { validUntil: "2026-12-31" })],
      "rotterdam-koplus"
    )
    const smi = c.ledger.children.find((x) => x.month === "2026-04")!.lines.find((l) => l.stream === "smi")!
    expect(smi.segments.map((s) => s.groundedBy?.kind)).toEqual(["indication:smi-plus"])
    const vs = violationsOf(c)
    expect(vs, describeViolations(vs)).toEqual([])
  })

  /**
   * Rules, invariant 7 (src/domain/rules/apportion.ts): the kindplek paid to a child per group is
   * `claimed × paid / claim.amount` at 60 digits; when the claim is paid in full this is
   * `claimed × (1 ± 1e-59)`, so summed over the group the paid amount can exceed the claimed one
   * and the group's surplus (`claimed − paid`, src/domain/rules/compute.ts) is -1e-58: a negative
   * amount in the ledger (checkInvariants: "negative vacancy or surplus"). Paying `c` itself when
   * `paid` equals `claim.amount` (or clamping the surplus at zero) removes it.
   * Shrunk by "invariant 1 and 7, checked directly": G-1 (capacity 1, 1 kindplek at €1000 for 2026),
   * K-01 3 × 3 h at €5.00 from 2026-01-01 → surplus -1e-58 in 2026-02.
   */
  it("a kindplek claim paid in full leaves a surplus of zero, never a negative one", () => {
    const c = ledgerOf(
      [
        group(),
        ev({ type: "kindplek-subsidy-awarded", data: { awardId: "A-1", providerId: "PR-1", groupId: "G-1", year: 2026, places: 1, pricePerPlace: "1000.00" } }, "2026-01-01"),
        placement("P-1", "dagopvang", 3, 3, "5.00")
      ],
      "rotterdam-koplus"
    )
    const negative = c.ledger.groups.filter((g) => g.surplus.isNegative() || g.vacancy.isNegative()).map((g) => `${g.month}: surplus ${g.surplus}`)
    expect(negative).toEqual([])
    const vs = violationsOf(c)
    expect(vs, describeViolations(vs)).toEqual([])
  })

  /**
   * Rules, invariant 1 to the cent (src/domain/rules/compute.ts): `costCents` is `toCents(cost)` but
   * the stream cents come from `splitToCents(parts)`, which rounds its OWN total, `sum(parts)`. The
   * parts are 60-digit approximations of non-terminating quotients; when the exact cost is at a half
   * cent their sum can fall a hair below it and round the other way, so the streams sum to one cent
   * less than the cost. Splitting to the cost's own cents (pass `toCents(cost)` into the split) fixes it.
   * Shrunk by "invariant 1 and 7, checked directly" (model 9): G-1 with cost price €11.31, K-01
   * 0.5 × 5 h at €11.23 through all of February 2026 → "stream cents sum to 12252, cost is 12253 cents".
   */
  it("a child-month whose exact cost is at a half cent: the stream cents still sum to the cost cents", () => {
    // Hours: 0.5 × 5 × 52 / 12 = 10.8333…; cost 10.8333… × €11.31 = €122.525 exactly → 12253 cents (half-up).
    // Regular layer 10.8333… × 11.23 = 121.658333…; plus layer 10.8333… × 0.08 = 0.866666…, half to the zorgpartner.
    const c = ledgerOf(
      [
        group({ costPricePerHour: "11.31" }),
        placement("P-1", "dagopvang", 0.5, 5, "11.23", "2026-02-01"),
        ev({ type: "placement-ended", data: { placementId: "P-1", childId: "K-1", outflow: "regular-ko" } }, "2026-02-28")
      ],
      "model-9-regular-group-care-worker"
    )
    const feb = c.ledger.children.find((x) => x.month === "2026-02")!
    expect(feb.cost.toString()).toBe("122.525")
    expect(feb.costCents).toBe(12253n)
    expect([...feb.streamCents.values()].reduce((a, b) => a + b, 0n)).toBe(12253n)
  })

  /**
   * Rounding at an exact half cent (ADR 0004, "Consequences"): a stream's amount that is exactly a
   * half cent, but made of day-prorated pieces (n/31 is no finite decimal), comes out of the 60-digit
   * arithmetic a hair below the half cent and rounds down; the residual payer takes the cent, and ends
   * at its bound (half a cent per stream) plus that hair. Invariant 1 holds; the general property
   * "invariant 1 and 7, checked directly" allows the hair (1e-38 of a cent) since the tenth round.
   * A limit the design accepts, pinned as it is: exact ties would need rational arithmetic.
   * Found by it (seed 60161003, model 1): G-1 cost price €22.71, K-01 1 × 10.5 h from 2026-01-01 at
   * €5.63 (from 2 January), SMI 3 February to 18 July, the jeugdhulp waiting list from 14 July, the
   * placement ending on 31 July → July cut into three segments.
   */
  it("a half cent that comes out a hair below: the parent's stream rounds down and the provider takes the cent", () => {
    // Regular layer: 10.5 h × 52 / 12 = 45.5 h in July × €5.63 = €256.165 exactly, summed over the
    // segments 1-13, 14-18 and 19-31 July as 45.5 × 13/31 + 45.5 × 5/31 + 45.5 × 13/31 hours.
    const c = ledgerOf(
      [
        group({ costPricePerHour: "22.71" }),
        placement("P-1", "dagopvang", 1, 10.5, "11.22"),
        ev({ type: "placement-changed", data: { placementId: "P-1", childId: "K-1", hourlyPrice: "5.63" } }, "2026-01-02"),
        ev({ type: "indication-issued", data: { indicationId: "I-1", childId: "K-1", kind: "smi", validUntil: "2026-07-18" } }, "2026-02-03"),
        ev({ type: "waiting-list-entered", data: { childId: "K-1", list: "jeugdhulp" } }, "2026-07-14"),
        ev({ type: "placement-ended", data: { placementId: "P-1", childId: "K-1", outflow: "school-regular" } }, "2026-07-31")
      ],
      "model-1-kot-oab"
    )
    const july = c.ledger.children.find((x) => x.month === "2026-07")!
    const parent = july.lines.find((l) => l.stream === "parent")!
    expect(parent.amount.lessThan("256.165")).toBe(true)
    expect(parent.amount.greaterThan("256.164999999999999999999999999999999999999")).toBe(true)
    expect(july.streamCents.get("parent")).toBe(25616n)
    expect([...july.streamCents.values()].reduce((a, b) => a + b, 0n)).toBe(july.costCents)
    // The provider (residual) takes the cent: one cent and a hair from its own 60-digit amount.
    const provider = july.lines.filter((l) => l.stream === "provider").reduce((a, l) => a.plus(l.amount), new Dec(0)).times(100)
    const off = new Dec(july.streamCents.get("provider")!.toString()).minus(provider)
    expect(off.greaterThan(1)).toBe(true)
    expect(off.lessThan(new Dec(1).plus("1e-38"))).toBe(true)
  })

  /**
   * Timeline (src/domain/timeline/periods.ts `assertedPeriods`, via facts.ts `compareFacts`): facts
   * are ordered by valid day, then RECORDED time. A start and an end on the same day (a one-day
   * entitlement or waiting spell; ends are inclusive) whose end was recorded before its start — or
   * at the same instant, when the event-id hash decides — come out end-first: the end is dropped and
   * the spell runs on to the next end, or for ever (or, when another start follows, the one-day spell
 * is lost in that run of starts). Here a one-day KOT entitlement (03-10..03-10)
   * becomes open-ended and KOT is paid from 10 March to December. On one day a start must sort before
   * an end. The invariant checker cannot see this (it reads the same timeline); the timeline
   * property against an independent model does.
   * Shrunk by the timeline property: K-01 KOT started and ended on 2026-01-01 and again on
   * 2026-01-02, all recorded at noon of their day → spells 2026-01-01..2026-01-02 and 2026-01-02..open.
   */
  it("a one-day KOT entitlement whose end was recorded before its start lasts one day", () => {
    const events = [
      placement("P-1", "dagopvang", 3, 10, "10.00"),
      kotStarted("2026-03-10", "2026-03-20T09:00:00Z"),
      ev({ type: "kot-entitlement-ended", data: { childId: "K-1" } }, "2026-03-10", "2026-03-15T09:00:00Z")
    ]
    const c = ledgerOf(events, "model-7-provider-regular-group")
    const t = childTimeline(c.world.children.get("K-1")!)
    expect(t.kot.map((k) => `${fromDayNumber(k.from)}..${Number.isFinite(k.to) ? fromDayNumber(k.to) : "open"}`)).toEqual(["2026-03-10..2026-03-10"])
    expect(c.ledger.children.filter((x) => x.streamCents.has("kot")).map((x) => x.month)).toEqual(["2026-03"])
  })

  it("a one-day waiting spell whose left was recorded before its entered lasts one day", () => {
    const list = (type: "waiting-list-entered" | "waiting-list-left", recordedTime: string) =>
      ev({ type, data: { childId: "K-1", list: "jeugdhulp" } } as DomainEvent, "2026-05-04", recordedTime)
    const world = ledgerOf([placement("P-1", "dagopvang", 3, 10, "10.00"), list("waiting-list-entered", "2026-05-06T09:00:00Z"), list("waiting-list-left", "2026-05-05T09:00:00Z")], "rotterdam-koplus").world
    const t = childTimeline(world.children.get("K-1")!)
    expect(t.waitingJeugdhulp.map((w) => `${fromDayNumber(w.from)}..${Number.isFinite(w.to) ? fromDayNumber(w.to) : "open"}`)).toEqual(["2026-05-04..2026-05-04"])
  })
})
