/**
 * Results kept at the level of a rule or a piece (issue 7, target (b); docs/benchmarks.md) give exactly
 * what the plain computation gives: each is checked here against the code it replaced, copied below as
 * the reference, on generated inputs with ties, half cents, -0, values past 60 digits and equal values
 * in distinct objects, asked more than once (so answers come from the kept tables too).
 *
 * - a placement piece's measure, one lookup of its volume (hours, opening days, place-days), one of its
 *   rates and one of the two together (src/domain/rules/measure.ts), and the missing maximum uurprijs
 *   still recorded in the run's own collector;
 * - KOT for one piece (`kotPart`) and the month's hours cap kept per parameter set
 *   (src/domain/rules/kot.ts), a missing one still recorded;
 * - a child's kindplek share (`kindplekShare`, src/domain/rules/kindplek.ts);
 * - a child-month's cost and cents (`childMonthCost`), and a measured month's (`monthCost`: a one-piece
 *   month's kept by its piece's values and jeugdhulp layer, only where its layers are the values' own;
 *   src/domain/rules/childMonth.ts);
 * - a piece's kept values carry nothing but the measure's fields after the rules ran on them: every kept
 *   result is in a bounded table of its own, none hangs off a value (issue 7: memory bounded as a whole);
 * - SMI's early return never changes its claim (src/domain/rules/smi.ts);
 * - the tables themselves (`KeptTriples`; `KeptPerOwner`, `KeptPerOwners`, two owners at a time; each
 *   table's own limit; and the last keys held beside every table's maps, src/domain/keptTable.ts);
 * - a date's day number from its digits rather than a lookup (`dayNumber`, src/domain/calendar.ts).
 *
 * - the check's kept limits (the KOT hours cap with its tolerance by month, the maximum uurprijs by care
 *   type and day) and its segments gathered per rule without copies (src/domain/invariants/check.ts):
 *   a KOT rate put just above its own care type's maximum is caught; a KOT line split in two is checked
 *   as the whole line is. The check's sums are held to the code before them by
 *   test/properties/replayPaths.test.ts (the check, on valid and corrupted child-months);
 * - the residual lines' segments, one list made per child-month and shared by its layers
 *   (src/domain/rules/apportion.ts): each is the month's segments, as each line made its own before.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { dayNumber, dayNumberByDate, monthInterval, weekdaysIn, type YearMonth } from "../../src/domain/calendar"
import { Kept, KeptPairs, KeptPerOwner, KeptPerOwners, KeptTree, KeptTriples } from "../../src/domain/keptTable"
import { Dec, max, min, toCents, ZERO } from "../../src/domain/money"
import type { ParameterSet } from "../../src/domain/parameters/types"
import type { Sourced } from "../../src/domain/policy/types"
import { apportion } from "../../src/domain/rules/apportion"
import { childMonthCost, childMonthOf, monthCost } from "../../src/domain/rules/childMonth"
import { roundingOf } from "../../src/domain/rules/compute"
import { kotPercentageOn, maximumKotHours, maximumUurprijs, MissingCollector, type RuleContext } from "../../src/domain/rules/context"
import type { GroupInfo } from "../../src/domain/rules/groups"
import { plus } from "../../src/domain/rules/kept"
import { kindplekShare } from "../../src/domain/rules/kindplek"
import { kotClaim, kotPart } from "../../src/domain/rules/kot"
import { smiClaim } from "../../src/domain/rules/smi"
import { type ChildMonthMeasure, measureChildMonth, monthlyHours, type PieceMeasure, type PieceValues } from "../../src/domain/rules/measure"
import { type ChildTimeline, childTimeline, type IndicationPeriod, type PlacementPiece } from "../../src/domain/timeline/periods"
import { checkChildMonth } from "../../src/domain/invariants/check"
import type { ChildMonth, LedgerLine } from "../../src/domain/ledger/types"
import { decimalOn } from "../../src/domain/parameters/lookup"
import { maximumUurprijsPath } from "../../src/domain/parameters/paths"
import { foldChild, LedgerRun } from "../../src/projection/ledgerRun"
import { historyArb } from "../support/arbitraries"
import { ledgerOf, POLICY_IDS, type PolicyId } from "../support/ledgerRun"
import { recorded, setupOf, subjectsOf } from "../projection/support"

// ---------------------------------------------------------------------------
// The reference: the code as it was before these kept results.

const referenceCostPriceOf = (ctx: RuleContext, piece: PlacementPiece, group: GroupInfo | undefined, price: Dec): Sourced<Dec> => {
  if (piece.data.plus === false) {
    const regular = ctx.policy.costPrices.regularByGroup?.[piece.data.groupId]
    return regular ?? { value: price, source: "a child without extra support needs: its cost is the invoiced price", assumption: false }
  }
  const byGroup = ctx.policy.costPrices.byGroup[piece.data.groupId]
  if (byGroup) return byGroup
  if (group?.costPricePerHour) return group.costPricePerHour
  const byDesign = group ? ctx.policy.costPrices.byDesign[group.design] : undefined
  if (byDesign) return byDesign
  return {
    value: price,
    source: "no cost price known for this group: the invoiced hourly price is taken as its cost (no plus layer)",
    assumption: true
  }
}

/** A piece measured as before: every operation done, nothing kept. */
const referencePiece = (ctx: RuleContext, from: number, to: number, piece: PlacementPiece, month: YearMonth) => {
  const weeks = ctx.policy.contractWeeksPerYear.value
  const d = piece.data
  const hours = monthlyHours(new Dec(d.daysPerWeek).times(d.hoursPerDay), weeks, to - from + 1, month)
  const price = new Dec(d.hourlyPrice)
  const group = ctx.groups.get(d.groupId)
  const maxU = maximumUurprijs(ctx, d.careType, from)
  const regularRate = ctx.policy.regularRate === "maximum-uurprijs" && maxU !== undefined ? min(price, maxU.value) : price
  const costPrice = referenceCostPriceOf(ctx, piece, group, price)
  const costRate = max(costPrice.value, price)
  const openingDays = weekdaysIn({ from, to })
  return {
    piece,
    group,
    from,
    to,
    hours,
    price,
    maxUurprijs: maxU,
    regularRate,
    costRate,
    costPrice,
    costPriceFallback: costPrice.value === price && costPrice.assumption,
    regular: hours.times(regularRate),
    plus: hours.times(costRate.minus(regularRate)),
    placeDays: new Dec(Math.min(d.daysPerWeek, 5)).dividedBy(5).times(openingDays),
    openingDays
  }
}

