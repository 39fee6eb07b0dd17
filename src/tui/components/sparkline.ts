/** Sparklines and a stacked column chart for monthly series. */
import type { Part } from "./bars"
import { merge } from "./gauge"
import { type Row, type Seg, seg } from "./row"

const TICKS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

/** One character per value, scaled from 0 (or the lowest negative value) to the highest. */
export const sparkline = (values: ReadonlyArray<number>, color?: string): Seg => {
  const lo = Math.min(0, ...values)
  const hi = Math.max(0, ...values)
  const text = values.map((v) => (hi === lo ? TICKS[0]! : TICKS[Math.min(7, Math.max(0, Math.round(((v - lo) / (hi - lo)) * 7)))]!)).join("")
  return seg(text, color ? { color } : {})
}

const EIGHTHS = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

export interface Column {
  readonly label: string
  readonly parts: ReadonlyArray<Part>
}

/**
 * Columns of stacked parts, `height` rows high, on a common scale `max`.
 * Each cell takes the colour of the part at its middle; the top cell of a
 * column is drawn in eighths. Returns the chart rows, top first, without axis.
 */
export const stackedColumns = (columns: ReadonlyArray<Column>, max: number, height: number, barWidth: number, gap: number): Array<Row> => {
  const rows: Array<Array<Seg>> = Array.from({ length: height }, () => [])
  for (const [ci, c] of columns.entries()) {
    const scale = max > 0 ? height / max : 0
    const bounds: Array<{ end: number; color: string }> = []
    let running = 0
    for (const p of c.parts) {
      if (p.value <= 0) continue
      running += p.value * scale
      bounds.push({ end: running, color: p.color })
    }
    const total = Math.min(height, running)
    for (let r = 0; r < height; r++) {
      const level = height - 1 - r
      const fillHere = Math.max(0, Math.min(1, total - level))
      const middle = level + Math.min(0.5, fillHere / 2)
      const color = bounds.find((b) => b.end > middle)?.color ?? bounds[bounds.length - 1]?.color
      const ch = fillHere >= 1 ? "█" : EIGHTHS[Math.round(fillHere * 8)]!
      if (ci > 0 && gap > 0) rows[r]!.push(seg(" ".repeat(gap)))
      rows[r]!.push(seg(ch.repeat(barWidth), ch === " " || color === undefined ? {} : { color }))
    }
  }
  return rows.map((r) => merge(r))
}
