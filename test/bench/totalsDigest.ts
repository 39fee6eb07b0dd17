/**
 * A digest of everything a replay's projection stores (src/projection/serialize.ts: the totals text
 * and every group's text), to tell whether a change to the replay left every figure as it was:
 *
 *   WORKERS=1 node --max-old-space-size=1024 --import tsx test/bench/totalsDigest.ts STORE [SCENARIO]
 *
 * prints the children, child-months, cost, violations and a SHA-256 of the texts. Run it on a copy of
 * a store with the old code and the new: equal digests mean equal totals, group by group.
 */
import { createHash } from "node:crypto"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { groupToJson, totalsToJson } from "../../src/projection/serialize"
import { loadScenario, type LoadedScenario } from "../../src/scenario/load"
import * as phase from "./phases"

const HERE = dirname(fileURLToPath(import.meta.url))
const [file, scenarioFile = join(HERE, "scenarios", "national.yaml")] = process.argv.slice(2)
if (file === undefined) throw new Error("usage: totalsDigest.ts STORE [SCENARIO]")
const scenario = loadScenario(scenarioFile) as LoadedScenario
const workers = process.env.WORKERS === undefined ? undefined : Number(process.env.WORKERS)

const main = async () => {
  const run = (await phase.replay(file, scenario, { workers })).run
  const hash = createHash("sha256").update(totalsToJson(run))
  for (const groupId of run.allGroupIds()) hash.update(`\n${groupId}\n${groupToJson(run, groupId) ?? ""}`)
  const st = run.state
  process.stdout.write(
    `children ${st.children}, child-months ${st.childMonths}, cost ${st.costCents}, violations ${st.violationCount()}, groups ${run.allGroupIds().length}; sha256 ${hash.digest("hex")}\n`
  )
}
main()