/** KOT as before (src/domain/rules/kot.ts before its kept parts): the amount, and per paid segment its hours and rate. */
const referenceKot = (ctx: RuleContext, m: ChildMonthMeasure) => {
  const entitled = m.segments.filter((s) => s.segment.kot !== undefined)
  if (entitled.length === 0) return undefined
  const cap = maximumKotHours(ctx, monthInterval(m.month).from)
  if (cap === undefined) return undefined
  let capLeft = cap.value
  let amount = ZERO
  const paid: Array<{ from: number; to: number; hours: Dec; rate: Dec }> = []
  for (const s of entitled) {
    const kot = s.segment.kot!
    const percentage = kotPercentageOn(ctx, s.segment.from, new Dec(kot.data.householdIncome), kot.data.childRank)
    if (percentage === undefined) continue
    for (const p of s.pieces) {
      if (p.maxUurprijs === undefined) continue
      const hours = min(p.hours, capLeft)
      capLeft = capLeft.minus(hours)
      const rate = min(p.price, p.maxUurprijs.value)
      const part = percentage.fraction.times(hours).times(rate)
      amount = amount === ZERO ? part : amount.plus(part)
      paid.push({ from: s.segment.from, to: s.segment.to, hours, rate })
    }
  }
  return paid.length === 0 ? undefined : { amount, paid }
}

// ---------------------------------------------------------------------------
// Plain values to compare

/** A decimal's representation (sign, exponent, base-10^7 digits): equal representations print the same text. */
const repr = (d: Dec) => ({ s: d.s, e: d.e, d: d.d === null ? null : [...d.d], text: d.toString() })

const plainPiece = (p: Omit<PieceMeasure, "values">) => ({
  placementId: p.piece.placementId,
  group: p.group,
  from: p.from,
  to: p.to,
  hours: repr(p.hours),
  price: repr(p.price),
  maxUurprijs: p.maxUurprijs === undefined ? undefined : { ...p.maxUurprijs, value: repr(p.maxUurprijs.value) },
  regularRate: repr(p.regularRate),
  costRate: repr(p.costRate),
  costPrice: { ...p.costPrice, value: repr(p.costPrice.value) },
  costPriceFallback: p.costPriceFallback,
  regular: repr(p.regular),
  plus: repr(p.plus),
  placeDays: repr(p.placeDays),
  openingDays: p.openingDays
})

const missingOf = (c: MissingCollector) => c.all.map((m) => ({ path: m.path, day: m.day, detail: m.detail }))

// ---------------------------------------------------------------------------
// Generators

/** Decimals of every shape: whole and half cents, 60-digit quotients, past 60 digits, tiny, huge, zero and -0. */
const decimalArb: fc.Arbitrary<Dec> = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Dec(n).dividedBy(100)),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Dec(n).plus(0.5).dividedBy(100)),
  fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 9_999 })).map(([n, d]) => new Dec(n).dividedBy(d)),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: -40, max: 40 })).map(([n, d, k]) =>
    new Dec(n).dividedBy(d).times(new Dec(10).pow(k))
  ),
  // Past 60 digits (as an exact sum carries them).
  fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 97 })).map(([n, a]) => new Dec(`${n}.${"3".repeat(70)}${a}`)),
  fc.constantFrom(new Dec(0), new Dec("-0"), new Dec("0.005"), new Dec("0.015"), new Dec("1e-50"), new Dec("9".repeat(60)), new Dec(10).dividedBy(3))
)

