/** `--baseline ID|N`: a scenario's file name without .yaml, or its position (1 = first). */
import { scenarioId } from "../app/workbench"

/** The index of the baseline among `files`, 0 when none is asked for, undefined when it names none of them. */
export const baselineIndex = (baseline: string | undefined, files: ReadonlyArray<string>): number | undefined => {
  if (baseline === undefined) return 0
  const index = /^\d+$/.test(baseline) ? Number(baseline) - 1 : files.map(scenarioId).indexOf(baseline)
  return index >= 0 && index < files.length ? index : undefined
}
