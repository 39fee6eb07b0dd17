/**
 * Two writers on one stream, both sure of the same expected revision: exactly
 * one wins, the other gets WrongExpectedRevision; nothing is lost or doubled.
 * Once with two connections in this process, once with two processes racing
 * round after round.
 */
import { fileURLToPath } from "node:url"
import { ManagedRuntime, Stream } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { EventStore, type EventStoreShape, ExpectedRevision } from "../../src/store/EventStore"
import { SqliteEventStore } from "../../src/store/sqlite"
import { type Fixture, runFixture } from "../support/childProcess"
import { placementChanged, placementStarted, pseudonym } from "../support/events"
import { type TempStore, tempStore } from "../support/tempStore"
import { failureOf, run } from "./contract"

const racer = fileURLToPath(new URL("./fixtures/racer.ts", import.meta.url))
const ROUNDS = 30

describe("sqlite store, two writers on one stream", () => {
  let temp: TempStore
  const runtimes: Array<ManagedRuntime.ManagedRuntime<EventStore, unknown>> = []
  const open = async (): Promise<EventStoreShape> => {
    const runtime = ManagedRuntime.make(SqliteEventStore.layer(temp.path))
    runtimes.push(runtime)
    return runtime.runPromise(EventStore.useSync((s) => s))
  }
  beforeEach(async () => {
    temp = await tempStore()
  })
  afterEach(async () => {
    await Promise.all(runtimes.splice(0).map((r) => r.dispose()))
    await temp.cleanup()
  })

  it("two connections: the second, holding a stale revision, is refused and sees the first's event", async () => {
    const childId = pseudonym()
    const stream = `child-${childId}`
    const a = await open()
    const b = await open()
    await run(a.append(stream, [placementStarted(childId)], ExpectedRevision.noStream))
    const seenByA = await run(a.streamRevision(stream))
    const seenByB = await run(b.streamRevision(stream))
    expect([seenByA, seenByB]).toEqual([0, 0])

    const fromA = placementChanged(childId)
    const fromB = placementChanged(childId)
    expect(await run(a.append(stream, [fromA], ExpectedRevision.exact(0)))).toMatchObject({ nextRevision: 1, written: 1 })
    const error = await failureOf(b.append(stream, [fromB], ExpectedRevision.exact(0)))
    expect(error).toMatchObject({ _tag: "WrongExpectedRevision", stream, actual: 1 })
    const ids = (await run(Stream.runCollect(b.readStream(stream)))).map((e) => e.eventId)
    expect(ids.slice(1)).toEqual([fromA.eventId])
  })

  it(`two processes, ${ROUNDS} rounds: exactly one wins each round`, async () => {
    const childId = pseudonym()
    const stream = `child-${childId}`
    const store = await open()
    await run(store.append(stream, [placementStarted(childId)], ExpectedRevision.noStream))

    const racers: Array<Fixture> = [runFixture(racer, [temp.path, childId, "A"]), runFixture(racer, [temp.path, childId, "B"])]
    try {
      await Promise.all(racers.map((r) => r.nextLine((l) => l === "ready")))
      let revision = 0
      const winners: Array<string> = []
      for (let round = 0; round < ROUNDS; round++) {
        racers.forEach((r) => r.send(`go ${round} ${revision}`))
        const answers = await Promise.all(racers.map((r) => r.nextLine((l) => l.split(" ")[1] === String(round))))
        const outcomes = answers.map((a) => a.split(" "))
        const won = outcomes.filter(([verdict]) => verdict === "won")
        const lost = outcomes.filter(([verdict]) => verdict === "lost")
        expect({ round, answers, won: won.length, lost: lost.length }).toMatchObject({ won: 1, lost: 1 })
        const next = Number(won[0]?.[2])
        expect(next).toBe(revision + 1 + (round % 3))
        // The loser saw the winner's last revision.
        expect(Number(lost[0]?.[2])).toBe(next)
        winners.push(`${answers.findIndex((a) => a.startsWith("won")) === 0 ? "A" : "B"}:${round}`)
        revision = next
      }
      racers.forEach((r) => r.child.stdin?.end())
      await Promise.all(racers.map((r) => r.exited))

      const events = await run(Stream.runCollect(store.readStream(stream)))
      // Nothing lost, nothing doubled: the winners' batches, whole and in round order, and only those.
      expect(events.slice(1).map((e) => e.metadata.correlationId)).toEqual(
        winners.flatMap((w) => Array.from({ length: 1 + (Number(w.split(":")[1]) % 3) }, () => w))
      )
      expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length)
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i))
      expect(await run(store.streamRevision(stream))).toBe(revision)
    } finally {
      racers.forEach((r) => r.child.exitCode === null && r.child.kill("SIGKILL"))
    }
  })
})