/** The same value, in the same object or a new one. */
const sameOrCopy = (d: Dec, copy: boolean): Dec => (copy ? new Dec(d) : d)

const policyArb = fc.constantFrom(...POLICY_IDS)

/** A run's rule context with its groups in, for a generated history. */
const contextOf = (h: { events: Parameters<typeof recorded>[0] }, policyId: PolicyId, params?: ParameterSet) => {
  const setup = setupOf(policyId)
  const run = new LedgerRun(params === undefined ? setup : { ...setup, params })
  const subjects = subjectsOf(recorded(h.events))
  for (const s of subjects) if (s.kind !== "child") run.addSubject(s)
  const timelines: Array<ChildTimeline> = []
  for (const s of subjects) if (s.kind === "child") timelines.push(childTimeline(foldChild(s.id, s.events)))
  return { ctx: run.context(), months: setup.months, timelines, params: setup.params }
}

/** The parameter set without some of its parameters (a new set: its kept tables are its own). */
const without = (params: ParameterSet, prefix: string): ParameterSet => ({
  parameters: new Map([...params.parameters].filter(([path]) => !path.startsWith(prefix)))
})

// ---------------------------------------------------------------------------

describe("a piece's measure, kept per volume and rates", () => {
  it("is the reference measure for every piece of every generated child-month, under every policy, asked again", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 8, maxGroups: 3 }), policyArb, (h, policyId: PolicyId) => {
        const { ctx, months, timelines } = contextOf(h, policyId)
        for (const t of timelines)
          for (const month of months)
            for (let again = 0; again < 2; again++) {
              const m = measureChildMonth(ctx, t, month)
              for (const s of m.segments)
                for (const p of s.pieces) {
                  expect(plainPiece(p)).toEqual(plainPiece(referencePiece(ctx, s.segment.from, s.segment.to, p.piece, month)))
                  expect(p.values.hours).toBe(p.hours)
                }
            }
      }),
      { numRuns: 80, interruptAfterTimeLimit: 60_000 }
    )
  })

  it("is the reference measure for pieces of any volume and price text, in any stretch of a month, equal prices in other texts", () => {
    const base = setupOf("rotterdam-koplus")
    const ctx: RuleContext = { params: base.params, policy: base.policy, groups: new Map(), missing: new MissingCollector(), traces: false }
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.oneof(fc.integer({ min: 1, max: 7 }), fc.double({ min: 0.01, max: 7, noNaN: true })),
        fc.oneof(fc.integer({ min: 1, max: 24 }), fc.double({ min: 0.01, max: 24, noNaN: true })),
        fc.oneof(
          fc.integer({ min: 0, max: 5000 }).map((c) => (c / 100).toFixed(2)),
          fc.constantFrom("11.23", "11.230", "11.2300000000000000000000000000000000000000000000000000000000000001", "0", "0.005", "9.98", "100000")
        ),
        fc.constantFrom("dagopvang", "peuteropvang", "bso", "gastouderopvang"),
        fc.constantFrom(true, false, undefined),
        (monthNo, a, b, daysPerWeek, hoursPerDay, hourlyPrice, careType, plusFlag) => {
          const month = `2026-${String(monthNo).padStart(2, "0")}`
          const mi = monthInterval(month)
          const from = Math.min(mi.from + a, mi.to)
          const to = Math.max(from, Math.min(mi.from + b, mi.to))
          const piece: PlacementPiece = {
            placementId: "PL-1",
            from,
            to,
            events: ["e1"],
            data: {
              placementId: "PL-1", childId: "C-1", providerId: "P-1", locationId: "L-1", groupId: "G-1", careType,
              daysPerWeek, hoursPerDay, hourlyPrice, ...(plusFlag === undefined ? {} : { plus: plusFlag })
            }
          }
          const t: ChildTimeline = { childId: "C-1", placements: [], pieces: [piece], indications: [], kot: [], waitingJeugdhulp: [], waitingPlusPlace: [] }
          const expected = plainPiece(referencePiece(ctx, from, to, piece, month))
          for (let again = 0; again < 2; again++) {
            const m = measureChildMonth(ctx, t, month)
            expect(m.segments.length).toBe(1)
            expect(plainPiece(m.segments[0]!.pieces[0]!)).toEqual(expected)
          }
        }
      ),
      { numRuns: 3000 }
    )
  })

  it("records a missing maximum uurprijs in each run's own collector, every time, as the reference does", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 5, maxGroups: 2 }), policyArb, (h, policyId: PolicyId) => {
        const params = without(setupOf(policyId).params, "kot.maximum-uurprijs")
        // Two runs on the same parameter set and policy: the second one's answers come from the kept tables.
        for (let run = 0; run < 2; run++) {
          const { ctx, months, timelines } = contextOf(h, policyId, params)
          const reference = { ...ctx, missing: new MissingCollector() }
          for (const t of timelines)
            for (const month of months) {
              const m = measureChildMonth(ctx, t, month)
              for (const s of m.segments)
                for (const p of s.pieces) {
                  expect(p.maxUurprijs).toBeUndefined()
                  expect(plainPiece(p)).toEqual(plainPiece(referencePiece(reference, s.segment.from, s.segment.to, p.piece, month)))
                }
            }
          expect(missingOf(ctx.missing)).toEqual(missingOf(reference.missing))
        }
      }),
      { numRuns: 30, interruptAfterTimeLimit: 60_000 }
    )
  })
})

