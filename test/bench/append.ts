/**
 * Appending generated events the way they happened: sorted by valid time, in
 * chunks of about 5,000 events, each chunk one transaction (`appendMany`), each
 * stream's part of a chunk one batch.
 */
import { Effect } from "effect"
import type { EventEnvelope } from "../../src/events"
import { EventStore, ExpectedRevision } from "../../src/store/EventStore"

const CHUNK = 5_000

/** Events in the order they happened (by valid time; stable, so a stream's events keep their order). */
export const chronological = (events: ReadonlyArray<EventEnvelope>): Array<EventEnvelope> =>
  [...events].sort((a, b) => (a.validTime < b.validTime ? -1 : a.validTime > b.validTime ? 1 : 0))

/** Events by stream, each stream's in the order given: one batch a stream. */
export const byStream = (events: ReadonlyArray<EventEnvelope>): Map<string, Array<EventEnvelope>> => {
  const out = new Map<string, Array<EventEnvelope>>()
  for (const e of events) {
    const list = out.get(e.stream)
    if (list === undefined) out.set(e.stream, [e])
    else list.push(e)
  }
  return out
}

export const appendChronologically = (events: ReadonlyArray<EventEnvelope>) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const ordered = chronological(events)
    for (let i = 0; i < ordered.length; i += CHUNK)
      yield* store.appendMany([...byStream(ordered.slice(i, i + CHUNK))].map(([stream, evs]) => ({ stream, events: evs, expected: ExpectedRevision.any })))
  })
