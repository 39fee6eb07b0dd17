/**
 * The event store port. Every adapter (embedded SQLite, EventStoreDB, in-memory)
 * implements this one service and passes the one contract suite in
 * test/store/contract.ts.
 */
import { Context, Data, type Effect, type Stream } from "effect"
import type { EventEnvelope, InvalidEvent, RecordedEvent } from "../events"

/** What the writer believes the stream's last revision to be. */
export type ExpectedRevision =
  | { readonly _tag: "NoStream" }
  | { readonly _tag: "Any" }
  | { readonly _tag: "Exact"; readonly revision: number }

export const ExpectedRevision = {
  noStream: { _tag: "NoStream" } as ExpectedRevision,
  any: { _tag: "Any" } as ExpectedRevision,
  exact: (revision: number): ExpectedRevision => ({ _tag: "Exact", revision })
}

export const describeExpected = (e: ExpectedRevision): string =>
  e._tag === "Exact" ? `revision ${e.revision}` : e._tag === "NoStream" ? "no stream" : "any"

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  readonly nextRevision: number
  /** Global position of the last appended event. */
  readonly position: bigint
  /** How many events were written: 0 when the whole batch was already there (idempotent re-append). */
  readonly written: number
}

/** One stream's part of a multi-stream append. */
export interface AppendBatch {
  readonly stream: string
  readonly events: ReadonlyArray<EventEnvelope>
  readonly expected: ExpectedRevision
}

/** The stream is not at the revision the writer expected (optimistic concurrency). */
export class WrongExpectedRevision extends Data.TaggedError("WrongExpectedRevision")<{
  readonly stream: string
  readonly expected: ExpectedRevision
  /** The stream's actual last revision, or undefined when the stream does not exist. */
  readonly actual: number | undefined
}> {
  override get message(): string {
    const actual = this.actual === undefined ? "no stream" : `revision ${this.actual}`
    return `stream '${this.stream}': expected ${describeExpected(this.expected)}, but it is at ${actual}`
  }
}

/** An event id already stored, but not as part of this same batch at this same place. */
export class DuplicateEventId extends Data.TaggedError("DuplicateEventId")<{
  readonly stream: string
  readonly eventId: string
}> {
  override get message(): string {
    return `event ${this.eventId} is already stored elsewhere; appended to stream '${this.stream}' it would be a different event with the same id`
  }
}

/** A stored event that no longer decodes. Reported with its place; never skipped. */
export class CorruptEvent extends Data.TaggedError("CorruptEvent")<{
  readonly position: bigint
  readonly stream: string | undefined
  readonly revision: number | undefined
  readonly reason: string
}> {
  override get message(): string {
    return `corrupt event at position ${this.position}${this.stream ? ` (stream '${this.stream}', revision ${this.revision})` : ""}: ${this.reason}`
  }
}

/** The store could not be reached or failed underneath. */
export class StoreFailure extends Data.TaggedError("StoreFailure")<{
  readonly store: string
  readonly operation: string
  readonly cause: unknown
}> {
  override get message(): string {
    const cause = this.cause instanceof Error ? this.cause.message : String(this.cause)
    return `${this.store}: ${this.operation} failed: ${cause}`
  }
}

export type AppendError = WrongExpectedRevision | DuplicateEventId | InvalidEvent | StoreFailure
export type ReadError = CorruptEvent | StoreFailure

export interface ReadAllOptions {
  /** Read events strictly after this global position. */
  readonly after?: bigint
  /** Only events recorded up to and including this instant ("as known on"). */
  readonly recordedUpTo?: string
}

export interface EventStoreShape {
  /** Human-readable name of the store, e.g. `sqlite:/home/me/.local/share/geldstroom/events.sqlite`. */
  readonly name: string
  /**
   * Append events to one stream, atomically. Every event is validated first;
   * a bad one refuses the whole batch and nothing is written. Re-appending a
   * batch whose event ids are already stored in this stream is a no-op.
   */
  readonly append: (
    stream: string,
    events: ReadonlyArray<EventEnvelope>,
    expected: ExpectedRevision
  ) => Effect.Effect<AppendResult, AppendError>
  /**
   * Append to several streams. Atomic across streams where the store can do so
   * (SQLite, memory); EventStoreDB appends stream by stream (see docs/decisions).
   */
  readonly appendMany: (batches: ReadonlyArray<AppendBatch>) => Effect.Effect<ReadonlyArray<AppendResult>, AppendError>
  /** One stream in revision order; empty when the stream does not exist. */
  readonly readStream: (stream: string, options?: { readonly fromRevision?: number }) => Stream.Stream<RecordedEvent, ReadError>
  /** All streams in global order, paged: memory stays bounded however large the store. */
  readonly readAll: (options?: ReadAllOptions) => Stream.Stream<RecordedEvent, ReadError>
  /** The stream's last revision, or undefined when it does not exist. */
  readonly streamRevision: (stream: string) => Effect.Effect<number | undefined, StoreFailure>
}

export class EventStore extends Context.Service<EventStore, EventStoreShape>()("geldstroom/store/EventStore") {}