describe("KOT, kept per piece and per parameter set", () => {
  it("kotPart is the plain part for any fraction, piece and cap left, ties and -0 included, equal values in other objects", () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, decimalArb, decimalArb, decimalArb, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), decimalArb, decimalArb, (fraction, hours, price, maxU, capLeft, copies, otherFraction, otherCap) => {
        const values = { hours, price, maxUurprijs: { value: maxU } } as unknown as PieceValues
        const plainPart = (f: Dec, c: Dec) => {
          const plainHours = min(hours, c)
          const plainRate = min(price, maxU)
          return { hours: repr(plainHours), rate: repr(plainRate), paid: repr(f.times(plainHours).times(plainRate)), capLeft: repr(c.minus(plainHours)) }
        }
        const expected = plainPart(fraction, capLeft)
        const asked = (f: Dec, v: PieceValues, c: Dec) => {
          const p = kotPart(f, v, c)
          return { hours: repr(p.hours), rate: repr(p.rate), paid: repr(p.paid), capLeft: repr(p.capLeft) }
        }
        expect(asked(fraction, values, capLeft)).toEqual(expected)
        expect(asked(fraction, values, capLeft)).toEqual(expected)
        // The same piece with another cap left or another fraction (each key of the piece's table), then the first again.
        expect(asked(fraction, values, otherCap)).toEqual(plainPart(fraction, otherCap))
        expect(asked(otherFraction, values, capLeft)).toEqual(plainPart(otherFraction, capLeft))
        expect(asked(otherFraction, values, otherCap)).toEqual(plainPart(otherFraction, otherCap))
        expect(asked(fraction, values, capLeft)).toEqual(expected)
        const copied = { hours: sameOrCopy(hours, copies[0]!), price: sameOrCopy(price, copies[1]!), maxUurprijs: { value: sameOrCopy(maxU, copies[2]!) } } as unknown as PieceValues
        expect(asked(sameOrCopy(fraction, copies[3]!), copied, sameOrCopy(capLeft, copies[0]!))).toEqual(expected)
      }),
      { numRuns: 3000 }
    )
  })

  it("a month's KOT claim is the reference's for every generated child-month under every policy, with the parameters whole or some missing", () => {
    fc.assert(
      fc.property(
        historyArb({ maxChildren: 8, maxGroups: 3 }),
        policyArb,
        fc.constantFrom(undefined, "kot.percentages", "kot.maximum-uren-per-maand"),
        (h, policyId: PolicyId, missing) => {
          const whole = setupOf(policyId).params
          const params = missing === undefined ? whole : without(whole, missing)
          for (let run = 0; run < 2; run++) {
            const { ctx, months, timelines } = contextOf(h, policyId, params)
            const reference = { ...ctx, missing: new MissingCollector() }
            for (const t of timelines)
              for (const month of months) {
                const m = measureChildMonth(ctx, t, month)
                const expected = referenceKot(reference, m)
                const claim = kotClaim(ctx, m, "kot")
                if (expected === undefined) {
                  expect(claim).toBeUndefined()
                  continue
                }
                expect(repr(claim!.amount)).toEqual(repr(expected.amount))
                expect(claim!.segments.map((s) => ({ from: s.from, to: s.to, hours: repr(s.hours!), rate: repr(s.rate!) }))).toEqual(
                  expected.paid.map((s) => ({ from: s.from, to: s.to, hours: repr(s.hours), rate: repr(s.rate) }))
                )
              }
            expect(missingOf(ctx.missing)).toEqual(missingOf(reference.missing))
          }
        }
      ),
      { numRuns: 60, interruptAfterTimeLimit: 60_000 }
    )
  })
})

