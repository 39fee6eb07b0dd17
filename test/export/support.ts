/** The worked example, run once in process, for the export and report tests. */
import { Effect } from "effect"
import { InvalidFile } from "../../src/io/yamlFile"
import { scenarioEvents } from "../../src/scenario/eventSource"
import { type LoadedScenario, loadScenario } from "../../src/scenario/load"
import { type RunResult, runScenario } from "../../src/scenario/run"

export const loadExample = (file = "scenarios/rotterdam-small.yaml"): LoadedScenario => {
  const s = loadScenario(file)
  if (s instanceof InvalidFile) throw new Error(s.message)
  return s
}

export const runExample = (scenario: LoadedScenario = loadExample()): Promise<RunResult> =>
  Effect.runPromise(runScenario(scenario, scenarioEvents(scenario)))

/** "1234.56" → 123456n: a money string of the output, as whole cents. */
export const cents = (s: string): bigint => {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(s)
  if (m === null) throw new Error(`not a money string with two decimals: '${s}'`)
  return (m[1] === "-" ? -1n : 1n) * (BigInt(m[2]!) * 100n + BigInt(m[3]!))
}
