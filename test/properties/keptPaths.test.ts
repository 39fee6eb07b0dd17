/**
 * The kept (memoised) paths the streaming replay takes give exactly what the plain computation
 * gives (docs/benchmarks.md, "Profiles and changes"): each is checked here against the code it
 * replaced, copied below as the reference, on generated inputs, asked more than once (so answers
 * come from the kept tables too) and with equal values in distinct decimal objects.
 *
 * - `largestRemainder` keeps each amount's floor and remainder (src/domain/money.ts);
 * - `kotPercentage` keeps an income's row and compares without copies (src/domain/parameters/kotTable.ts);
 * - `fromDayNumber` keeps the text of a day (src/domain/calendar.ts);
 * - `smiWindowEnd` keeps its answer per first day and months (src/domain/rules/measure.ts);
 * - `AllocationsByCapacity` finds an allocation by group and month without key text (src/domain/rules/allocations.ts);
 * - the kindplek share paid when the plus layer caps the claim: kept `times` and `dividedBy`,
 *   and `compare(...) === 0` for `equals` (src/domain/rules/apportion.ts).
 */
import Decimal from "decimal.js"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { addMonths, dayNumber, fromDayNumber, monthInterval } from "../../src/domain/calendar"
import { compare, Dec, largestRemainder, splitToCents } from "../../src/domain/money"
import { kotPercentage } from "../../src/domain/parameters/kotTable"
import { valueOn } from "../../src/domain/parameters/lookup"
import type { KotTable, ParameterSet } from "../../src/domain/parameters/types"
import { AllocationsByCapacity, hasGroupMonth } from "../../src/domain/rules/allocations"
import type { GroupInfo } from "../../src/domain/rules/groups"
import { dividedBy, times } from "../../src/domain/rules/kept"
import { allocateGroupMonth, allocationOf, groupMonthKey } from "../../src/domain/rules/kindplek"
import { smiWindowEnd } from "../../src/domain/rules/measure"
import { loadParameterTree } from "../../src/parameters/load"

/** The largest-remainder split as it was before floors were kept (the reference). */
const referenceLargestRemainder = <K extends string>(parts: ReadonlyArray<readonly [K, Dec]>, total: bigint): Array<[K, bigint]> => {
  const floored = parts.map(([key, value], index) => {
    const scaled = value.times(100)
    const floor = scaled.floor()
    return { key, index, cents: BigInt(floor.toFixed(0)), remainder: scaled.minus(floor) }
  })
  let missing = total - floored.reduce((acc, p) => acc + p.cents, 0n)
  const order = [...floored].sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index)
  for (let i = 0; missing > 0n && order.length > 0; i = (i + 1) % order.length) {
    order[i]!.cents += 1n
    missing -= 1n
  }
  for (const p of [...order].reverse()) {
    if (missing >= 0n) break
    if (p.cents > 0n) {
      p.cents -= 1n
      missing += 1n
    }
  }
  return floored.map((p) => [p.key, p.cents])
}

/** Non-negative amounts: whole and half cents (ties), sub-cent tails, 60-digit quotients, zeros. */
const amountArb: fc.Arbitrary<Dec> = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Dec(n).dividedBy(100)),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Dec(n).plus(0.5).dividedBy(100)),
  fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 9_999 })).map(([n, d]) => new Dec(n).dividedBy(d)),
  fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 40 })).map(([n, k]) => new Dec(n).dividedBy(100).plus(new Dec(10).pow(-k))),
  fc.constantFrom(new Dec(0), new Dec("0.005"), new Dec("0.015"), new Dec("1e-50"), new Dec(10).dividedBy(3))
)

