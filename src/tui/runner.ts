/**
 * Running scenarios for the UI: one workbench run per scenario, with a pause
 * of one frame between them. Within a scenario the run yields to the event
 * loop every few dozen children (src/scenario/run.ts), so the screen repaints
 * and Esc is read while it computes; loading a scenario and placing a generated
 * population (the design) still run in one piece.
 * The result is the workbench's: the runs, compared with `compareRuns`.
 */
import { Cancelled, type Progress, runWorkbench, scenarioId, type Workbench, type WorkbenchRun } from "../app/workbench"
import { compareRuns } from "../compare/document"

/** Long enough for Ink's render throttle (30 frames a second) to draw a frame. */
const FRAME_MS = 40

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, FRAME_MS))

export const runScenarios = async (files: ReadonlyArray<string>, options: Parameters<typeof runWorkbench>[1] = {}): Promise<Workbench> => {
  const runs: Array<WorkbenchRun> = []
  for (const [i, file] of files.entries()) {
    const report = (p: Progress) => options.onProgress?.({ ...p, scenario: i, scenarios: files.length })
    report({ scenario: i, scenarios: files.length, name: scenarioId(file), phase: "loading", events: 0, expectedEvents: undefined })
    await nextFrame()
    if (options.signal?.aborted) throw new Cancelled()
    const one = await runWorkbench([file], { ...(options.store ? { store: options.store } : {}), ...(options.signal ? { signal: options.signal } : {}), onProgress: report })
    runs.push(...one.runs)
  }
  return { runs, compare: compareRuns(runs, options.baseline ?? 0) }
}
