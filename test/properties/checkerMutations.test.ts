/**
 * The invariant checker can fail: a valid ledger of a fixed history, corrupted
 * in each way DOMAIN.md's invariants forbid, is reported with exactly that
 * invariant's number (a test that cannot fail is a defect).
 *
 * Each corruption keeps everything else intact (amounts moved between lines so
 * the sums still hold, grounds left as they were) so the checker has to find
 * the one thing that is wrong.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { buildEvent, type DomainEvent, type EventEnvelope } from "../../src/events"
import { dayNumber } from "../../src/domain/calendar"
import type { ChildMonth, GroupMonth, Ledger, LedgerLine, PaidSegment } from "../../src/domain/ledger/types"
import { Dec, ZERO } from "../../src/domain/money"
import { type Computed, describeViolations, ledgerOf, params, violationsOf } from "../support/ledgerRun"
import { checkInvariants } from "../../src/domain/invariants/check"

const ev = (e: DomainEvent, validTime: string): EventEnvelope => buildEvent(e, { validTime, recordedTime: `${validTime}T09:00:00.000Z` })

const placement = (childId: string, validTime: string, daysPerWeek: number, hoursPerDay: number, hourlyPrice: string) =>
  ev(
    {
      type: "placement-started",
      data: { placementId: `P-${childId}`, childId, providerId: "PR-1", locationId: "L-1", groupId: "G-1", careType: "dagopvang", daysPerWeek, hoursPerDay, hourlyPrice }
    },
    validTime
  )
const kot = (childId: string, validTime: string) =>
  ev({ type: "kot-entitlement-started", data: { childId, householdIncome: "50000", childRank: "first" } }, validTime)
const indication = (childId: string, id: string, kind: "smi-plus" | "jeugdhulp" | "bouwsteen-advice", extra: object = {}) =>
  ev({ type: "indication-issued", data: { indicationId: id, childId, kind, ...extra } }, "2026-01-01")

/**
 * The fixed history (Rotterdam KOplus, 2026), one child per thing to corrupt:
 * - K-KOT: KOT, starts mid-month (03-16), 5 × 11 h a week (over 230 h), €12.50 (above the maximum uurprijs);
 * - K-SMI: no KOT, SMI+ indication of at most 30 h a week, 4 × 9 h at €10.50;
 * - K-WAIT: KOT, a jeugdhulp indication, on the jeugdhulp waiting list 02-01..02-14 (overbrugging);
 * - K-BOUW: a bouwsteen advice, KOT that ended on 06-30 while the placement runs on;
 * - one group with 11 kindplekken, and a budget line far too small for its streams (an overrun).
 */
const history: ReadonlyArray<EventEnvelope> = [
  ev({ type: "group-opened", data: { groupId: "G-1", providerId: "PR-1", locationId: "L-1", design: "homogeneous", careType: "dagopvang", capacity: 11, staffing: { pedagogical: 2, hbo: 1 } } }, "2025-09-01"),
  ev({ type: "kindplek-subsidy-awarded", data: { awardId: "A-1", providerId: "PR-1", groupId: "G-1", year: 2026, places: 11, pricePerPlace: "12000.00" } }, "2026-01-01"),
  ev({ type: "budget-line-set", data: { budgetLineId: "B-1", year: 2026, label: "KOplus", amount: "1000.00", streams: ["kindplek", "smi"] } }, "2026-01-01"),
  placement("K-KOT", "2026-03-16", 5, 11, "12.50"),
  kot("K-KOT", "2026-01-01"),
  placement("K-SMI", "2026-01-05", 4, 9, "10.50"),
  indication("K-SMI", "I-SMI", "smi-plus", { validUntil: "2026-12-31", maxHoursPerWeek: 30 }),
  placement("K-WAIT", "2026-01-05", 3, 8, "11.00"),
  kot("K-WAIT", "2026-01-01"),
  indication("K-WAIT", "I-JH", "jeugdhulp"),
  ev({ type: "waiting-list-entered", data: { childId: "K-WAIT", list: "jeugdhulp" } }, "2026-02-01"),
  ev({ type: "waiting-list-left", data: { childId: "K-WAIT", list: "jeugdhulp" } }, "2026-02-14"),
  placement("K-BOUW", "2026-01-05", 2, 10, "11.23"),
  kot("K-BOUW", "2026-01-01"),
  ev({ type: "kot-entitlement-ended", data: { childId: "K-BOUW" } }, "2026-06-30"),
  indication("K-BOUW", "I-BOUW", "bouwsteen-advice")
]

