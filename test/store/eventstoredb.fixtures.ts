/**
 * Events and helpers for the EventStoreDB adapter tests (fake server).
 */
import { randomUUID } from "node:crypto"
import { Effect, Layer, Result, Stream } from "effect"
import { envelope, type EventEnvelope } from "../../src/events"
import { EventStore, type EventStoreShape } from "../../src/store/EventStore"
import { EventStoreDbEventStore, type EventStoreDbOptions } from "../../src/store/eventstoredb"
import { type FakeServerOptions, startFakeEventStoreDb, type FakeEventStoreDb } from "../support/esdb-fake/server"

let counter = 0
/** A child id unique within the test run (pseudonymous, never BSN-like). */
export const freshChild = (): string => `K-${process.pid}-${++counter}`

const meta = { source: "test/store/eventstoredb fixtures" }

export const kotEnded = (childId: string, fields: Partial<{ eventId: string; validTime: string; recordedTime: string; source: string }> = {}) =>
  envelope(
    { type: "kot-entitlement-ended", data: { childId } },
    {
      eventId: fields.eventId ?? randomUUID(),
      validTime: fields.validTime ?? "2026-03-31",
      recordedTime: fields.recordedTime ?? "2026-04-02T09:15:00Z",
      metadata: fields.source === undefined ? meta : { source: fields.source }
    }
  ) as EventEnvelope

export const budgetLine = (budgetLineId: string, label: string) =>
  envelope(
    {
      type: "budget-line-set",
      data: { budgetLineId, year: 2026, label, amount: "125000.50", streams: ["kindplek", "smi"] }
    },
    {
      eventId: randomUUID(),
      validTime: "2026-01-01",
      recordedTime: "2025-12-15T16:45:30.123456+01:00",
      metadata: { source: "begroting 2026 — ‘Kinderopvang plus’ ✓ 保育", correlationId: "corr-ünïcode-1" }
    }
  ) as EventEnvelope

export const childStream = (childId: string): string => `child-${childId}`

export interface FakeStore {
  readonly fake: FakeEventStoreDb
  readonly layer: Layer.Layer<EventStore, unknown>
}

export const startFakeStore = async (
  serverOptions: FakeServerOptions = {},
  storeOptions: EventStoreDbOptions = {}
): Promise<FakeStore> => {
  const fake = await startFakeEventStoreDb(serverOptions)
  return { fake, layer: EventStoreDbEventStore.layer(fake.url, storeOptions) }
}

/** Run `f` with the store of `layer`, in a scope closed (client disposed) at the end. */
export const withStore = <A, E>(layer: Layer.Layer<EventStore, unknown>, f: (store: EventStoreShape) => Effect.Effect<A, E>) =>
  Effect.runPromise(Effect.scoped(EventStore.use(f).pipe(Effect.provide(layer))))

/** The outcome of an effect as a Result, to assert on failures. */
export const attempt = <A, E>(effect: Effect.Effect<A, E>): Effect.Effect<Result.Result<A, E>> => Effect.result(effect)

export const collect = <A, E>(stream: Stream.Stream<A, E>) => Effect.result(Stream.runCollect(stream))

/** A raw event for seeding the fake's log directly. */
export const raw = (fields: { id?: string; type: string; data: string | Uint8Array; metadata?: string; contentType?: string }) => ({
  id: fields.id ?? randomUUID(),
  type: fields.type,
  contentType: fields.contentType ?? "application/json",
  data: typeof fields.data === "string" ? Buffer.from(fields.data, "utf8") : fields.data,
  metadata: Buffer.from(fields.metadata ?? "", "utf8")
})

/** The ESDB metadata our adapter writes, for seeding events that look like ours. */
export const ourMetadata = (event: EventEnvelope): string =>
  JSON.stringify({
    schemaVersion: event.schemaVersion,
    validTime: event.validTime,
    recordedTime: event.recordedTime,
    metadata: event.metadata
  })