describe("largestRemainder with kept floors", () => {
  it("splits as the reference does, for any parts and totals near their sum, asked again or with equal copies", () => {
    const keys = ["kot", "smi", "kindplek", "bouwsteen", "overbrugging"] as const
    fc.assert(
      fc.property(fc.array(amountArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: -3, max: 3 }), (values, shift) => {
        const parts = values.map((v, i) => [keys[i]!, v] as const)
        const floors = values.reduce((acc, v) => acc + BigInt(v.times(100).floor().toFixed(0)), 0n)
        const total = floors + BigInt(values.length > 1 ? Math.abs(shift) % values.length : 0) + (shift < -1 ? -1n : 0n)
        const expected = referenceLargestRemainder(parts, total)
        expect(largestRemainder(parts, total)).toEqual(expected)
        expect(largestRemainder(parts, total)).toEqual(expected)
        // Equal values in new objects (not kept yet), and the kept ones again.
        const copies = parts.map(([k, v]) => [k, new Dec(v)] as const)
        expect(largestRemainder(copies, total)).toEqual(expected)
        // The ledger's split without residual payers goes through it.
        expect(splitToCents(parts)).toEqual(referenceLargestRemainder(parts, BigInt(values.reduce((a, v) => a.plus(v), new Dec(0)).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0))))
      }),
      { numRuns: 1500 }
    )
  })
  it("breaks ties of equal remainders (half cents) in the parts' order", () => {
    // Floors 100 + 100 + 200 = 400 cents, remainders all half a cent: 402 gives the two missing cents to a and b.
    const half = new Dec("1.005")
    const parts = [["a", half], ["b", half], ["c", new Dec("2.005")]] as const
    expect(largestRemainder(parts, 402n)).toEqual([["a", 101n], ["b", 101n], ["c", 200n]])
    expect(largestRemainder(parts, 402n)).toEqual(referenceLargestRemainder(parts, 402n))
    // 401: one cent, to the first of the tie.
    expect(largestRemainder(parts, 401n)).toEqual([["a", 101n], ["b", 100n], ["c", 200n]])
  })
})

describe("kotPercentage with kept rows", () => {
  const params = loadParameterTree() as ParameterSet
  /** The reference: the first row whose edge is open or ≥ the income, compared by decimal.js. */
  const referenceRow = (day: number, income: Dec, rank: "first" | "further"): string | undefined => {
    const table = valueOn<KotTable>(params, "kot.percentages", day)
    if (table._tag === "Failure") return undefined
    const row = table.success.value.rows.find((r) => r.upTo === null || income.lessThanOrEqualTo(new Dec(r.upTo)))
    return row === undefined ? undefined : (row[rank] ?? "missing")
  }
  const days = ["2024-05-01", "2025-05-01", "2026-03-01"].map(dayNumber)
  const edges = (day: number): ReadonlyArray<string> => {
    const table = valueOn<KotTable>(params, "kot.percentages", day)
    return table._tag === "Failure" ? [] : table.success.value.rows.flatMap((r) => (r.upTo === null ? [] : [r.upTo]))
  }
  const incomeArb = (day: number) =>
    fc.oneof(
      fc.integer({ min: 0, max: 300_000 }).map(String),
      fc.tuple(fc.constantFrom(...edges(day)), fc.constantFrom("-0.01", "0", "0.01", "1", "-1", "0.001")).map(([e, d]) => new Dec(e).plus(d).toString())
    )
  it("gives the reference's row for every income and rank, asked once, again, and in the other rank", () => {
    for (const day of days)
      fc.assert(
        fc.property(incomeArb(day), fc.constantFrom("first", "further") as fc.Arbitrary<"first" | "further">, (text, rank) => {
          const income = new Dec(text)
          const other = rank === "first" ? "further" : "first"
          for (const [d, r] of [[income, rank], [income, rank], [income, other], [new Dec(text), rank]] as const) {
            const got = kotPercentage(params, day, d, r)
            const expected = referenceRow(day, d, r)
            if (expected === undefined || expected === "missing") expect(Result.isFailure(got)).toBe(true)
            else expect(Result.isSuccess(got) && got.success.percentage).toBe(expected)
          }
        }),
        { numRuns: 400 }
      )
  })
})

