/** Horizontal bars: one value, or several stacked (e.g. a scenario's payments per funder). */
import { type Seg, seg } from "./row"

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

/** A bar `value / max` of `width` columns, with eighth blocks for the last column. */
export const bar = (value: number, max: number, width: number, color?: string): Array<Seg> => {
  if (width <= 0) return []
  const cells = max > 0 ? Math.max(0, Math.min(1, value / max)) * width : 0
  const full = Math.floor(cells)
  const part = EIGHTHS[Math.round((cells - full) * 8)] ?? ""
  const body = "█".repeat(full) + (full < width ? part : "")
  const out: Array<Seg> = []
  if (body) out.push(seg(body, color ? { color } : {}))
  const rest = width - Array.from(body).length
  if (rest > 0) out.push(seg(" ".repeat(rest)))
  return out
}

export interface Part {
  readonly value: number
  readonly color: string
}

/**
 * Parts stacked in one bar on a common scale `max`. Boundaries are rounded
 * from the running total, so the cells add up to the rounded whole and no
 * part is lost or counted twice.
 */
export const stackedBar = (parts: ReadonlyArray<Part>, max: number, width: number): Array<Seg> => {
  if (width <= 0) return []
  const out: Array<Seg> = []
  let running = 0
  let used = 0
  for (const p of parts) {
    if (p.value <= 0) continue
    running += p.value
    const end = max > 0 ? Math.round(Math.min(1, running / max) * width) : 0
    if (end > used) out.push(seg("█".repeat(end - used), { color: p.color }))
    used = Math.max(used, end)
  }
  if (used < width) out.push(seg(" ".repeat(width - used)))
  return out
}
