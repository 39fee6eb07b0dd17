/**
 * The harness of the EventStore contract: a fresh store per test, and the
 * helpers the cases share. Streams are random pseudonyms and `$all` is read
 * only after a marker event the test wrote itself, so the cases also run
 * against a shared real server.
 */
import { Effect, type Layer, ManagedRuntime, Result, Stream } from "effect"
import { afterEach, beforeEach } from "vitest"
import type { RecordedEvent } from "../../../src/events"
import { EventStore, type EventStoreShape, ExpectedRevision, type ReadAllOptions } from "../../../src/store/EventStore"
import { placementStarted, pseudonym } from "../../support/events"

export interface StoreUnderTest {
  readonly layer: Layer.Layer<EventStore, unknown>
  readonly cleanup?: () => Promise<void>
}

export type MakeStore = () => Promise<StoreUnderTest> | StoreUnderTest

export const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(effect)

/** The error an effect fails with; the test fails if it succeeds. */
export const failureOf = async <A, E>(effect: Effect.Effect<A, E>): Promise<E> => {
  const result = await Effect.runPromise(Effect.result(effect))
  if (Result.isSuccess(result)) throw new Error(`expected a failure, got ${String(result.success)}`)
  return result.failure
}

export const collect = <E>(stream: Stream.Stream<RecordedEvent, E>): Promise<Array<RecordedEvent>> =>
  Effect.runPromise(Stream.runCollect(stream))

/** A child of its own: a pseudonym and its stream. */
export const child = () => {
  const id = pseudonym()
  return { id, stream: `child-${id}` }
}

export interface Harness {
  /** The store under test (a fresh one in each test). */
  readonly store: () => EventStoreShape
  /** Write an event to a stream of its own and return its position: reads of $all start after it. */
  readonly marker: () => Promise<bigint>
  /** `readAll`, keeping only the given streams' events. */
  readonly readAllOf: (streams: ReadonlyArray<string>, options: ReadAllOptions) => Promise<Array<RecordedEvent>>
  readonly readStream: (stream: string, fromRevision?: number) => Promise<Array<RecordedEvent>>
}

/** Call inside a `describe`: builds a fresh store before each test and releases it after. */
export const useFreshStore = (make: MakeStore): Harness => {
  let sut: StoreUnderTest | undefined
  let runtime: ManagedRuntime.ManagedRuntime<EventStore, unknown> | undefined
  let current: EventStoreShape | undefined
  beforeEach(async () => {
    sut = await make()
    runtime = ManagedRuntime.make(sut.layer)
    current = await runtime.runPromise(EventStore.useSync((s) => s))
  })
  afterEach(async () => {
    await runtime?.dispose()
    await sut?.cleanup?.()
    sut = runtime = current = undefined
  })
  const store = (): EventStoreShape => {
    if (current === undefined) throw new Error("no store: used outside a test")
    return current
  }
  return {
    store,
    marker: async () => {
      const c = child()
      return (await run(store().append(c.stream, [placementStarted(c.id)], ExpectedRevision.noStream))).position
    },
    readAllOf: async (streams, options) => {
      const ours = new Set(streams)
      return (await collect(store().readAll(options))).filter((e) => ours.has(e.stream))
    },
    readStream: (stream, fromRevision) =>
      collect(store().readStream(stream, fromRevision === undefined ? undefined : { fromRevision }))
  }
}
