/**
 * Building envelopes in code (examples, generators, tests): an event's type
 * and data plus its two times; the id defaults to a name-based UUID of the
 * event's content, so building the same event twice gives the same id.
 */
import type { DomainEvent } from "./catalogue"
import { envelope, type EventEnvelope } from "./envelope"
import { uuidV5 } from "./ids"

export interface BuildOptions {
  readonly validTime: string
  /** Defaults to the valid time at noon UTC. */
  readonly recordedTime?: string
  readonly eventId?: string
  readonly source?: string
  readonly correlationId?: string
}

/** The recorded time of an event that gives none: noon UTC of its valid day (so rebuilding it gives the same id). */
export const noonOf = (validTime: string): string => `${validTime}T12:00:00.000Z`

export const buildEvent = <E extends DomainEvent>(event: E, o: BuildOptions): EventEnvelope<E> => {
  const recordedTime = o.recordedTime ?? noonOf(o.validTime)
  const eventId = o.eventId ?? uuidV5(JSON.stringify([event.type, event.data, o.validTime, recordedTime]))
  return envelope(event, {
    eventId,
    validTime: o.validTime,
    recordedTime,
    metadata: { source: o.source ?? "geldstroom", ...(o.correlationId ? { correlationId: o.correlationId } : {}) }
  })
}
