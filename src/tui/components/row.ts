/**
 * The TUI draws every screen as rows of styled segments, each row exactly one
 * terminal line. Views are pure functions to rows, so a frame is sized to the
 * window before Ink sees it: nothing wraps, nothing overflows, and lists are
 * windowed by slicing (as darksworm/argonaut does).
 */

export interface Seg {
  readonly text: string
  readonly color?: string
  readonly bold?: boolean
  readonly dim?: boolean
  readonly inverse?: boolean
}

export type Row = ReadonlyArray<Seg>

export type Style = Omit<Seg, "text">

export const seg = (text: string, style: Style = {}): Seg => ({ text, ...style })

/** One row of plain or styled text. */
export const line = (text: string, style: Style = {}): Row => [seg(text, style)]

const chars = (s: string): Array<string> => Array.from(s)

export const textWidth = (s: string): number => chars(s).length

export const rowWidth = (r: Row): number => r.reduce((n, s) => n + textWidth(s.text), 0)

export const rowText = (r: Row): string => r.map((s) => s.text).join("")

/** The columns [from, to) of a row, styles kept. */
const sliceRow = (r: Row, from: number, to: number): Row => {
  const out: Array<Seg> = []
  let at = 0
  for (const s of r) {
    const cs = chars(s.text)
    const start = Math.max(from - at, 0)
    const end = Math.min(to - at, cs.length)
    if (end > start) out.push({ ...s, text: cs.slice(start, end).join("") })
    at += cs.length
    if (at >= to) break
  }
  return out
}

/** A row cut to `width` columns; when cut, its last visible column becomes `…`. */
export const clip = (r: Row, width: number): Row => {
  if (width <= 0) return []
  if (rowWidth(r) <= width) return r
  const cut = sliceRow(r, 0, width - 1)
  const last = cut[cut.length - 1]
  return [...cut, seg("…", last ? { color: last.color, dim: last.dim } : {})]
}

/** A row cut or padded with spaces to exactly `width` columns. */
export const padRow = (r: Row, width: number): Row => {
  const c = clip(r, width)
  const w = rowWidth(c)
  return w < width ? [...c, seg(" ".repeat(width - w))] : c
}

/** Rows side by side: each part padded to its width, separated by `gap` spaces. */
export const beside = (parts: ReadonlyArray<{ readonly rows: ReadonlyArray<Row>; readonly width: number }>, gap = 2): Array<Row> => {
  const height = Math.max(0, ...parts.map((p) => p.rows.length))
  const out: Array<Row> = []
  for (let i = 0; i < height; i++) {
    const row: Array<Seg> = []
    parts.forEach((p, j) => {
      if (j > 0) row.push(seg(" ".repeat(gap)))
      row.push(...padRow(p.rows[i] ?? [], p.width))
    })
    out.push(row)
  }
  return out
}

/** Lay `box` over `base` with its top-left corner at (x, y). */
export const overlay = (base: ReadonlyArray<Row>, box: ReadonlyArray<Row>, x: number, y: number, width: number): Array<Row> =>
  base.map((r, i) => {
    const b = box[i - y]
    if (b === undefined) return r
    const boxWidth = rowWidth(b)
    const padded = padRow(r, width)
    return [...sliceRow(padded, 0, x), ...b, ...sliceRow(padded, x + boxWidth, width)]
  })

/** Exactly `height` rows: cut, or filled with empty rows. */
export const fill = (rows: ReadonlyArray<Row>, height: number): Array<Row> => {
  const out = rows.slice(0, Math.max(0, height))
  while (out.length < height) out.push([])
  return out
}
