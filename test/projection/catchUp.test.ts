/**
 * A projection caught up with appended events equals one rebuilt from scratch (src/projection/
 * catchUp.ts): for any history split anywhere into what was applied and what came after, under
 * every shipped policy, after a round trip of the state through its stored text.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { RecordedEvent } from "../../src/events"
import { CatchUp, LedgerRun, metricsOfRun } from "../../src/projection"
import { groupFromJson, groupToJson, totalsFromJson, totalsToJson } from "../../src/projection/serialize"
import { claimedSlot } from "../../src/projection/ledgerState"
import { historyArb } from "../support/arbitraries"
import { placementChanged, placementStarted } from "../support/events"
import { POLICY_IDS, type PolicyId } from "../support/ledgerRun"
import { groupWithKindplek, plain, recorded, setupOf, streamingRun, subjectsOf } from "./support"

const policyArb = fc.constantFrom(...POLICY_IDS)

/** The run written to text and read back, as a projection is kept in the store. */
const roundTrip = (run: LedgerRun, policyId: PolicyId): LedgerRun => {
  const back = new LedgerRun(setupOf(policyId))
  totalsFromJson(back, totalsToJson(run))
  for (const id of new Set([...run.groups.keys(), ...run.state.groups.keys()])) {
    const text = groupToJson(run, id)
    if (text !== undefined) groupFromJson(back, id, text)
  }
  return back
}

const caughtUp = (events: ReadonlyArray<RecordedEvent>, cut: number, policyId: PolicyId): LedgerRun => {
  const run = roundTrip(streamingRun(events.slice(0, cut), policyId), policyId)
  const subjects = subjectsOf(events)
  const all = new Map(subjects.filter((s) => s.kind === "child").map((s) => [s.id, s.events]))
  const read = (ids: ReadonlyArray<string>) => new Map(ids.map((id) => [id, all.get(id) ?? []]))
  const c = new CatchUp(run, BigInt(cut), subjects.filter((s) => s.events.some((e) => e.position > BigInt(cut))))
  c.swap(read(c.childrenOfChangedGroups))
  c.redoOthers(read(c.others))
  c.settle()
  return run
}

/** Every group-month line the run holds (subsidy, vacancy, surplus, occupancy, flags), by group, as text. */
const groupLines = (run: LedgerRun) =>
  [...run.state.groups.values()]
    .filter((g) => g.lines.some((l) => l !== undefined))
    .sort((a, b) => (a.groupId < b.groupId ? -1 : 1))
    .map((g) => [
      g.groupId,
      g.lines.map((l) => l && [l.subsidy.toString(), l.vacancyCents.toString(), l.surplusCents.toString(), l.occupied.toString(), l.capacity.toString(), l.flags])
    ])

describe("catching a projection up", () => {
  // A child with events after the cut is recomputed only in the months whose view changed
  // (src/projection/monthView.ts); its other months stand. Both histories below reach that path; the
  // second, with every child in one group, also over-full group-months whose denominator moves under
  // a child recomputed in part (it is then swapped whole).
  it.each([
    ["spread over groups", { maxChildren: 10, maxGroups: 3 }],
    ["crowded into one group", { maxChildren: 12, maxGroups: 1 }]
  ] as const)("gives what a rebuild from all events gives, wherever the history is cut (%s)", (_name, options) => {
    fc.assert(
      fc.property(historyArb(options), policyArb, fc.integer({ min: 0, max: 100 }), (h, policyId, percent) => {
        const events = recorded(h.events)
        const cut = Math.floor((events.length * percent) / 100)
        const run = caughtUp(events, cut, policyId)
        const rebuilt = streamingRun(events, policyId)
        expect(plain(metricsOfRun(run))).toEqual(plain(metricsOfRun(rebuilt)))
        expect(run.state.violations()).toEqual(rebuilt.state.violations())
        expect(groupLines(run)).toEqual(groupLines(rebuilt))
        expect([run.events, run.digest, run.state.children, run.state.childDigest, run.state.childMonths]).toEqual([
          rebuilt.events,
          rebuilt.digest,
          rebuilt.state.children,
          rebuilt.state.childDigest,
          rebuilt.state.childMonths
        ])
      }),
      { numRuns: 80, interruptAfterTimeLimit: 40_000 }
    )
  })

  it("keeps a run that nothing was appended to as it was", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 6 }), (h) => {
        const events = recorded(h.events)
        const run = caughtUp(events, events.length, "rotterdam-koplus")
        expect(plain(metricsOfRun(run))).toEqual(plain(metricsOfRun(streamingRun(events, "rotterdam-koplus"))))
      }),
      { numRuns: 20 }
    )
  })
})

