/**
 * The fake EventStoreDB server, checked through the real client against the
 * server behaviour it imitates (see ./log.ts): expected revisions, idempotent
 * and "corrupted idempotency" re-appends, and reads in both directions. The
 * adapter tests rely on these answers being the real server's.
 */
import { randomUUID } from "node:crypto"
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  jsonEvent,
  NO_STREAM,
  type ResolvedEvent,
  START,
  STREAM_EXISTS,
  WrongExpectedVersionError
} from "@eventstore/db-client"
import { afterEach, describe, expect, it } from "vitest"
import { type FakeEventStoreDb, startFakeEventStoreDb } from "./server"

const event = (id = randomUUID()) => jsonEvent({ id, type: "probe", data: { id } })

const drain = async (read: AsyncIterable<ResolvedEvent>) => {
  const out: Array<ResolvedEvent> = []
  for await (const e of read) out.push(e)
  return out
}

describe.each(["batch-append", "unimplemented"] as const)("fake EventStoreDB server (features: %s)", (features) => {
  let fake: FakeEventStoreDb
  let client: EventStoreDBClient
  const start = async () => {
    fake = await startFakeEventStoreDb({ features })
    client = EventStoreDBClient.connectionString(fake.url)
  }
  afterEach(async () => {
    await client?.dispose()
    await fake?.stop()
  })

  const wrongVersion = async (append: Promise<unknown>) => {
    const error = await append.then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(WrongExpectedVersionError)
    return error as WrongExpectedVersionError
  }

  it("answers with the call the client chose for the server's features", async () => {
    await start()
    await client.appendToStream("s", [event()])
    expect(fake.appendCalls).toEqual(features === "batch-append" ? { classic: 0, batch: 1 } : { classic: 1, batch: 0 })
  })

  it("checks expected revisions and reports the current one", async () => {
    await start()
    const [a, b, c] = [event(), event(), event()]
    expect((await client.appendToStream("s", [a, b], { expectedRevision: NO_STREAM })).nextExpectedRevision).toBe(1n)
    expect((await wrongVersion(client.appendToStream("s", [c], { expectedRevision: NO_STREAM }))).actualVersion).toBe(1n)
    expect((await wrongVersion(client.appendToStream("s", [c], { expectedRevision: 5n }))).actualVersion).toBe(1n)
    expect((await wrongVersion(client.appendToStream("t", [c], { expectedRevision: 0n }))).actualVersion).toBe("no_stream")
    expect((await wrongVersion(client.appendToStream("t", [c], { expectedRevision: STREAM_EXISTS }))).actualVersion).toBe("no_stream")
    expect((await client.appendToStream("s", [c], { expectedRevision: 1n })).nextExpectedRevision).toBe(2n)
  })

  it("takes the same ids at the same place as an idempotent success, a partial overlap as a wrong version", async () => {
    await start()
    const [a, b, c] = [event(), event(), event()]
    const first = await client.appendToStream("s", [a, b], { expectedRevision: NO_STREAM })
    await client.appendToStream("s", [c], { expectedRevision: 1n })
    expect(await client.appendToStream("s", [a, b], { expectedRevision: NO_STREAM })).toEqual(first)
    expect(await client.appendToStream("s", [a, b])).toEqual(first) // expected revision Any: found by the first id
    expect((await client.appendToStream("s", [c], { expectedRevision: 1n })).nextExpectedRevision).toBe(2n)
    await wrongVersion(client.appendToStream("s", [b, c, event()], { expectedRevision: 0n }))
    await wrongVersion(client.appendToStream("s", [a, c]))
    expect(fake.log.currentRevision("s")).toBe(2n)
  })

  it("reads streams forwards and backwards, and $all forwards from an inclusive position", async () => {
    await start()
    await client.appendToStream("s", [event(), event(), event()])
    await client.appendToStream("t", [event()])
    const backwards = await drain(client.readStream("s", { direction: BACKWARDS, fromRevision: END, maxCount: 2 }))
    expect(backwards.map((e) => e.event?.revision)).toEqual([2n, 1n])
    const fromOne = await drain(client.readStream("s", { fromRevision: 1n }))
    expect(fromOne.map((e) => e.event?.revision)).toEqual([1n, 2n])

    const all = await drain(client.readAll({ fromPosition: START }))
    const ours = all.filter((e) => !e.event!.streamId.startsWith("$"))
    expect(ours.map((e) => e.event?.streamId)).toEqual(["s", "s", "s", "t"])
    const position = ours[2]!.event!.position!
    expect(position.commit).toBe(position.prepare)
    const fromThird = await drain(client.readAll({ fromPosition: position }))
    expect(fromThird.map((e) => e.event?.id)).toEqual([ours[2], ours[3]].map((e) => e!.event!.id))
    const last = await drain(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }))
    expect(last.map((e) => e.event?.streamId)).toEqual(["t"])
  })
})
