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

export const buildEvent = <E extends DomainEvent>(event: E, o: BuildOptions): EventEnvelope<E> => {
  const recordedTime = o.recordedTime ?? `${o.validTime}T12:00:00.000Z`
  const eventId = o.eventId ?? uuidV5(JSON.stringify([event.type, event.data, o.validTime, recordedTime]))
  return envelope(event, {
    eventId,
    validTime: o.validTime,
    recordedTime,
    metadata: { source: o.source ?? "geldstroom", ...(o.correlationId ? { correlationId: o.correlationId } : {}) }
  })
}