describe("a child's kindplek share", () => {
  it("is subsidy × place-days ÷ denominator for any decimals, equal values in other objects, asked again", () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, decimalArb.filter((d) => !d.isZero()), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), (subsidy, placeDays, denominator, copies) => {
        const expected = repr(subsidy.times(placeDays).dividedBy(denominator))
        expect(repr(kindplekShare(subsidy, placeDays, denominator))).toEqual(expected)
        expect(repr(kindplekShare(subsidy, placeDays, denominator))).toEqual(expected)
        expect(repr(kindplekShare(sameOrCopy(subsidy, copies[0]!), sameOrCopy(placeDays, copies[1]!), sameOrCopy(denominator, copies[2]!)))).toEqual(expected)
      }),
      { numRuns: 3000 }
    )
  })
})

describe("a child-month's cost", () => {
  it("is regular + plus + jeugdhulp and its half-up cents, for any layers, half cents and -0 included, asked again", () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, decimalArb, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), (regular, plusLayer, jeugdhulp, copies) => {
        const cost = regular.plus(plusLayer).plus(jeugdhulp)
        const expected = { cost: repr(cost), costCents: toCents(new Dec(cost)) }
        const asked = (r: Dec, p: Dec, j: Dec) => {
          const c = childMonthCost(r, p, j)
          return { cost: repr(c.cost), costCents: c.costCents }
        }
        expect(asked(regular, plusLayer, jeugdhulp)).toEqual(expected)
        expect(asked(regular, plusLayer, jeugdhulp)).toEqual(expected)
        expect(asked(sameOrCopy(regular, copies[0]!), sameOrCopy(plusLayer, copies[1]!), sameOrCopy(jeugdhulp, copies[2]!))).toEqual(expected)
        // As the kept sums give it (the child-month's cost was plus(plus(...)) before).
        expect(repr(childMonthCost(regular, plusLayer, jeugdhulp).cost)).toEqual(repr(plus(plus(regular, plusLayer), jeugdhulp)))
      }),
      { numRuns: 3000 }
    )
  })
})

describe("a measured month's cost (monthCost)", () => {
  it("is its own layers' sum and cents, a one-piece month's found by its piece's values only where the layers are the values' own", () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, decimalArb, decimalArb, decimalArb, fc.constantFrom("own", "copies", "other"), fc.nat(2), (regular, plusLayer, jeugdhulp, otherRegular, otherPlus, layers, pieces) => {
        // The piece's values, and the month's layers: the values' own objects, equal copies, or other values.
        const values = { regular, plus: plusLayer } as unknown as PieceValues
        const m = {
          segments: [{ pieces: Array.from({ length: Math.max(pieces, 1) }, () => ({ values })) }],
          regular: layers === "own" ? regular : layers === "copies" ? new Dec(regular) : otherRegular,
          plus: layers === "own" ? plusLayer : layers === "copies" ? new Dec(plusLayer) : otherPlus,
          jeugdhulp
        } as unknown as ChildMonthMeasure
        const cost = m.regular.plus(m.plus).plus(jeugdhulp)
        const expected = { cost: repr(cost), costCents: toCents(new Dec(cost)) }
        for (let again = 0; again < 2; again++) {
          const c = monthCost(m)
          expect({ cost: repr(c.cost), costCents: c.costCents }).toEqual(expected)
        }
        // Another month of the same piece's values with another jeugdhulp layer (the other key of its table).
        const other = { ...m, jeugdhulp: otherPlus } as ChildMonthMeasure
        const otherCost = m.regular.plus(m.plus).plus(otherPlus)
        const c = monthCost(other)
        expect({ cost: repr(c.cost), costCents: c.costCents }).toEqual({ cost: repr(otherCost), costCents: toCents(new Dec(otherCost)) })
      }),
      { numRuns: 3000 }
    )
  })
})

describe("a piece's kept values", () => {
  it("carry nothing but the measure's fields after the rules ran on them (no table hangs off them: all kept results are in bounded tables)", () => {
    const fields = ["from", "to", "hours", "price", "maxUurprijs", "regularRate", "costRate", "costPrice", "costPriceFallback", "regular", "plus", "placeDays", "openingDays"].sort()
    fc.assert(
      fc.property(historyArb({ maxChildren: 8, maxGroups: 3 }), policyArb, (h, policyId: PolicyId) => {
        const { ctx, months, timelines } = contextOf(h, policyId)
        const run = new LedgerRun(setupOf(policyId))
        for (const x of subjectsOf(recorded(h.events))) if (x.kind !== "child") run.addSubject(x)
        for (const t of timelines)
          for (const month of months) {
            const m = measureChildMonth(ctx, t, month)
            if (m.segments.length === 0) continue
            childMonthOf(ctx, m, run.capacity(), roundingOf(ctx.policy))
            for (const s of m.segments) for (const p of s.pieces) expect(Object.keys(p.values).sort()).toEqual(fields)
          }
      }),
      { numRuns: 40, interruptAfterTimeLimit: 60_000 }
    )
  })
})

