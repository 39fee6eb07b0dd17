/** Table rows: cells cut or padded to fixed widths, left or right aligned. */
import { fit, rfit } from "../format"
import { type Row, type Seg, type Style, seg } from "./row"

export interface Cell {
  readonly text: string
  readonly width: number
  readonly align?: "left" | "right"
  readonly style?: Style
}

export const cell = (text: string, width: number, align: "left" | "right" = "left", style: Style = {}): Cell => ({ text, width, align, style })

/** One table row; `gap` spaces between cells. */
export const tableRow = (cells: ReadonlyArray<Cell>, gap = 1): Row => {
  const out: Array<Seg> = []
  cells.forEach((c, i) => {
    if (i > 0 && gap > 0) out.push(seg(" ".repeat(gap)))
    out.push(seg(c.align === "right" ? rfit(c.text, c.width) : fit(c.text, c.width), c.style ?? {}))
  })
  return out
}

/**
 * Which of `count` columns of `width` fit in `room`, starting so that `focus`
 * is shown: the window of scenario columns on a narrow screen.
 */
export const columnWindow = (count: number, focus: number, room: number, width: number): { first: number; shown: number } => {
  const shown = Math.max(1, Math.min(count, Math.floor(room / width)))
  const first = Math.max(0, Math.min(count - shown, focus - shown + 1))
  return { first: focus < shown ? 0 : first, shown }
}
