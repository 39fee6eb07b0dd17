/** A gauge: how much of something is used (a budget line, a group's places), with an optional norm marked. */
import { type Seg, seg } from "./row"

export interface GaugeOptions {
  /** A norm to mark, as a share (e.g. the 80 % occupancy floor). */
  readonly marker?: number
  /** Colour of the filled part; overruns are red whatever this says. */
  readonly color?: string
}

/** `▕████░░░│░░▏` for a share of `width` columns (the two ends included). Over 1 the whole gauge is red and ends in ▶. */
export const gauge = (share: number, width: number, options: GaugeOptions = {}): Array<Seg> => {
  const inner = Math.max(1, width - 2)
  const over = share > 1
  const filled = Math.round(Math.max(0, Math.min(1, share)) * inner)
  const markAt = options.marker === undefined ? -1 : Math.min(inner - 1, Math.max(0, Math.round(options.marker * inner)))
  const color = over ? "red" : (options.color ?? "green")
  const out: Array<Seg> = [seg("▕", { dim: true })]
  for (let i = 0; i < inner; i++) {
    const isMark = i === markAt
    if (i < filled) out.push(seg(isMark ? "┃" : "█", { color: isMark ? "yellow" : color }))
    else out.push(seg(isMark ? "│" : "░", isMark ? { color: "yellow" } : { dim: true }))
  }
  out.push(over ? seg("▶", { color: "red", bold: true }) : seg("▏", { dim: true }))
  return merge(out)
}

/** Neighbouring segments of one style joined, so a frame carries fewer escape codes. */
export const merge = (segs: ReadonlyArray<Seg>): Array<Seg> => {
  const out: Array<Seg> = []
  for (const s of segs) {
    const last = out[out.length - 1]
    if (last && last.color === s.color && last.bold === s.bold && last.dim === s.dim && last.inverse === s.inverse) out[out.length - 1] = { ...last, text: last.text + s.text }
    else out.push(s)
  }
  return out
}