describe("SMI's early return (no SMI or SMI+ indication outside KOT: no claim)", () => {
  it("never changes the claim: the same month with an SMI indication that covers none of its days added asks the rule in full", () => {
    let smiPlusAlone = 0
    fc.assert(
      fc.property(historyArb({ maxChildren: 8, maxGroups: 3 }), policyArb, (h, policyId: PolicyId) => {
        const { ctx, months, timelines } = contextOf(h, policyId)
        for (const t of timelines)
          for (const month of months) {
            const m = measureChildMonth(ctx, t, month)
            if (m.segments.length === 0) continue
            // An SMI indication of a day before the month: it grounds nothing here, but the early return no longer applies.
            const before = m.segments[0]!.segment.from - 400
            const none = { indicationId: "IND-none", kind: "smi", from: before, to: before, data: { kind: "smi" }, events: [] } as unknown as IndicationPeriod
            const full = { ...m, segments: m.segments.map((s) => ({ ...s, segment: { ...s.segment, indications: [...s.segment.indications, none] } })) } as ChildMonthMeasure
            for (const s of m.segments)
              if (s.segment.kot === undefined && s.segment.indications.some((i) => i.kind === "smi-plus") && !s.segment.indications.some((i) => i.kind === "smi")) smiPlusAlone++
            const plainMissing = new MissingCollector()
            const claim = smiClaim(ctx, m, "smi")
            const expected = smiClaim({ ...ctx, missing: plainMissing }, full, "smi")
            expect(claim === undefined ? undefined : { amount: repr(claim.amount), segments: claim.segments.map((x) => ({ ...x, hours: x.hours && repr(x.hours) })) }).toEqual(
              expected === undefined ? undefined : { amount: repr(expected.amount), segments: expected.segments.map((x) => ({ ...x, hours: x.hours && repr(x.hours) })) }
            )
          }
      }),
      { numRuns: 150, interruptAfterTimeLimit: 60_000 }
    )
    // The generated months include segments with an SMI+ indication and no SMI one (the case an early return could forget).
    expect(smiPlusAlone).toBeGreaterThan(0)
  })
})

describe("the kept tables", () => {
  it("KeptTriples gives make's value for each key triple, by value for numbers and text and by identity for objects", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.constantFrom("a", "b", "-0"), fc.nat(2)), { maxLength: 60 }), (keys) => {
        const objects = [{}, {}, {}]
        const table = new KeptTriples<number, string, object, string>()
        let made = 0
        for (const [a, b, c] of keys) {
          const v = table.get(a, b, objects[c]!, (x, y, z) => (made++, `${x}|${y}|${objects.indexOf(z)}`))
          expect(v).toBe(`${a}|${b}|${c}`)
        }
        expect(made).toBe(new Set(keys.map(([a, b, c]) => `${a}|${b}|${c}`)).size)
      }),
      { numRuns: 500 }
    )
  })
  it("KeptTriples stays bounded: past its limit it is emptied and answers stay right", () => {
    const table = new KeptTriples<number, number, number, number>()
    for (let i = 0; i < 120_000; i++) expect(table.get(i % 7, i, -i, (a, b, c) => a + b + c)).toBe((i % 7) + i - i)
    let made = 0
    // The last triple put in is still kept; the first was forgotten when the table was emptied.
    expect(table.get(119_999 % 7, 119_999, -119_999, () => (made++, -1))).toBe(119_999 % 7)
    expect(table.get(0, 0, 0, () => (made++, 0))).toBe(0)
    expect(made).toBe(1)
  })
  it("KeptPerOwner and KeptPerOwners give one table per owner (pair), the same table when asked again", () => {
    const one = new KeptPerOwner<object, { readonly n: number }>(() => ({ n: Math.random() }))
    const two = new KeptPerOwners<object, object, { readonly n: number }>(() => ({ n: Math.random() }))
    const [a, b, c] = [{}, {}, {}]
    expect(one.of(a)).toBe(one.of(a))
    expect(one.of(a)).not.toBe(one.of(b))
    const ab = two.of(a, b)
    expect(two.of(a, c)).not.toBe(ab)
    expect(two.of(a, b)).toBe(ab)
    expect(two.of(b, a)).not.toBe(ab)
    expect(one.of(b)).toBe(one.of(b))
    expect(one.of(a)).not.toBe(one.of(b))
  })
  it("KeptPerOwner and KeptPerOwners keep two owners (pairs) at a time: a third empties them, so old tables are let go", () => {
    const one = new KeptPerOwner<object, { readonly n: number }>(() => ({ n: Math.random() }))
    const two = new KeptPerOwners<object, object, { readonly n: number }>(() => ({ n: Math.random() }))
    const [a, b, c] = [{}, {}, {}]
    const [oa, ob] = [one.of(a), one.of(b)]
    expect(one.of(a)).toBe(oa)
    expect(one.of(b)).toBe(ob)
    one.of(c)
    expect(one.of(a)).not.toBe(oa)
    const [ab, ac] = [two.of(a, b), two.of(a, c)]
    expect(two.of(a, b)).toBe(ab)
    expect(two.of(a, c)).toBe(ac)
    two.of(b, c)
    expect(two.of(a, b)).not.toBe(ab)
  })
  it("Kept, KeptPairs, KeptTriples and KeptTree hold at most their own limit: past it a key is made again, answers stay right", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.nat(30), { minLength: 1, maxLength: 200 }), (limit, keys) => {
        // Each table, and whether the key that finds it full is kept after it is emptied (KeptTree empties itself, that key too).
        const tables = [
          [(k: number, make: () => number) => t1.get(k, make), true],
          [(k: number, make: () => number) => t2.get(k % 3, k, make), true],
          [(k: number, make: () => number) => t3.get(k % 2, k % 3, k, make), true],
          [(k: number, make: () => number) => t4.get([k % 2, k], make), false]
        ] as const
        const t1 = new Kept<number, number>(limit)
        const t2 = new KeptPairs<number, number, number>(limit)
        const t3 = new KeptTriples<number, number, number, number>(limit)
        const t4 = new KeptTree<number>(limit)
        for (const [get, keepsLast] of tables) {
          // A model of a table emptied past its limit: the keys made since it was last emptied.
          let held = new Set<number>()
          for (const k of keys) {
            let made = false
            expect(get(k, () => ((made = true), k * 2))).toBe(k * 2)
            // Never more than the limit held; a key held (and not just emptied) is found again.
            if (!made) expect(held.has(k)).toBe(true)
            if (made) held = held.size < limit ? held.add(k) : keepsLast ? new Set([k]) : new Set()
            expect(held.size).toBeLessThanOrEqual(limit)
          }
          // The held keys are found again, and a table that held more than its limit would fail the model above.
          for (const k of held) expect(get(k, () => -1)).toBe(k * 2)
        }
      }),
      { numRuns: 500 }
    )
  })
})

