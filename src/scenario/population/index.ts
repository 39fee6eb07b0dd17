/** The population generator (issue 4 "Scenarios"): docs/population-generator.md. */
export { PopulationSpec, type PopulationSpecInput } from "./schema"
export { generatePopulation, populationDraws, populationSize, type Period } from "./generate"
export type { ChildDraw } from "./child"
