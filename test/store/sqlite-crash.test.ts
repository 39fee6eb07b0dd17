/**
 * Crash safety of the SQLite store: a writer process is killed with SIGKILL at
 * a random moment, over and over on the same store file (four files at once,
 * to keep the test short). After every kill the store reopens and holds every
 * batch the writers acknowledged, whole, and no batch in part.
 */
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { ManagedRuntime, Stream } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { RecordedEvent } from "../../src/events"
import { EventStore } from "../../src/store/EventStore"
import { SqliteEventStore } from "../../src/store/sqlite"
import { runFixture } from "../support/childProcess"
import { pseudonym } from "../support/events"
import { type TempStore, tempStore } from "../support/tempStore"

const writer = fileURLToPath(new URL("./fixtures/crashWriter.ts", import.meta.url))
// 4 writers at once, each killed 5 times over on its own store file: 20 kills.
const LANES = 4
const TRIALS_PER_LANE = 5

const readEverything = async (path: string): Promise<Array<RecordedEvent>> => {
  const runtime = ManagedRuntime.make(SqliteEventStore.layer(path))
  try {
    return await runtime.runPromise(EventStore.use((store) => Stream.runCollect(store.readAll())))
  } finally {
    await runtime.dispose()
  }
}

/** One store file, killed TRIALS_PER_LANE times over; checked after every kill. Returns how many batches were acknowledged. */
const lane = async (path: string, name: string): Promise<number> => {
  const children = [pseudonym(), pseudonym(), pseudonym()]
  const acknowledged = new Set<string>()
  for (let trial = 0; trial < TRIALS_PER_LANE; trial++) {
    const fixture = runFixture(writer, [path, `${name}.${trial}`, ...children])
    // Once it has committed a first batch, let it write on for a random while, then kill it mid-flight.
    await fixture.nextLine((l) => l.startsWith("ack "))
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 120))
    fixture.child.kill("SIGKILL")
    const exit = await fixture.exited
    const where = `lane ${name}, trial ${trial}`
    expect(exit.signal, `${where} ended on its own: ${fixture.stderr()}`).toBe("SIGKILL")
    fixture.lines.filter((l) => l.startsWith("ack ")).forEach((l) => acknowledged.add(l.slice(4)))

    const events = await readEverything(path)
    const counts = new Map<string, number>()
    for (const e of events) {
      const marker = e.metadata.correlationId ?? "(none)"
      counts.set(marker, (counts.get(marker) ?? 0) + 1)
    }
    for (const [marker, count] of counts) {
      expect(count, `${where}: batch ${marker} is in the store in part`).toBe(Number(marker.split(":")[3]))
    }
    for (const marker of acknowledged) {
      expect(counts.has(marker), `${where}: acknowledged batch ${marker} is lost`).toBe(true)
    }
    // Each stream's revisions run 0, 1, 2, ... without gaps or repeats; global positions only go up.
    for (const id of children) {
      const revisions = events.filter((e) => e.stream === `child-${id}`).map((e) => e.revision)
      expect(revisions, where).toEqual(revisions.map((_, i) => i))
    }
    events.forEach((e, i) => i > 0 && expect(e.position > (events[i - 1] as RecordedEvent).position).toBe(true))
  }
  return acknowledged.size
}

describe("sqlite store, writer killed mid-append", () => {
  let temp: TempStore
  beforeAll(async () => {
    temp = await tempStore()
  })
  afterAll(async () => {
    await temp.cleanup()
  })

  it(`keeps every acknowledged batch whole and no batch in part, over ${LANES * TRIALS_PER_LANE} kills`, async () => {
    const lanes = Array.from({ length: LANES }, (_, i) => lane(join(temp.dir, `lane-${i}.sqlite`), `L${i}`))
    const acknowledged = await Promise.all(lanes)
    expect(acknowledged.every((n) => n >= TRIALS_PER_LANE)).toBe(true)
  }, 300_000) // 20 child starts (~2 CPU-s each through tsx): ~25 s on an idle 2-core machine; the margin is for a busy one
})