describe("the last keys beside a table's maps", () => {
  it("Kept, KeptPairs and KeptTriples answer a run of keys as maps alone would, NaN, +0 and -0 included", () => {
    const keyArb = fc.constantFrom<unknown>(0, -0, NaN, 1, "1", "a", undefined, null, true)
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, keyArb, keyArb), { maxLength: 40 }), (keys) => {
        // What a map alone answers: the first value made for a key (SameValueZero), kept.
        const reference = new Map<string, number>()
        const norm = (k: unknown) => (typeof k === "number" && Object.is(k, -0) ? "n:0" : `${typeof k}:${String(k)}`)
        const one = new Kept<unknown, number>()
        const two = new KeptPairs<unknown, unknown, number>()
        const three = new KeptTriples<unknown, unknown, unknown, number>()
        let n = 0
        for (const [a, b, c] of keys) {
          for (const [name, key, got] of [
            ["1", norm(a), () => one.get(a, () => ++n)],
            ["2", `${norm(a)}|${norm(b)}`, () => two.get(a, b, () => ++n)],
            ["3", `${norm(a)}|${norm(b)}|${norm(c)}`, () => three.get(a, b, c, () => ++n)]
          ] as const) {
            const value = got()
            const expected = reference.get(`${name}#${key}`) ?? value
            reference.set(`${name}#${key}`, expected)
            expect(value).toBe(expected)
          }
        }
      }),
      { numRuns: 1000 }
    )
  })
})

