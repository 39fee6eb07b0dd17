/**
 * Looking into a store for `geldstroom store status|verify`.
 *
 * - status: what the store holds (events, streams, head position, size). The
 *   embedded store is counted in SQL without creating a missing file; any
 *   other store by reading all events.
 * - verify: read every event through the port, which decodes (and upcasts)
 *   each one on the way out. A CorruptEvent stops a read at its position;
 *   verify notes it and reads on after it, so every damaged event is
 *   reported, each with its position.
 */
import { Effect, Result, Stream } from "effect"
import { type CorruptEvent, EventStore, type StoreFailure } from "../store/EventStore"
import { readStoreStatus } from "../store/sqlite"

export interface StoreStatusReport {
  readonly store: string
  readonly path: string | null
  readonly exists: boolean
  readonly events: number
  readonly streams: number
  /** Global position of the last event, as a decimal string; null when empty. */
  readonly headPosition: string | null
  /** Bytes on disk (database and write-ahead log); null for a server. */
  readonly sizeBytes: number | null
}

export const sqliteStatus = (path: string): Effect.Effect<StoreStatusReport, StoreFailure> =>
  Effect.map(readStoreStatus(path), (s) => ({
    store: `sqlite:${s.path}`,
    path: s.path,
    exists: s.exists,
    events: s.events,
    streams: s.streams,
    headPosition: s.headPosition === undefined ? null : s.headPosition.toString(),
    sizeBytes: s.sizeBytes
  }))

/** Status of any store by reading it all (EventStoreDB). */
export const readAllStatus: Effect.Effect<StoreStatusReport, CorruptEvent | StoreFailure, EventStore> = EventStore.use((store) =>
  Effect.map(
    Stream.runFold(
      store.readAll(),
      () => ({ events: 0, streams: new Set<string>(), head: undefined as bigint | undefined }),
      (acc, e) => {
        acc.events++
        acc.streams.add(e.stream)
        acc.head = e.position
        return acc
      }
    ),
    (acc) => ({
      store: store.name,
      path: null,
      exists: true,
      events: acc.events,
      streams: acc.streams.size,
      headPosition: acc.head === undefined ? null : acc.head.toString(),
      sizeBytes: null
    })
  )
)

export interface CorruptReport {
  readonly position: string
  readonly stream: string | null
  readonly revision: number | null
  readonly reason: string
}

export interface VerifyReport {
  readonly store: string
  /** Events read that decode. */
  readonly ok: number
  readonly corrupt: ReadonlyArray<CorruptReport>
}

/** Read every event; report every one that does not decode. Fails only when the store cannot be read at all. */
export const verifyStore: Effect.Effect<VerifyReport, StoreFailure, EventStore> = EventStore.use((store) =>
  Effect.gen(function* () {
    let ok = 0
    const corrupt: Array<CorruptReport> = []
    let after: bigint | undefined
    for (;;) {
      const read = yield* Effect.result(
        // Every event a read delivers has decoded; the first that does not ends the read (below).
        Stream.runForEach(store.readAll(after === undefined ? {} : { after }), (e) =>
          Effect.sync(() => {
            after = e.position
            ok++
          })
        )
      )
      if (Result.isSuccess(read)) break
      const failure = read.failure
      if (failure._tag === "StoreFailure") return yield* Effect.fail(failure)
      corrupt.push({ position: failure.position.toString(), stream: failure.stream ?? null, revision: failure.revision ?? null, reason: failure.reason })
      if (after !== undefined && failure.position <= after) break // no progress: never loop
      after = failure.position
    }
    return { store: store.name, ok, corrupt }
  })
)
