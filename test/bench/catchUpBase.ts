/**
 * Makes the stores for ./catchUpProbe.ts (once: a build takes minutes on the full store):
 *
 *   node --expose-gc --max-old-space-size=1024 --import tsx test/bench/catchUpBase.ts COPY_OF_STORE [EVENTS.json]
 *
 * builds the national projection into a copy of a national store and saves it (the probe's base).
 * Given the probe's events file (./catchUpProbe.ts writes it), it appends those events first: the
 * projection is then the rebuild a caught-up projection must equal.
 */
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { EventEnvelope } from "../../src/events"
import { loadScenario, type LoadedScenario } from "../../src/scenario/load"
import * as phase from "./phases"

const HERE = dirname(fileURLToPath(import.meta.url))
const [file, eventsFile] = process.argv.slice(2)
if (file === undefined) throw new Error("usage: catchUpBase.ts COPY_OF_STORE [EVENTS.json]")
const s = loadScenario(join(HERE, "scenarios", "national.yaml")) as LoadedScenario
const main = async () => {
  if (eventsFile !== undefined) await phase.append(file, JSON.parse(readFileSync(eventsFile, "utf8")) as ReadonlyArray<EventEnvelope>)
  const b = await phase.timed(() => phase.replay(file, s))
  process.stdout.write(`replayed in ${b.ms.toFixed(0)} ms\n`)
  const w = await phase.timed(() => phase.save(file, b.value))
  process.stdout.write(`saved in ${w.ms.toFixed(0)} ms\n`)
}
main()
