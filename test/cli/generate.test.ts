import { writeFile } from "node:fs/promises"
import { join } from "node:path"
import { Effect, Stream } from "effect"
import { afterEach, describe, expect, it, vi } from "vitest"
import { main } from "../../src/cli/main"
import { EventStore } from "../../src/store/EventStore"
import { SqliteEventStore } from "../../src/store/sqlite"
import { type TempStore, tempStore } from "../support/tempStore"

const SCENARIO = `name: generated population
period: { from: 2026-01, to: 2026-06 }
events: { store: events.sqlite }
policy: none.yaml
population:
  seed: 3
  children: { atStart: 12, inflowPerMonth: 4 }
  supportNeeds:
    jeugdhulpWaiting: { share: 0.5 }
`

const capture = async (argv: ReadonlyArray<string>) => {
  let out = ""
  let err = ""
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true))
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true))
  try {
    const code = await main(argv)
    return { code, out, err }
  } finally {
    o.mockRestore()
    e.mockRestore()
  }
}

const storedCount = (path: string) =>
  Effect.runPromise(
    Effect.scoped(Effect.provide(EventStore.use((s) => Stream.runCount(s.readAll())), SqliteEventStore.layer(path)))
  )

describe("geldstroom generate", () => {
  let temp: TempStore
  afterEach(() => temp?.cleanup())

  it("appends the population to the scenario's store, and adds nothing when run again", async () => {
    temp = await tempStore()
    const file = join(temp.dir, "scenario.yaml")
    await writeFile(file, SCENARIO)
    const first = await capture(["generate", file, "--json"])
    expect(first.code).toBe(0)
    const summary = JSON.parse(first.out)
    expect(summary).toMatchObject({ seed: 3, children: 12 + 6 * 4, alreadyStored: 0 })
    expect(summary.written).toBe(summary.events)
    expect(summary.byType["placement-requested"]).toBe(36)
    expect(await storedCount(join(temp.dir, "events.sqlite"))).toBe(summary.events)

    const again = await capture(["generate", file, "--json"])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.out)).toMatchObject({ events: summary.events, written: 0, alreadyStored: summary.events })
    expect(await storedCount(join(temp.dir, "events.sqlite"))).toBe(summary.events)
  })

  it("writes to --store instead, and prints a summary", async () => {
    temp = await tempStore()
    const file = join(temp.dir, "scenario.yaml")
    await writeFile(file, SCENARIO)
    const r = await capture(["generate", file, "--store", temp.path])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^generated 36 children \(seed 3, 2026-01 to 2026-06\): \d+ events\ninto store .*events\.sqlite: \d+ new, 0 already there/)
    expect(r.out).toMatch(/placement-requested\s+36/)
    expect(await storedCount(temp.path)).toBeGreaterThan(36)
  })

  it("names the file, line and field of a bad population, and writes nothing", async () => {
    temp = await tempStore()
    const file = join(temp.dir, "scenario.yaml")
    await writeFile(file, SCENARIO.replace("atStart: 12", "atStart: -1"))
    const r = await capture(["generate", file, "--store", temp.path])
    expect(r.code).toBe(3)
    expect(r.err).toContain(`${file}:7: population.children.atStart:`)
    expect(await storedCount(temp.path)).toBe(0)
  })

  it("says so when the scenario has no population", async () => {
    temp = await tempStore()
    const file = join(temp.dir, "scenario.yaml")
    await writeFile(file, "name: x\nperiod: { from: 2026-01, to: 2026-02 }\nevents: { store: e.sqlite }\npolicy: p.yaml\n")
    const r = await capture(["generate", file, "--store", temp.path])
    expect(r.code).toBe(3)
    expect(r.err).toMatch(/no population: section/)
  })
})
