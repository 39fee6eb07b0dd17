/**
 * The EventStoreDB connection string: from the environment only, its shape
 * checked, the password never shown (in `name`, nor in errors); and the client
 * disposed when the layer is released.
 */
import { Effect, Layer, Redacted, Result } from "effect"
import { afterEach, describe, expect, it, vi } from "vitest"
import { EventStore, ExpectedRevision, StoreFailure } from "../../src/store/EventStore"
import { EventStoreDbEventStore } from "../../src/store/eventstoredb"
import {
  connectionStringFromEnv,
  redactConnectionString,
  scrub,
  secretsOf
} from "../../src/store/eventstoredb/connection"
import { childStream, freshChild, kotEnded, startFakeStore, type FakeStore, withStore } from "./eventstoredb.fixtures"

const PASSWORD = "s3cr3t-Wachtw00rd"

/** Build the layer and run one append; the failure (if any) as text, the way a user would see it. */
const failureText = async (layer: Layer.Layer<EventStore, StoreFailure>) => {
  const child = freshChild()
  const outcome = await Effect.runPromise(
    Effect.result(EventStore.use((s) => s.append(childStream(child), [kotEnded(child)], ExpectedRevision.any)).pipe(Effect.provide(layer)))
  )
  if (Result.isSuccess(outcome)) throw new Error("expected a failure")
  const failure = outcome.failure
  return { failure, text: `${failure.message} ${String(failure)} ${JSON.stringify(failure, (_k, v) => (typeof v === "bigint" ? String(v) : v))}` }
}

describe("EventStoreDB connection string", () => {
  it("redacts the password, however it is written", () => {
    expect(redactConnectionString(`esdb://admin:${PASSWORD}@localhost:2113?tls=false`)).toBe("esdb://admin:***@localhost:2113?tls=false")
    expect(redactConnectionString("esdb+discover://ops:p%40ss@cluster.example:2113")).toBe("esdb+discover://ops:***@cluster.example:2113")
    expect(redactConnectionString("http://u:pw@host")).toBe("http://u:***@host")
    expect(redactConnectionString("esdb://localhost:2113?tls=false")).toBe("esdb://localhost:2113?tls=false")
    expect(secretsOf("esdb://ops:p%40ss@cluster.example:2113")).toEqual(["p%40ss", "p@ss"])
    expect(secretsOf("esdb://localhost:2113")).toEqual([])
    expect(scrub("login p@ss failed for p%40ss", ["p%40ss", "p@ss"])).toBe("login *** failed for ***")
  })

  it("is read from EVENTSTORE_URL only, and checked", () => {
    const missing = connectionStringFromEnv({})
    expect(Result.isFailure(missing) && missing.failure).toContain("EVENTSTORE_URL is not set")
    const wrong = connectionStringFromEnv({ EVENTSTORE_URL: `https://admin:${PASSWORD}@localhost:2113` })
    expect(Result.isFailure(wrong) && wrong.failure).toContain("EVENTSTORE_URL (https://admin:***@localhost:2113) must be an EventStoreDB connection string")
    expect(Result.isFailure(wrong) && wrong.failure).not.toContain(PASSWORD)
    const ok = connectionStringFromEnv({ EVENTSTORE_URL: ` esdb://admin:${PASSWORD}@localhost:2113?tls=false ` })
    expect(Result.isSuccess(ok) && Redacted.value(ok.success)).toBe(`esdb://admin:${PASSWORD}@localhost:2113?tls=false`)
    expect(Result.isSuccess(ok) && String(ok.success)).not.toContain(PASSWORD)
  })

  it("layerFromEnv names the missing variable", async () => {
    const { failure, text } = await failureText(EventStoreDbEventStore.layerFromEnv({}, {}))
    expect(failure).toMatchObject({ _tag: "StoreFailure", operation: "configure" })
    expect(text).toContain("EVENTSTORE_URL")
  })

  it("never shows the password in errors: unreachable server, malformed string", async () => {
    // Port 1 on localhost refuses connections: the append fails underneath.
    const unreachable = await failureText(
      EventStoreDbEventStore.layer(`esdb://admin:${PASSWORD}@127.0.0.1:1?tls=false&defaultDeadline=5000`)
    )
    expect(unreachable.failure).toMatchObject({ _tag: "StoreFailure", store: "eventstoredb:esdb://admin:***@127.0.0.1:1?tls=false&defaultDeadline=5000" })
    expect(unreachable.text).not.toContain(PASSWORD)
    // The client's own parse error quotes the whole connection string.
    const malformed = await failureText(EventStoreDbEventStore.layer(Redacted.make(`esdb://admin:${PASSWORD}@localhost:notaport`)))
    expect(malformed.failure).toMatchObject({ _tag: "StoreFailure", operation: "connect" })
    expect(malformed.text).toContain("admin:***@localhost:notaport")
    expect(malformed.text).not.toContain(PASSWORD)
  })
})

describe("EventStoreDB layer", () => {
  let store: FakeStore
  afterEach(async () => store?.fake.stop())

  it("is named after the redacted connection string, read from the environment", async () => {
    store = await startFakeStore()
    const url = store.fake.url.replace("esdb://", `esdb://admin:${PASSWORD}@`)
    const name = await withStore(EventStoreDbEventStore.layerFromEnv({}, { EVENTSTORE_URL: url }), (s) => Effect.succeed(s.name))
    expect(name).toBe(`eventstoredb:esdb://admin:***@127.0.0.1:${store.fake.port}?tls=false`)
  })

  it("disposes the client when the layer is released", async () => {
    store = await startFakeStore({ features: "batch-append" })
    const child = freshChild()
    await withStore(store.layer, (s) =>
      Effect.gen(function* () {
        yield* s.append(childStream(child), [kotEnded(child)], ExpectedRevision.noStream)
        // The client keeps its BatchAppend stream open for later appends...
        expect(store.fake.openBatchStreams()).toBe(1)
      })
    )
    // ...until it is disposed with the layer; the server sees the call end.
    await vi.waitFor(() => expect(store.fake.openBatchStreams()).toBe(0))
  })
})
