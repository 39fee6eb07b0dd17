/**
 * Appending generated events the way they happened: sorted by valid time, in
 * chunks of about 5,000 events, each chunk one transaction (`appendMany`), each
 * stream's part of a chunk one batch.
 */
import { Effect } from "effect"
import type { EventEnvelope } from "../../src/events"
import { EventStore, ExpectedRevision } from "../../src/store/EventStore"

const CHUNK = 5_000

export const appendChronologically = (events: ReadonlyArray<EventEnvelope>) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const ordered = [...events].sort((a, b) => (a.validTime < b.validTime ? -1 : a.validTime > b.validTime ? 1 : 0))
    for (let i = 0; i < ordered.length; i += CHUNK) {
      const byStream = new Map<string, Array<EventEnvelope>>()
      for (const e of ordered.slice(i, i + CHUNK)) {
        let list = byStream.get(e.stream)
        if (list === undefined) byStream.set(e.stream, (list = []))
        list.push(e)
      }
      yield* store.appendMany([...byStream].map(([stream, evs]) => ({ stream, events: evs, expected: ExpectedRevision.any })))
    }
  })

