import fc from "fast-check"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { IsoDateTime } from "../../src/events"
import { recordedKey } from "../../src/store/recordedTime"

const key = (instant: string): string => Result.getOrThrow(recordedKey(instant))

describe("recordedKey", () => {
  it.each([
    // [instant, its UTC key]: offsets are subtracted (+01:00 is one hour ahead of UTC).
    ["2026-03-01T09:00:00Z", "12026-03-01T09:00:00"],
    ["2026-03-01T10:00:00+01:00", "12026-03-01T09:00:00"],
    ["2026-03-01T00:30:00+01:00", "12026-02-28T23:30:00"], // crosses the day and month backwards
    ["2026-12-31T22:00:00-05:30", "12027-01-01T03:30:00"], // crosses the year forwards
    ["2026-03-01T09:00:00.500Z", "12026-03-01T09:00:00.5"], // trailing zeros dropped
    ["2026-03-01T09:00:00.000Z", "12026-03-01T09:00:00"],
    ["2026-03-01T09:00:00.000000001Z", "12026-03-01T09:00:00.000000001"], // beyond milliseconds
    ["0000-01-01T00:30:00+01:00", "09999-12-31T23:30:00"] // shifted out of year 0000, still fixed width
  ])("%s → %s", (instant, expected) => {
    expect(key(instant)).toBe(expected)
  })

  it("refuses what is not an instant with a zone", () => {
    for (const bad of ["2026-03-01", "2026-03-01T09:00:00", "yesterday", "2026-03-01T09:00:00+0100"]) {
      expect(Result.isFailure(recordedKey(bad)), bad).toBe(true)
    }
  })

  it("accepts every instant the envelope schema accepts", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }), (d) => {
        const instant = d.toISOString()
        expect(IsoDateTime.safeParse(instant).success).toBe(true)
        expect(Result.isSuccess(recordedKey(instant))).toBe(true)
      })
    )
  })

  it("orders keys as the instants they stand for, however each is written", () => {
    const writing = fc.record({
      ms: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
      offsetMinutes: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
      extraDigits: fc.constantFrom("", "0", "000", "000000")
    })
    /** Write an instant in another zone: the wall clock moves by the offset, the instant does not. */
    const write = ({ ms, offsetMinutes, extraDigits }: { ms: number; offsetMinutes: number; extraDigits: string }) => {
      const wall = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, -1) // without the Z
      const sign = offsetMinutes < 0 ? "-" : "+"
      const abs = Math.abs(offsetMinutes)
      const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`
      return `${wall}${extraDigits}${zone}`
    }
    fc.assert(
      fc.property(writing, writing, (a, b) => {
        const [ka, kb] = [key(write(a)), key(write(b))]
        const order = ka < kb ? -1 : ka > kb ? 1 : 0
        expect(order).toBe(Math.sign(a.ms - b.ms))
      })
    )
  })
})