// ---------------------------------------------------------------------------
// Corrupting a ledger

let valid: Computed

const childMonth = (l: Ledger, childId: string, month: string): ChildMonth => {
  const c = l.children.find((x) => x.childId === childId && x.month === month)
  if (c === undefined) throw new Error(`fixture has no ${childId} ${month}`)
  return c
}

const lineOf = (c: ChildMonth, rule: string): LedgerLine => {
  const l = c.lines.find((x) => x.trace.rule === rule)
  if (l === undefined) throw new Error(`fixture: ${c.childId} ${c.month} has no ${rule} line (${c.lines.map((x) => x.trace.rule)})`)
  return l
}

const withChildMonth = (l: Ledger, childId: string, month: string, f: (c: ChildMonth) => ChildMonth): Ledger => ({
  ...l,
  children: l.children.map((c) => (c.childId === childId && c.month === month ? f(c) : c))
})

const replaceLine = (c: ChildMonth, old: LedgerLine, next: LedgerLine | ReadonlyArray<LedgerLine>): ChildMonth => ({
  ...c,
  lines: c.lines.flatMap((l) => (l === old ? (Array.isArray(next) ? next : [next as LedgerLine]) : [l]))
})

const withCents = (c: ChildMonth, changes: Record<string, bigint>): ChildMonth => {
  const streamCents = new Map(c.streamCents)
  for (const [s, delta] of Object.entries(changes)) streamCents.set(s, (streamCents.get(s) ?? 0n) + delta)
  return { ...c, streamCents }
}

const withGroupMonth = (l: Ledger, groupId: string, month: string, f: (g: GroupMonth) => GroupMonth): Ledger => ({
  ...l,
  groups: l.groups.map((g) => (g.groupId === groupId && g.month === month ? f(g) : g))
})

const reported = (l: Ledger) => {
  const vs = checkInvariants({ world: valid.world, params: params(), policy: valid.policy }, l)
  return { numbers: [...new Set(vs.map((v) => v.invariant))].sort(), text: describeViolations(vs) }
}

const expectOnly = (l: Ledger, invariant: number) => {
  const r = reported(l)
  expect(r.numbers, r.text).toEqual([invariant])
}

const day = (iso: string) => dayNumber(iso)
const ONE = new Dec(1)

beforeAll(() => {
  valid = ledgerOf(history, "rotterdam-koplus")
})

describe("the fixed history's ledger", () => {
  it("is valid and has every line the corruptions below need", () => {
    const vs = violationsOf(valid)
    expect(vs, describeViolations(vs)).toEqual([])
    lineOf(childMonth(valid.ledger, "K-SMI", "2026-03"), "smi")
    lineOf(childMonth(valid.ledger, "K-KOT", "2026-04"), "kot")
    lineOf(childMonth(valid.ledger, "K-KOT", "2026-03"), "residual")
    lineOf(childMonth(valid.ledger, "K-WAIT", "2026-02"), "overbrugging")
    lineOf(childMonth(valid.ledger, "K-BOUW", "2026-07"), "bouwsteen")
    expect(valid.ledger.budgets.map((b) => b.overrun)).toEqual([true])
  })
})

