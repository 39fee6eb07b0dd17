/** The header and the status line that frame every screen. */
import type { Labels } from "../i18n"
import { type Row, type Seg, seg, textWidth } from "./row"

export const headerRow = (t: Labels, title: string, right: string, width: number): Row => {
  const left = ` ${t.title} `
  const mid = ` ${title}`
  const pad = Math.max(1, width - textWidth(left) - textWidth(mid) - textWidth(right) - 1)
  return [seg(left, { inverse: true, bold: true, color: "cyan" }), seg(mid, { bold: true }), seg(" ".repeat(pad)), seg(right, { dim: true }), seg(" ")]
}

/** Key hints on the left; the read-only promise (or a notice) on the right, as room allows. */
export const statusRow = (hints: ReadonlyArray<readonly [string, string]>, right: string, width: number, rightStyle: Omit<Seg, "text"> = { dim: true }): Row => {
  const out: Array<Seg> = []
  let used = 0
  const rightWidth = textWidth(right) + 1
  const all = [...hints, ["?", ""] as const, ["q", ""] as const]
  for (const [key, what] of all) {
    const w = textWidth(key) + (what ? textWidth(what) + 1 : 0) + 3
    if (used + w > width - rightWidth) break
    out.push(seg(` ${key}`, { bold: true, color: "yellow" }), seg(what ? ` ${what} ` : " "), seg("·", { dim: true }))
    used += w
  }
  if (out.length > 0) out.pop()
  const gap = width - used - rightWidth
  if (gap >= 1) out.push(seg(" ".repeat(gap + 1)), seg(right, rightStyle))
  return out
}
