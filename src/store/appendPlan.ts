/**
 * The rules of an append, shared by the embedded adapters (SQLite, memory) so
 * both decide alike. Pure: the adapter passes in what it knows about the
 * stream and the stored event ids, inside its write transaction.
 *
 * Order of checks: validation of each event as it will be stored (nothing
 * written on a bad event), then the idempotent re-append (EventStoreDB
 * semantics: the same event ids, already in this stream, contiguously and in
 * the same order, make the append a no-op that returns the original result),
 * then the expected revision, then duplicate ids (found by the adapter while
 * writing, the way a UNIQUE index finds them).
 */
import { Result } from "effect"
import { type EventEnvelope, InvalidEvent } from "../events"
import { type StoredForm, validateStored } from "./storedRow"
import { type AppendResult, DuplicateEventId, type ExpectedRevision, WrongExpectedRevision } from "./EventStore"

/** Where a stored event lives. */
export interface StoredLocation {
  readonly stream: string
  readonly revision: number
  readonly position: bigint
}

export type AppendPlan =
  /** Write the batch with its first event at `firstRevision`. */
  | { readonly _tag: "Write"; readonly firstRevision: number }
  /** The whole batch is already stored here: write nothing, answer with the original result. */
  | { readonly _tag: "AlreadyWritten"; readonly result: AppendResult }

/**
 * Validate every event of a batch for `stream` in the form it will be stored in (./storedRow.ts
 * `validateStored`: its schema via the catalogue, upcasting older versions, as a read decodes it),
 * that it belongs in `stream`, and that no event id occurs twice in the batch. Gives each event's
 * stored form, for the embedded stores to write as it is.
 */
export const validateBatch = (
  stream: string,
  events: ReadonlyArray<EventEnvelope>
): Result.Result<ReadonlyArray<StoredForm>, InvalidEvent | DuplicateEventId> => {
  const seen = new Set<string>()
  const forms: Array<StoredForm> = []
  for (const event of events) {
    const form = validateStored(event)
    if (Result.isFailure(form)) return Result.fail(form.failure)
    if (event.stream !== stream) {
      return Result.fail(
        new InvalidEvent({
          eventId: event.eventId,
          type: event.type,
          issues: [{ path: "stream", message: `the event names stream '${event.stream}' but is appended to '${stream}'` }]
        })
      )
    }
    if (seen.has(event.eventId)) return Result.fail(new DuplicateEventId({ stream, eventId: event.eventId }))
    seen.add(event.eventId)
    forms.push(form.success)
  }
  return Result.succeed(forms)
}

export const expectedMatches = (expected: ExpectedRevision, current: number | undefined): boolean => {
  switch (expected._tag) {
    case "Any":
      return true
    case "NoStream":
      return current === undefined
    case "Exact":
      return current === expected.revision
  }
}

/** Whether `expected` would have held just before an event at `firstRevision` was written. */
const expectedHeldBefore = (expected: ExpectedRevision, firstRevision: number): boolean =>
  expectedMatches(expected, firstRevision === 0 ? undefined : firstRevision - 1)

/**
 * Decide an append of a validated batch. `current` is the stream's last
 * revision (undefined: no stream); `locate` finds where an event id is stored.
 * `locate` is only asked about the first event unless that one is stored, so
 * a fresh batch costs one lookup; duplicates further on are the writer's to find.
 */
export const planAppend = (
  stream: string,
  events: ReadonlyArray<EventEnvelope>,
  expected: ExpectedRevision,
  current: number | undefined,
  locate: (eventId: string) => StoredLocation | undefined
): Result.Result<AppendPlan, WrongExpectedRevision | DuplicateEventId> => {
  const first = events[0]
  const firstAt = first === undefined ? undefined : locate(first.eventId)
  if (first !== undefined && firstAt !== undefined) {
    const places = events.map((e) => locate(e.eventId))
    const sameBatch =
      firstAt.stream === stream &&
      places.every((p, i) => p !== undefined && p.stream === stream && p.revision === firstAt.revision + i)
    if (!sameBatch) {
      // Name the first id stored out of place; if every stored one is in place, the batch only overlaps.
      const outOfPlace = events.find((_, i) => {
        const p = places[i]
        return p !== undefined && (p.stream !== stream || p.revision !== firstAt.revision + i)
      })
      return Result.fail(new DuplicateEventId({ stream, eventId: (outOfPlace ?? first).eventId }))
    }
    if (!expectedHeldBefore(expected, firstAt.revision)) {
      return Result.fail(new WrongExpectedRevision({ stream, expected, actual: current }))
    }
    const last = places[places.length - 1] as StoredLocation
    return Result.succeed({
      _tag: "AlreadyWritten",
      result: { nextRevision: last.revision, position: last.position, written: 0 }
    })
  }
  if (!expectedMatches(expected, current)) {
    return Result.fail(new WrongExpectedRevision({ stream, expected, actual: current }))
  }
  return Result.succeed({ _tag: "Write", firstRevision: current === undefined ? 0 : current + 1 })
}