describe("kept calendar answers", () => {
  it("fromDayNumber is the Date's ISO date, asked once or again", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
        const expected = new Date(day * 86_400_000).toISOString().slice(0, 10)
        expect(fromDayNumber(day)).toBe(expected)
        expect(fromDayNumber(day)).toBe(expected)
      }),
      { numRuns: 3000 }
    )
    expect(() => fromDayNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
  it("smiWindowEnd is the day before the same day maxMonths later, or that month's last day", () => {
    const reference = (from: number, maxMonths: number): number => {
      const first = new Date(from * 86_400_000).toISOString().slice(0, 10)
      const target = monthInterval(addMonths(first.slice(0, 7), maxMonths))
      const sameDay = target.from + Number(first.slice(8, 10)) - 1
      return sameDay > target.to ? target.to : sameDay - 1
    }
    fc.assert(
      fc.property(fc.integer({ min: dayNumber("2020-01-01"), max: dayNumber("2030-12-31") }), fc.integer({ min: 0, max: 24 }), (from, months) => {
        expect(smiWindowEnd(from, months)).toBe(reference(from, months))
        expect(smiWindowEnd(from, months)).toBe(reference(from, months))
      }),
      { numRuns: 2000 }
    )
  })
})

describe("allocations by group and month", () => {
  const months = ["2026-01", "2026-02", "2026-03", "2026-04"]
  const group = (id: string, capacity: number, places: number, price: string, from: string): GroupInfo =>
    ({
      groupId: id,
      capacity,
      from: dayNumber(from),
      to: Number.POSITIVE_INFINITY,
      awards: places === 0 ? [] : [{ awardId: `${id}-a`, eventId: `${id}-e`, year: 2026, places, pricePerPlace: new Dec(price) }]
    }) as unknown as GroupInfo
  it("finds by key text and by its two keys the same allocation as allocateGroupMonth makes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1000, max: 30000 }), fc.constantFrom("2025-06-01", "2026-02-10", "2026-05-01")), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...months, "2025-12")), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        (specs, asks, subsidised) => {
          const groups = new Map<string, GroupInfo>(specs.map(([c, p, price, from], i) => [`g|${i}`, group(`g|${i}`, c, p, String(price), from)] as const))
          const byKey = new AllocationsByCapacity(groups, months, subsidised, undefined, false)
          const byKeys = new AllocationsByCapacity(groups, months, subsidised, undefined, false)
          for (const [n, month] of asks) {
            const id = n % (specs.length + 1) === specs.length ? "unknown" : `g|${n % (specs.length + 1)}`
            const a = byKey.get(groupMonthKey(id, month))
            const b = allocationOf(byKeys, id, month)
            expect(byKeys.get(groupMonthKey(id, month))).toBe(b)
            const g = groups.get(id)
            const open = g !== undefined && months.includes(month) && hasGroupMonth(g, month, subsidised)
            if (!open) {
              expect(a).toBeUndefined()
              expect(b).toBeUndefined()
              continue
            }
            const fresh = allocateGroupMonth(g!, month, { placeDays: new Map(), openingDays: new Map() }, subsidised, false)
            for (const x of [a!, b!]) {
              expect(x.subsidy.equals(fresh.subsidy)).toBe(true)
              expect(x.denominator.equals(fresh.denominator)).toBe(true)
              expect(x.places).toBe(fresh.places)
              expect(x.group).toBe(g)
            }
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe("kindplek paid when the plus layer caps the claim", () => {
  const decArb = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 9_999 })).map(([n, d]) => new Dec(n).dividedBy(d)),
    fc.integer({ min: 1, max: 10_000_000 }).map((n) => new Dec(n).dividedBy(100))
  )
  it("kept c × paid ÷ claim is the decimal expression, and compare = 0 is equals", () => {
    fc.assert(
      fc.property(decArb, decArb, decArb, (c, paid, claim) => {
        expect(dividedBy(times(c, paid), claim).equals(c.times(paid).dividedBy(claim))).toBe(true)
        expect(dividedBy(times(c, paid), claim).toString()).toBe(c.times(paid).dividedBy(claim).toString())
        expect(compare(paid, claim) === 0).toBe(paid.equals(claim))
        expect(compare(paid, new Dec(paid)) === 0).toBe(true)
      }),
      { numRuns: 1500 }
    )
  })
})
