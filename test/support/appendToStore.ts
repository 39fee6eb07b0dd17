/** Events appended to an embedded store file, each stream's events one batch, all in one transaction. */
import { Effect } from "effect"
import type { EventEnvelope } from "../../src/events"
import { EventStore, ExpectedRevision } from "../../src/store/EventStore"
import { SqliteEventStore } from "../../src/store/sqlite"

export const appendToStore = (path: string, events: ReadonlyArray<EventEnvelope>): Promise<void> =>
  Effect.runPromise(
    Effect.scoped(
      Effect.provide(
        Effect.gen(function* () {
          const store = yield* EventStore
          const byStream = new Map<string, Array<EventEnvelope>>()
          for (const e of events) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e])
          yield* store.appendMany([...byStream].map(([stream, evs]) => ({ stream, events: evs, expected: ExpectedRevision.any })))
        }),
        SqliteEventStore.layer(path)
      )
    )
  ).then(() => undefined)
