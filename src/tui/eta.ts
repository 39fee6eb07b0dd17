/**
 * How far a run is and how long it still takes. With `expectedEvents` (the
 * count of a previous run of the same source) a scenario's share is
 * events / expected; without it only finished scenarios count. Time left is
 * the elapsed time scaled by the work still to do.
 */
import type { Progress } from "../app/workbench"

export interface Estimate {
  /** Share of each scenario done, or undefined while it runs without a known size. */
  readonly scenarios: ReadonlyArray<number | undefined>
  /** Share of the whole run done, or undefined before anything is known. */
  readonly fraction: number | undefined
  /** Milliseconds left, when it can be estimated. */
  readonly leftMs: number | undefined
  /** Whether the estimate rests on known event counts (else on finished scenarios only). */
  readonly byEvents: boolean
}

const scenarioShare = (p: Progress | undefined): number | undefined => {
  if (p === undefined) return 0
  if (p.phase === "done") return 1
  // Replaying the events is about the first half of a run, computing the ledger the second.
  if (p.phase === "computing" && p.computed !== undefined) return Math.min(0.99, 0.5 + p.computed / 2)
  if (p.expectedEvents !== undefined && p.expectedEvents > 0) return Math.min(0.5, p.events / p.expectedEvents / 2)
  return p.phase === "loading" ? 0 : undefined
}

export const estimate = (progress: ReadonlyArray<Progress | undefined>, elapsedMs: number): Estimate => {
  const scenarios = progress.map(scenarioShare)
  const n = Math.max(1, progress.length)
  const known = scenarios.every((s) => s !== undefined)
  const byEvents = progress.some((p) => p !== undefined && p.phase !== "done" && p.expectedEvents !== undefined)
  const done = scenarios.reduce<number>((a, s) => a + (s ?? 0), 0)
  const fraction = known || done > 0 ? done / n : undefined
  const leftMs = fraction !== undefined && fraction > 0 && fraction < 1 && elapsedMs > 0 ? (elapsedMs * (1 - fraction)) / fraction : fraction === 1 ? 0 : undefined
  return { scenarios, fraction, leftMs, byEvents }
}
