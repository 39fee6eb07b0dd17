import { describe, expect, it } from "vitest"
import { categorical, intAt, mulberry32, pick, streamFor } from "../../../src/scenario/population/random"

describe("seeded random numbers", () => {
  it("repeat for the same seed and differ for another", () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const c = mulberry32(43)
    const xs = Array.from({ length: 5 }, () => a())
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs)
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs)
  })

  it("stay in [0, 1) and spread evenly", () => {
    const r = streamFor(1, 1)
    const buckets = new Array(10).fill(0)
    let outside = 0
    for (let i = 0; i < 50_000; i++) {
      const u = r()
      if (u < 0 || u >= 1) outside++
      else buckets[Math.floor(u * 10)]++
    }
    expect(outside).toBe(0)
    for (const n of buckets) expect(Math.abs(n - 5_000)).toBeLessThan(300)
  })

  it("give each subject its own stream", () => {
    expect(streamFor(7, 1)()).not.toBe(streamFor(7, 2)())
    expect(streamFor(7, 1)()).toBe(streamFor(7, 1)())
  })

  it("pick categories by their cumulative shares, and whole numbers in a range", () => {
    const d = categorical([["a", 0.2], ["b", 0.5], ["c", 0.3]] as const)
    expect([0, 0.19, 0.2, 0.69, 0.7, 0.999].map((u) => pick(u, d))).toEqual(["a", "a", "b", "b", "c", "c"])
    expect([0, 0.249, 0.25, 0.999].map((u) => intAt(u, 6, 9))).toEqual([6, 6, 7, 9])
  })
})
