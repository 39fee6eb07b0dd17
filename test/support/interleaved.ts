/**
 * A store written one event per append, in delivery order (streams interleave in the global order),
 * and read back in global order: for tests of the embedded store's subject and stream reads.
 */
import { Effect, Stream } from "effect"
import type { EventEnvelope, RecordedEvent } from "../../src/events"
import { EventStore, ExpectedRevision } from "../../src/store/EventStore"
import { SqliteEventStore } from "../../src/store/sqlite"

export const appendInterleaved = (path: string, events: ReadonlyArray<EventEnvelope>): Promise<ReadonlyArray<RecordedEvent>> =>
  Effect.runPromise(
    Effect.scoped(
      Effect.provide(
        Effect.gen(function* () {
          const store = yield* EventStore
          for (const e of events) yield* store.append(e.stream, [e], ExpectedRevision.any)
          const all: Array<RecordedEvent> = []
          yield* Stream.runForEach(store.readAll(), (e) => Effect.sync(() => void all.push(e)))
          return all
        }),
        SqliteEventStore.layer(path)
      )
    )
  )