describe("each corruption is reported as exactly its invariant", () => {
  it("2: a KOT line segment on days SMI pays (a child without KOT entitlement)", () => {
    const c = childMonth(valid.ledger, "K-SMI", "2026-03")
    const smi = lineOf(c, "smi")
    const seg = smi.segments[0]!
    const kotLine: LedgerLine = {
      stream: "kot",
      layer: "regular",
      amount: ONE,
      segments: [{ from: seg.from, to: seg.to, hours: ONE, rate: new Dec("10.00") }],
      trace: { ...smi.trace, rule: "kot" }
    }
    const corrupted = withChildMonth(valid.ledger, "K-SMI", "2026-03", (cm) =>
      withCents(replaceLine(cm, smi, [{ ...smi, amount: smi.amount.minus(ONE) }, kotLine]), { smi: -100n, kot: 100n })
    )
    expectOnly(corrupted, 2)
  })

  it("2: SMI paying on days a KOT entitlement runs", () => {
    const c = childMonth(valid.ledger, "K-KOT", "2026-04")
    const kotLine = lineOf(c, "kot")
    const seg = kotLine.segments[0]!
    const smiLine: LedgerLine = {
      stream: "smi",
      layer: "regular",
      amount: ZERO,
      segments: [{ from: seg.from, to: seg.to, hours: ONE, rate: ONE }],
      trace: { ...kotLine.trace, rule: "smi" }
    }
    expectOnly(withChildMonth(valid.ledger, "K-KOT", "2026-04", (cm) => ({ ...cm, lines: [...cm.lines, smiLine] })), 2)
  })

  it("3: a Jeugdwet stream (overbrugging) on the regular layer", () => {
    const c = childMonth(valid.ledger, "K-WAIT", "2026-02")
    const over = lineOf(c, "overbrugging")
    expectOnly(withChildMonth(valid.ledger, "K-WAIT", "2026-02", (cm) => replaceLine(cm, over, { ...over, layer: "regular" })), 3)
  })

  it("4: overbrugging paying days the child is off the waiting list (grounded on the indication alone)", () => {
    const c = childMonth(valid.ledger, "K-WAIT", "2026-02")
    const over = lineOf(c, "overbrugging")
    const ind = { kind: "indication:jeugdhulp", from: day("2026-01-01"), to: Infinity }
    // Waiting 02-01..02-14; paid on to 02-20.
    const segments: Array<PaidSegment> = over.segments.map((s) => ({ ...s, to: day("2026-02-20"), groundedBy: ind }))
    expectOnly(withChildMonth(valid.ledger, "K-WAIT", "2026-02", (cm) => replaceLine(cm, over, { ...over, segments })), 4)
  })

  it("4: bouwsteen paying for a child with a jeugdhulp indication", () => {
    const c = childMonth(valid.ledger, "K-WAIT", "2026-02")
    const over = lineOf(c, "overbrugging")
    const cents = c.streamCents.get("overbrugging")!
    const corrupted = withChildMonth(valid.ledger, "K-WAIT", "2026-02", (cm) =>
      withCents(replaceLine(cm, over, { ...over, stream: "bouwsteen", trace: { ...over.trace, rule: "bouwsteen" } }), { overbrugging: -cents, bouwsteen: cents })
    )
    expectOnly(corrupted, 4)
  })

  it("1: a stream's cents bumped so they no longer sum to the cost", () => {
    expectOnly(withChildMonth(valid.ledger, "K-KOT", "2026-04", (cm) => withCents(cm, { kot: 1n })), 1)
  })

  it("1: a line's exact amount changed so the lines no longer sum to the cost", () => {
    const c = childMonth(valid.ledger, "K-KOT", "2026-04")
    const k = lineOf(c, "kot")
    expectOnly(withChildMonth(valid.ledger, "K-KOT", "2026-04", (cm) => replaceLine(cm, k, { ...k, amount: k.amount.plus("0.001") })), 1)
  })

  it("1: a group's subsidy that no longer splits into children, vacancy and surplus", () => {
    const g = valid.ledger.groups.find((x) => x.month === "2026-04")!
    expectOnly(withGroupMonth(valid.ledger, g.groupId, g.month, (gm) => ({ ...gm, vacancy: gm.vacancy.minus("0.01") })), 1)
  })

  it("7: a negative amount (the sums still hold)", () => {
    const c = childMonth(valid.ledger, "K-KOT", "2026-04")
    const parent = lineOf(c, "residual")
    const k = lineOf(c, "kot")
    const shift = parent.amount.plus(ONE)
    const corrupted = withChildMonth(valid.ledger, "K-KOT", "2026-04", (cm) =>
      replaceLine(replaceLine(cm, parent, { ...parent, amount: parent.amount.minus(shift) }), k, { ...k, amount: k.amount.plus(shift) })
    )
    expectOnly(corrupted, 7)
  })

  it("7: negative stream cents (the cents still sum to the cost)", () => {
    const c = childMonth(valid.ledger, "K-KOT", "2026-04")
    const parentCents = c.streamCents.get("parent")!
    expectOnly(withChildMonth(valid.ledger, "K-KOT", "2026-04", (cm) => withCents(cm, { parent: -(parentCents + 100n), kot: parentCents + 100n })), 7)
  })

  it("7: a negative vacancy (the group's split still holds)", () => {
    const g = valid.ledger.groups.find((x) => x.month === "2026-04")!
    const shift = g.vacancy.plus(ONE)
    expectOnly(withGroupMonth(valid.ledger, g.groupId, g.month, (gm) => ({ ...gm, vacancy: gm.vacancy.minus(shift), allocated: gm.allocated.plus(shift) })), 7)
  })

  it("5: KOT hours above 230 in a month", () => {
    const c = childMonth(valid.ledger, "K-KOT", "2026-04")
    const k = lineOf(c, "kot")
    const segments = k.segments.map((s, i) => (i === 0 ? { ...s, hours: new Dec(231) } : s))
    expectOnly(withChildMonth(valid.ledger, "K-KOT", "2026-04", (cm) => replaceLine(cm, k, { ...k, segments })), 5)
  })

  it("5: a KOT rate above the maximum uurprijs (dagopvang 2026: 11.23)", () => {
    const c = childMonth(valid.ledger, "K-KOT", "2026-04")
    const k = lineOf(c, "kot")
    const segments = k.segments.map((s) => ({ ...s, rate: new Dec("11.24") }))
    expectOnly(withChildMonth(valid.ledger, "K-KOT", "2026-04", (cm) => replaceLine(cm, k, { ...k, segments })), 5)
  })

  it("5: SMI hours above the indication's hours a week", () => {
    const c = childMonth(valid.ledger, "K-SMI", "2026-03")
    const smi = lineOf(c, "smi")
    // 30 h a week × 52 / 12 = 130 h in a whole month.
    const segments = smi.segments.map((s) => ({ ...s, hours: new Dec("130.01") }))
    expectOnly(withChildMonth(valid.ledger, "K-SMI", "2026-03", (cm) => replaceLine(cm, smi, { ...smi, segments })), 5)
  })

  it("5: kindplek subsidy above awarded places × price over the year", () => {
    const g = valid.ledger.groups.find((x) => x.month === "2026-04")!
    // 11 × 12000 = 132000 a year: one more euro of subsidy (as vacancy, so the month still splits).
    expectOnly(withGroupMonth(valid.ledger, g.groupId, g.month, (gm) => ({ ...gm, subsidy: gm.subsidy.plus(ONE), vacancy: gm.vacancy.plus(ONE) })), 5)
  })

  it("5: a budget overrun not reported", () => {
    expectOnly({ ...valid.ledger, budgets: valid.ledger.budgets.map((b) => ({ ...b, overrun: false })) }, 5)
  })

  it("6: a line paying days outside its placement", () => {
    const c = childMonth(valid.ledger, "K-KOT", "2026-03")
    const parent = lineOf(c, "residual")
    // The placement starts on 03-16; the parent line is stretched back to 03-01.
    const segments = parent.segments.map((s, i) => (i === 0 ? { ...s, from: day("2026-03-01") } : s))
    expectOnly(withChildMonth(valid.ledger, "K-KOT", "2026-03", (cm) => replaceLine(cm, parent, { ...parent, segments })), 6)
  })

  it("6: KOT paying after the entitlement ended", () => {
    const c = childMonth(valid.ledger, "K-BOUW", "2026-07")
    const parent = lineOf(c, "residual")
    const k = lineOf(childMonth(valid.ledger, "K-BOUW", "2026-06"), "kot")
    const kotLine: LedgerLine = {
      ...k,
      amount: ONE,
      segments: [{ from: day("2026-07-01"), to: day("2026-07-31"), hours: ONE, rate: ONE, groundedBy: k.segments[0]!.groundedBy! }]
    }
    const corrupted = withChildMonth(valid.ledger, "K-BOUW", "2026-07", (cm) =>
      withCents(replaceLine(cm, parent, [{ ...parent, amount: parent.amount.minus(ONE) }, kotLine]), { parent: -100n, kot: 100n })
    )
    expectOnly(corrupted, 6)
  })

  it("6: ledger lines for a child the events never mention", () => {
    const c = childMonth(valid.ledger, "K-KOT", "2026-04")
    expectOnly({ ...valid.ledger, children: [...valid.ledger.children, { ...c, childId: "K-GHOST" }] }, 6)
  })
})
