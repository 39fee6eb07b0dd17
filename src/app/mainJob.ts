/**
 * The main job (README's first command): make sure the embedded default store
 * holds the Rotterdam population (generated once, idempotent), then compare the
 * shipped Rotterdam scenarios on those children, read from the store.
 */
import { fileURLToPath } from "node:url"
import { Effect } from "effect"
import { generateInto, type GenerateSummary, loadGenerateScenario } from "../scenario/population/intoStore"
import { InvalidFile } from "../io/yamlFile"
import { describeStore, storeLayer } from "../store/select"

const scenario = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url))

/** The scenarios the main job compares, the first the baseline. */
export const MAIN_SCENARIOS: ReadonlyArray<string> = [
  scenario("rotterdam-homogeneous.yaml"),
  scenario("rotterdam-heterogeneous.yaml"),
  scenario("rotterdam-hybrid.yaml"),
  scenario("rotterdam-2029.yaml")
]

/** The scenario whose population the main job puts in the store. */
const MAIN_POPULATION = scenario("base/rotterdam-0-4.yaml")

/** Put the Rotterdam population in the embedded default store (the store MAIN_SCENARIOS then read); what was generated and written. */
export const prepareMainJob = async (progress: (line: string) => void = () => {}): Promise<GenerateSummary> => {
  const loaded = loadGenerateScenario(MAIN_POPULATION)
  if (loaded instanceof InvalidFile) throw loaded
  progress(`filling ${describeStore(undefined)} with the Rotterdam population (once; later runs add nothing)`)
  return Effect.runPromise(Effect.scoped(Effect.provide(generateInto(loaded, describeStore(undefined), progress), storeLayer(undefined))))
}
