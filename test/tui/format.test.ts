import { describe, expect, it } from "vitest"
import { count, duration, fit, money, pct, rfit, shortMoney, signedMoney, signedPoints, wrap } from "../../src/tui/format"

describe("money in the chosen language", () => {
  it.each([
    ["en", "140837.62", "€140,837.62"],
    ["nl", "140837.62", "€ 140.837,62"],
    ["en", "-63561.22", "-€63,561.22"],
    ["nl", "-63561.22", "-€ 63.561,22"],
    ["en", "0.00", "€0.00"],
    ["en", "999.5", "€999.50"],
    ["nl", "1000000.00", "€ 1.000.000,00"]
  ] as const)("%s %s → %s", (lang, amount, shown) => expect(money(lang, amount)).toBe(shown))

  it("signs differences and writes none as ±0", () => {
    expect(signedMoney("en", "14741.99")).toBe("+€14,741.99")
    expect(signedMoney("en", "-0.01")).toBe("-€0.01")
    expect(signedMoney("nl", "0.00")).toBe("±0")
  })

  it("shortens axis amounts", () => {
    expect(shortMoney("en", 950)).toBe("€950")
    expect(shortMoney("en", 1234)).toBe("€1.2k")
    expect(shortMoney("en", 22_400)).toBe("€22k")
    expect(shortMoney("nl", 1_250_000)).toBe("€ 1,3M")
  })
})

describe("percentages", () => {
  it("0.9783 is 97.8 % (nl 97,8 %); 0.0125 as a difference is +1.3 pp", () => {
    expect(pct("en", "0.9783")).toBe("97.8 %")
    expect(pct("nl", "0.9783")).toBe("97,8 %")
    expect(signedPoints("en", "0.0125")).toBe("+1.3 pp")
    expect(signedPoints("en", "0.0000")).toBe("±0")
  })
})

describe("text to a width", () => {
  it("cuts with … or pads", () => {
    expect(fit("rotterdam-small", 8)).toBe("rotterd…")
    expect(fit("abc", 5)).toBe("abc  ")
    expect(rfit("abc", 5)).toBe("  abc")
  })

  it("wraps words, keeps the indent, breaks words longer than a line", () => {
    expect(wrap("  layers: regular €1,188.87, plus €849.19", 20, "    ")).toEqual(["  layers: regular", "    €1,188.87, plus", "    €849.19"])
    expect(wrap("abcdefghijklmnopqrstuvwxyz", 10)).toEqual(["abcdefghij", "klmnopqrst", "uvwxyz"])
  })

  it("groups whole numbers by language", () => {
    expect(count("en", 1_234_567)).toBe("1,234,567")
    expect(count("nl", 30_000)).toBe("30.000")
    expect(count("en", 999)).toBe("999")
  })

  it("writes durations for people", () => {
    expect(duration(8_400)).toBe("8 s")
    expect(duration(125_000)).toBe("2 min 05 s")
    expect(duration(3_780_000)).toBe("1 h 03 min")
  })
})
