/** A progress bar: filled to a known fraction, or a sliding block while the amount of work is not known. */
import { merge } from "./gauge"
import { type Seg, seg } from "./row"

export const progressBar = (fraction: number | undefined, width: number, tick = 0): Array<Seg> => {
  const inner = Math.max(1, width)
  if (fraction === undefined) {
    const block = Math.max(1, Math.floor(inner / 6))
    const span = inner + block
    const at = (tick % span) - block
    const out: Array<Seg> = []
    for (let i = 0; i < inner; i++) out.push(i >= at && i < at + block ? seg("█", { color: "cyan" }) : seg("░", { dim: true }))
    return merge(out)
  }
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * inner)
  return [seg("█".repeat(filled), { color: fraction >= 1 ? "green" : "cyan" }), seg("░".repeat(inner - filled), { dim: true })].filter((s) => s.text !== "")
}