describe("a date's day number from its digits", () => {
  it("is the Date.UTC day number for any date-like text: any year, month 00 to 19, day 00 to 99, other separators and lengths", () => {
    const digits = (n: number, w: number) => String(n).padStart(w, "0")
    const dateLike = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${digits(y, 4)}-${digits(m, 2)}-${digits(d, 2)}`),
      fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom("-", "/", " ", "-0")).map(([y, m, d, sep]) => `${y}${sep}${digits(m, 2)}${sep}${digits(d, 2)}`),
      fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.string({ maxLength: 3 })).map(([y, m, d, tail]) => `${y}-${digits(m, 2)}-${digits(d, 2)}${tail}`),
      fc.string({ minLength: 10, maxLength: 10 }),
      fc.string()
    )
    fc.assert(
      fc.property(dateLike, (text) => {
        expect(Object.is(dayNumber(text), dayNumberByDate(text))).toBe(true)
        expect(Object.is(dayNumber(text), dayNumberByDate(text))).toBe(true)
      }),
      { numRuns: 20_000 }
    )
    for (const text of ["1970-01-01", "1969-12-31", "0100-03-01", "0099-12-31", "2000-02-29", "2100-02-29", "1600-02-29", "9999-12-99", "2026-00-15", "2026-13-01"])
      expect(Object.is(dayNumber(text), dayNumberByDate(text))).toBe(true)
  })
})

describe("the check's kept limits and gathered segments", () => {
  /** The check's pushes on a child-month. */
  const pushesOf = (c: ChildMonth, t: ChildTimeline, params: ParameterSet, policy: Parameters<typeof checkChildMonth>[3]) => {
    const out: Array<unknown> = []
    checkChildMonth(c, t, params, policy, (...v) => out.push(v))
    return out
  }
  it("a KOT segment's rate just above its own care type's maximum is a violation, at it none, asked again", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 8, maxGroups: 3 }), policyArb, (h, policyId: PolicyId) => {
        const { world, policy, ledger } = ledgerOf(h.events, policyId)
        const params = setupOf(policyId).params
        for (const c of ledger.children) {
          const t = childTimeline(world.children.get(c.childId)!)
          c.lines.forEach((line, li) => {
            if (line.trace.rule !== "kot") return
            line.segments.forEach((seg, sj) => {
              if (seg.careType === undefined) return
              const maxU = decimalOn(params, maximumUurprijsPath(seg.careType), seg.from)
              if (maxU._tag !== "Success") return
              for (const [rate, above] of [[maxU.success.value.plus("0.01"), true], [maxU.success.value, false]] as const) {
                const segments = line.segments.map((x, j) => (j === sj ? { ...x, rate } : x))
                const variant: ChildMonth = { ...c, lines: c.lines.map((l, i): LedgerLine => (i === li ? { ...l, segments } : l)) }
                for (let again = 0; again < 2; again++) {
                  const rateViolations = pushesOf(variant, t, params, policy).filter((v) => (v as Array<unknown>)[0] === 5 && String((v as Array<unknown>)[3]).startsWith(`KOT rate ${rate.toFixed(2)}`))
                  expect(rateViolations.length > 0).toBe(above)
                }
              }
            })
          })
        }
      }),
      { numRuns: 60, interruptAfterTimeLimit: 60_000 }
    )
  })
  it("a KOT line split in two (amount and segments) is checked as the whole line, its segments' hours made too many or not", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 8, maxGroups: 3 }), policyArb, fc.constantFrom("0", "0.5", "300"), (h, policyId: PolicyId, more) => {
        const { world, policy, ledger } = ledgerOf(h.events, policyId)
        const params = setupOf(policyId).params
        for (const c of ledger.children) {
          const t = childTimeline(world.children.get(c.childId)!)
          const li = c.lines.findIndex((l) => l.trace.rule === "kot")
          if (li < 0) continue
          const line = c.lines[li]!
          const segments = line.segments.map((x) => (x.hours === undefined ? x : { ...x, hours: x.hours.plus(more) }))
          const whole: ChildMonth = { ...c, lines: c.lines.map((l, i) => (i === li ? { ...l, segments } : l)) }
          // The first segment (with half the amount) in one line, the rest (with the other half) in another.
          const half = line.amount.dividedBy(2)
          const first: LedgerLine = { ...line, amount: half, segments: segments.slice(0, 1) }
          const rest: LedgerLine = { ...line, amount: line.amount.minus(half), segments: segments.slice(1) }
          const split: ChildMonth = { ...c, lines: [...c.lines.slice(0, li), first, rest, ...c.lines.slice(li + 1)] }
          const all = (m: ChildMonth) => pushesOf(m, t, params, policy).filter((v) => (v as Array<unknown>)[0] !== 1)
          expect(all(split)).toEqual(all(whole))
        }
      }),
      { numRuns: 60, interruptAfterTimeLimit: 60_000 }
    )
  })
})

describe("the residual lines' segments", () => {
  it("are the month's segments, in every layer's residual line of every generated child-month, under every policy", () => {
    fc.assert(
      fc.property(historyArb({ maxChildren: 8, maxGroups: 3 }), policyArb, (h, policyId: PolicyId) => {
        const setup = setupOf(policyId)
        const run = new LedgerRun(setup)
        for (const x of subjectsOf(recorded(h.events))) if (x.kind !== "child") run.addSubject(x)
        const { ctx, months, timelines } = contextOf(h, policyId)
        for (const t of timelines)
          for (const month of months) {
            const m = measureChildMonth(ctx, t, month)
            const expected = m.segments.map((s) => ({ from: s.segment.from, to: s.segment.to }))
            for (const l of apportion(ctx, m, run.capacity()).lines) if (l.trace.rule === "residual") expect(l.segments).toEqual(expected)
          }
      }),
      { numRuns: 60, interruptAfterTimeLimit: 60_000 }
    )
  })
})
