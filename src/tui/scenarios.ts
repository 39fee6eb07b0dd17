/** The scenario files the picker offers, each with the name it gives itself. */
import { existsSync, readdirSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { scenarioId } from "../app/workbench"
import { InvalidFile, readYamlFile } from "../io/yamlFile"
import type { PickerEntry } from "./state"

/** The scenarios directory geldstroom ships (scenarios/ at the package root). */
const shippedScenarios = resolve(dirname(fileURLToPath(import.meta.url)), "../../scenarios")

/** `*.yaml` files directly in a directory (policies and examples live in subdirectories and are not scenarios). */
const scenarioFilesIn = (dir: string): Array<string> =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
        .map((e) => join(dir, e.name))
        .sort()
    : []

/** The default list: ./scenarios/*.yaml where geldstroom is started, else the shipped scenarios. */
export const defaultScenarioFiles = async (cwd = process.cwd()): Promise<ReadonlyArray<string>> => {
  const here = scenarioFilesIn(join(cwd, "scenarios"))
  const files = here.length > 0 ? here : scenarioFilesIn(shippedScenarios)
  return files.map((f) => (f.startsWith(cwd) ? relative(cwd, f) : f))
}

/** A picker entry for a file: its id and `name:`, or why it cannot be read. */
const pickerEntry = (file: string): PickerEntry => {
  const parsed = readYamlFile(file)
  if (parsed instanceof InvalidFile) return { file, id: scenarioId(file), name: parsed.problems[0]?.message ?? "cannot read", problem: true }
  const value = parsed.value as { name?: unknown } | null
  return typeof value?.name === "string" ? { file, id: scenarioId(file), name: value.name, problem: false } : { file, id: scenarioId(file), name: "no name: field", problem: true }
}

/** Entries for the default files and the files named on the command line, each once. */
export const pickerEntries = (defaults: ReadonlyArray<string>, named: ReadonlyArray<string>): Array<PickerEntry> => {
  const seen = new Set<string>()
  const out: Array<PickerEntry> = []
  for (const f of [...named, ...defaults]) {
    const key = resolve(f)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(pickerEntry(f))
  }
  return out
}
