/** Windows on long lists: only the rows that fit are drawn (no full redraws, no overflow). */
import type { Row } from "./row"

/** The largest scroll offset that still fills a window of `height` rows. */
export const maxScroll = (length: number, height: number): number => Math.max(0, length - height)

/** Rows from `offset` (clamped), at most `height` of them. */
export const windowAt = (rows: ReadonlyArray<Row>, offset: number, height: number): Array<Row> => {
  const from = Math.max(0, Math.min(offset, maxScroll(rows.length, height)))
  return rows.slice(from, from + height)
}

/** The first row to show so that the cursor stays in view, roughly in the middle of the window. */
export const cursorOffset = (length: number, cursor: number, height: number): number =>
  Math.max(0, Math.min(cursor - Math.floor(height / 2), maxScroll(length, height)))

/** A position note for a scrolled window, e.g. "12–34 of 80"; empty when everything fits. */
export const position = (length: number, offset: number, height: number, of: string): string => {
  if (length <= height) return ""
  const from = Math.max(0, Math.min(offset, maxScroll(length, height)))
  return `${from + 1}–${Math.min(length, from + height)} ${of} ${length}`
}
