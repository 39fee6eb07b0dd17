/**
 * How geldstroom's events and revisions map onto EventStoreDB's. Pure.
 *
 * An envelope becomes one JSON event:
 *   ESDB event id   = our `eventId` (a uuid), so the server recognises re-appends;
 *   ESDB event type = our `type`;
 *   ESDB data       = our `data` as JSON;
 *   ESDB metadata   = { schemaVersion, validTime, recordedTime, metadata } as JSON.
 * Our business times live in that metadata; the server's own `created` stamp is
 * not used. The stream and revision are the ESDB stream and revision; the
 * position is the event's commit position in `$all`.
 */
import { type AppendExpectedRevision, ANY, jsonEvent, NO_STREAM } from "@eventstore/db-client"
import type { ResolvedEvent } from "@eventstore/db-client"
import { Result } from "effect"
import { decodeEvent, type EventEnvelope, type EventMetadata, type RecordedEvent } from "../../events"
import { CorruptEvent, type ExpectedRevision } from "../EventStore"

/** What we keep in the ESDB event's metadata. */
export interface EsdbEventMetadata {
  readonly schemaVersion: number
  readonly validTime: string
  readonly recordedTime: string
  readonly metadata: EventMetadata
}

/** Our expected revision as the client's: NoStream → NO_STREAM, Any → ANY, Exact(n) → n as bigint. */
export const toEsdbExpected = (expected: ExpectedRevision): AppendExpectedRevision => {
  switch (expected._tag) {
    case "NoStream":
      return NO_STREAM
    case "Any":
      return ANY
    case "Exact":
      return BigInt(expected.revision)
  }
}

/** A revision the client reports (a bigint, or "no_stream") as ours: undefined when the stream does not exist. */
export const fromEsdbRevision = (revision: bigint | string | undefined): number | undefined =>
  typeof revision === "bigint" && revision >= 0n ? Number(revision) : undefined

/** An envelope as the JSON event the client sends. */
export const toEsdbEvent = (event: EventEnvelope) => {
  const metadata: EsdbEventMetadata = {
    schemaVersion: event.schemaVersion,
    validTime: event.validTime,
    recordedTime: event.recordedTime,
    metadata: event.metadata
  }
  return jsonEvent({ id: event.eventId, type: event.type, data: event.data as Record<string, unknown>, metadata: { ...metadata } })
}

/** EventStoreDB's own events: system streams (`$…`, incl. metadata streams `$$…`) and system event types (`$…`). */
export const isSystemEvent = (stream: string, type: string): boolean => stream.startsWith("$") || type.startsWith("$")

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)

/** The commit position of a read event: from the event (servers 22.6+), else from the read response. */
export const commitPositionOf = (resolved: ResolvedEvent): bigint | undefined =>
  resolved.event?.position?.commit ?? resolved.commitPosition

/**
 * Decode an event read from EventStoreDB into ours, validating and upcasting it
 * with `decodeEvent`. Anything that does not decode is a `CorruptEvent` at its place.
 */
export const fromEsdbEvent = (resolved: ResolvedEvent, position: bigint): Result.Result<RecordedEvent, CorruptEvent> => {
  const event = resolved.event
  if (event === undefined) {
    return Result.fail(new CorruptEvent({ position, stream: undefined, revision: undefined, reason: "the read returned no event" }))
  }
  const revision = Number(event.revision)
  const corrupt = (reason: string) => Result.fail(new CorruptEvent({ position, stream: event.streamId, revision, reason }))
  if (!event.isJson) return corrupt(`event ${event.id} is not stored as JSON (content type application/octet-stream)`)
  if (!isObject(event.data)) return corrupt(`event ${event.id}: data is not a JSON object`)
  const meta: unknown = event.metadata
  if (!isObject(meta)) return corrupt(`event ${event.id}: metadata is not a JSON object`)
  const decoded = decodeEvent({
    eventId: event.id,
    type: event.type,
    schemaVersion: meta.schemaVersion,
    stream: event.streamId,
    validTime: meta.validTime,
    recordedTime: meta.recordedTime,
    data: event.data,
    metadata: meta.metadata
  })
  if (Result.isFailure(decoded)) return corrupt(decoded.failure.message)
  return Result.succeed({ ...decoded.success, revision, position })
}
