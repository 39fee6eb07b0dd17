import { describe, expect, it } from "vitest"
import { bar, stackedBar } from "../../src/tui/components/bars"
import { box } from "../../src/tui/components/box"
import { gauge } from "../../src/tui/components/gauge"
import { progressBar } from "../../src/tui/components/progressBar"
import { beside, clip, fill, overlay, padRow, rowText, rowWidth, seg } from "../../src/tui/components/row"
import { cursorOffset, maxScroll, position, windowAt } from "../../src/tui/components/scroll"
import { sparkline, stackedColumns } from "../../src/tui/components/sparkline"
import { statusRow } from "../../src/tui/components/statusLine"
import { columnWindow } from "../../src/tui/components/table"
import { shortIds } from "../../src/tui/views/compare/section"

const text = (segs: ReadonlyArray<{ text: string }>) => segs.map((s) => s.text).join("")

describe("rows", () => {
  it("clips to the width with … and pads to exactly the width", () => {
    const r = [seg("abc", { color: "red" }), seg("defgh")]
    expect(rowText(clip(r, 5))).toBe("abcd…")
    expect(rowText(clip(r, 8))).toBe("abcdefgh")
    expect(rowWidth(padRow(r, 12))).toBe(12)
  })

  it("puts rows side by side, each padded to its width", () => {
    const rows = beside([{ rows: [[seg("ab")], [seg("c")]], width: 4 }, { rows: [[seg("xyz")]], width: 3 }], 1)
    expect(rows.map(rowText)).toEqual(["ab   xyz", "c       "])
  })

  it("lays a box over rows at a column and row", () => {
    const base = fill([[seg("..........")], [seg("..........")], [seg("..........")]], 3)
    expect(overlay(base, [[seg("XX")]], 3, 1, 10).map(rowText)).toEqual(["..........", "...XX.....", ".........."])
  })

  it("boxes have the asked width on every line", () => {
    const b = box("Keys", [[seg("q quit")]], 20, "Esc")
    expect(b.map((r) => rowWidth(r))).toEqual([20, 20, 20])
  })
})

describe("bars and gauges", () => {
  it("a bar of 3 of 4 over 8 columns fills 6", () => {
    expect(text(bar(3, 4, 8))).toBe("██████  ")
  })

  it("stacked parts take cells from the running total: 1+1+2 of 4 over 8 columns is 2, 2 and 4 cells", () => {
    const segs = stackedBar([{ value: 1, color: "blue" }, { value: 1, color: "green" }, { value: 2, color: "red" }], 4, 8)
    expect(segs.map((s) => [s.text.length, s.color])).toEqual([[2, "blue"], [2, "green"], [4, "red"]])
  })

  it("stacked parts on a larger scale leave the rest empty; rounding never loses a cell", () => {
    // 1/3 + 1/3 + 1/3 of 3 over 10 columns: boundaries at round(3.33)=3, round(6.67)=7, 10.
    const segs = stackedBar([{ value: 1, color: "a" }, { value: 1, color: "b" }, { value: 1, color: "c" }], 3, 10)
    expect(segs.map((s) => s.text.length)).toEqual([3, 4, 3])
    expect(text(stackedBar([{ value: 1, color: "a" }], 4, 8))).toBe("██      ")
  })

  it("a gauge at 50 % of 10 inner columns fills 5 and marks an 80 % floor at column 8", () => {
    expect(text(gauge(0.5, 12, { marker: 0.8 }))).toBe("▕█████░░░│░▏")
  })

  it("an overrun fills the gauge in red and ends it with ▶", () => {
    const g = gauge(1.2, 8)
    expect(text(g)).toBe("▕██████▶")
    expect(g.filter((s) => s.text.includes("█")).every((s) => s.color === "red")).toBe(true)
  })

  it("a progress bar at a quarter of 8 fills 2; an unknown amount slides a block", () => {
    expect(text(progressBar(0.25, 8))).toBe("██░░░░░░")
    expect(text(progressBar(undefined, 12, 3)).length).toBe(12)
    expect(text(progressBar(undefined, 12, 3))).not.toBe(text(progressBar(undefined, 12, 6)))
  })
})

describe("charts", () => {
  it("a sparkline scales from 0 to the highest value", () => {
    // Eight ticks ▁…█ for levels 0…7: 7 of 14 is level round(3.5) = 4, the fifth tick ▅.
    expect(sparkline([0, 7, 14]).text).toBe("▁▅█")
    expect(sparkline([0, 2, 4, 6, 8, 10, 12, 14]).text).toBe("▁▂▃▄▅▆▇█")
    expect(sparkline([5, 5]).text).toBe("██")
    expect(sparkline([0, 0]).text).toBe("▁▁")
  })

  it("stacked columns: 2 + 2 of 4 in 4 rows is two cells of each part; 2 of 4 is half a column", () => {
    const rows = stackedColumns(
      [
        { label: "01", parts: [{ value: 2, color: "blue" }, { value: 2, color: "green" }] },
        { label: "02", parts: [{ value: 2, color: "blue" }] }
      ],
      4,
      4,
      1,
      1
    )
    expect(rows.map((r) => text(r))).toEqual(["█  ", "█  ", "█ █", "█ █"])
    expect(rows[0]!.find((s) => s.text === "█")?.color).toBe("green")
    expect(rows[3]!.filter((s) => s.text.includes("█")).map((s) => s.color)).toEqual(["blue", "blue"])
  })
})

describe("scenario names in columns", () => {
  it("drop the prefix all ids share, up to a - or _", () => {
    expect(shortIds(["rotterdam-homogeneous", "rotterdam-hybrid", "rotterdam-2029"])).toEqual(["homogeneous", "hybrid", "2029"])
    expect(shortIds(["rotterdam-small", "rotterdam-small"])).toEqual(["small", "small"])
    expect(shortIds(["a-x", "b-x"])).toEqual(["a-x", "b-x"])
    expect(shortIds(["rotterdam-small"])).toEqual(["rotterdam-small"])
  })
})

describe("windows on lists", () => {
  it("keeps the cursor in view, roughly centred", () => {
    expect(cursorOffset(100, 0, 10)).toBe(0)
    expect(cursorOffset(100, 50, 10)).toBe(45)
    expect(cursorOffset(100, 99, 10)).toBe(90)
    expect(maxScroll(5, 10)).toBe(0)
  })

  it("slices the rows that fit and says where the window is", () => {
    const rows = Array.from({ length: 30 }, (_, i) => [seg(String(i))])
    expect(windowAt(rows, 25, 10).map(rowText)).toEqual(["20", "21", "22", "23", "24", "25", "26", "27", "28", "29"])
    expect(position(30, 5, 10, "of")).toBe("6–15 of 30")
    expect(position(5, 0, 10, "of")).toBe("")
  })

  it("shows as many scenario columns as fit, the focused one included", () => {
    expect(columnWindow(5, 0, 54, 18)).toEqual({ first: 0, shown: 3 })
    expect(columnWindow(5, 4, 54, 18)).toEqual({ first: 2, shown: 3 })
  })

  it("the status line keeps to the width and drops hints that do not fit", () => {
    const r = statusRow([["Tab", "next section"], ["Enter", "drill down"]], "read-only", 40)
    expect(rowWidth(r)).toBeLessThanOrEqual(40)
    expect(rowText(r)).toContain("read-only")
  })
})