describe("a group-month that becomes over-full", () => {
  /*
   * One kindplek (1 awarded place, €12,000 a year) in G-1. Child A is placed 5 days a week from
   * 1 January: 1 place, the capacity, so A's share of January is the whole subsidy,
   * 12,000 × 31/365 = €1,019.18. Then child B is placed 5 days a week too: January is over-full
   * (2 places occupied of 1), the denominator becomes the occupied place-days and A's share halves
   * to €509.59. A has no new events: the catch-up must still recompute A.
   */
  const child = (id: string) =>
    placementStarted(id, { validTime: "2026-01-01", recordedTime: "2026-01-01T09:00:00Z", data: { daysPerWeek: 5, hoursPerDay: 10, groupId: "G-1" } })

  it("recomputes the children already in it, to what a rebuild gives", () => {
    const events = recorded([...groupWithKindplek(), child("K-A"), child("K-B")])
    const cut = events.length - 1
    const before = streamingRun(events.slice(0, cut), "rotterdam-koplus")
    expect(before.state.groups.get("G-1")!.kindplek.get(claimedSlot(0)).toFixed(2)).toBe("1019.18")
    const run = caughtUp(events, cut, "rotterdam-koplus")
    // A's €509.59 and B's €509.59: the subsidy, not A's old €1,019.18 plus B's share.
    expect(run.state.groups.get("G-1")!.kindplek.get(claimedSlot(0)).toFixed(2)).toBe("1019.18")
    expect(plain(metricsOfRun(run))).toEqual(plain(metricsOfRun(streamingRun(events, "rotterdam-koplus"))))
  })
})

describe("a group-month whose place-days stay but whose kindplek paid moves", () => {
  /*
   * The group of the test above (1 kindplek of €12,000 a year, cost price €30.00 an hour). Child A is
   * placed 5 days a week, 10 hours a day, at €29.00 an hour from 1 January: January's hours are
   * 50 × 52 / 12 = 216.67 (exactly 216 2/3), its plus layer 216 2/3 × (30.00 − 29.00) = €216.67 and its
   * claim the whole subsidy, 12,000 × 31/365 = €1,019.18. The plus layer takes €216.67 of it; the
   * surplus is 1,019.18 − 216.67 = €802.51 (to the cent: 1,019.178… − 216.666… = 802.511…).
   * Then, recorded later, the price is €25.00 from 1 January: the plus layer becomes
   * 216 2/3 × 5 = €1,083.33, more than the claim, so it takes the whole claim and the surplus is 0.
   * The place-days are the same; only the paid share moved, and the group line must follow it.
   */
  it("makes the line again, to what a rebuild gives", () => {
    const events = recorded([
      ...groupWithKindplek(),
      placementStarted("K-A", { validTime: "2026-01-01", recordedTime: "2026-01-01T09:00:00Z", data: { daysPerWeek: 5, hoursPerDay: 10, groupId: "G-1", hourlyPrice: "29.00" } }),
      placementChanged("K-A", { validTime: "2026-01-01", recordedTime: "2026-02-01T09:00:00Z", data: { daysPerWeek: 5, hourlyPrice: "25.00" } })
    ])
    const cut = events.length - 1
    const before = streamingRun(events.slice(0, cut), "rotterdam-koplus")
    expect(before.state.groups.get("G-1")!.lines[0]!.surplusCents).toBe(80251n)
    const run = caughtUp(events, cut, "rotterdam-koplus")
    expect(run.state.groups.get("G-1")!.placeDays.get(0).equals(before.state.groups.get("G-1")!.placeDays.get(0))).toBe(true)
    expect(run.state.groups.get("G-1")!.placeDays.get(0).isZero()).toBe(false)
    expect(run.state.groups.get("G-1")!.lines[0]!.surplusCents).toBe(0n)
    expect(plain(metricsOfRun(run))).toEqual(plain(metricsOfRun(streamingRun(events, "rotterdam-koplus"))))
  })
})
