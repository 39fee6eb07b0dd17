/**
 * Appending to EventStoreDB with the port's rules (./appendPlan, shared with
 * the embedded stores), the server keeping the last word on concurrency.
 *
 * Per batch:
 * 1. every event is validated (`decodeEvent`, right stream, no id twice in the
 *    batch) before anything is sent; `appendMany` validates all batches first;
 * 2. the stream's event ids are read (one paged read: streams are per child,
 *    group or budget line) and the append is planned as the embedded stores do:
 *    a batch already stored here, in order, is an idempotent re-append that
 *    sends nothing and answers with the original result (`written: 0`); an id
 *    stored elsewhere in this stream is `DuplicateEventId`; a wrong expected
 *    revision is refused without a round trip;
 * 3. otherwise the batch is sent with the caller's expected revision mapped to
 *    the client's, so a concurrent writer still gets the server's
 *    `WrongExpectedVersion`, mapped back to `WrongExpectedRevision` with the
 *    actual revision. Should the server itself take the batch as idempotent
 *    (a re-append racing ours), that is reported as `written: 0` when the answer
 *    shows it (see below).
 * Not detected: the same event id in another stream (EventStoreDB keeps no
 * global index of event ids; see docs/decisions/0002).
 */
import { type AppendResult as EsdbAppendResult, MaxAppendSizeExceededError, WrongExpectedVersionError } from "@eventstore/db-client"
import { Effect, Result } from "effect"
import type { EventEnvelope } from "../../events"
import { planAppend, validateBatch } from "../appendPlan"
import { type AppendBatch, type AppendError, type AppendResult, DuplicateEventId, type ExpectedRevision, type StoreFailure, WrongExpectedRevision } from "../EventStore"
import { fromEsdbRevision, toEsdbEvent, toEsdbExpected } from "./mapping"
import { type EsdbContext, positionAt, streamIndex, streamRevision } from "./reads"

/** Validate every batch before anything is sent (nothing half-written on a bad event). */
export const validateBatches = (batches: ReadonlyArray<AppendBatch>): Effect.Effect<void, AppendError> =>
  Effect.forEach(batches, (batch) => Effect.fromResult(validateBatch(batch.stream, batch.events)), { discard: true })

const send = (
  ctx: EsdbContext,
  stream: string,
  events: ReadonlyArray<EventEnvelope>,
  expected: ExpectedRevision
): Effect.Effect<EsdbAppendResult, AppendError> =>
  Effect.tryPromise({
    try: () => ctx.client.appendToStream(stream, events.map(toEsdbEvent), { expectedRevision: toEsdbExpected(expected) }),
    catch: (error): WrongExpectedRevision | StoreFailure =>
      error instanceof WrongExpectedVersionError
        ? new WrongExpectedRevision({ stream, expected, actual: fromEsdbRevision(error.actualVersion) })
        : error instanceof MaxAppendSizeExceededError
          ? ctx.failure(
              `append to stream '${stream}'`,
              `the batch of ${events.length} events is larger than the server's maximum append size (${error.maxAppendSize} bytes); ` +
                "append it in smaller batches, or raise the server's MaxAppendSize (EVENTSTORE_MAX_APPEND_SIZE)"
            )
          : ctx.failure(`append to stream '${stream}'`, error)
  })

/** Append one validated batch. */
export const appendValidated = (ctx: EsdbContext, batch: AppendBatch): Effect.Effect<AppendResult, AppendError> =>
  Effect.gen(function* () {
    const { stream, events, expected } = batch
    const index = yield* streamIndex(ctx, stream)
    const plan = planAppend(stream, events, expected, index.current, (id) => index.byId.get(id))
    if (Result.isFailure(plan)) return yield* Effect.fail(plan.failure)
    if (plan.success._tag === "AlreadyWritten") return plan.success.result
    // The plan looks up the first id only; the embedded stores find later duplicates on insert
    // (a UNIQUE index). Here the whole stream's ids are at hand: check them before sending.
    const stored = events.find((e) => index.byId.has(e.eventId))
    if (stored !== undefined) return yield* Effect.fail(new DuplicateEventId({ stream, eventId: stored.eventId }))
    if (events.length === 0) return { nextRevision: index.current ?? -1, position: index.lastPosition ?? 0n, written: 0 }

    const result = yield* send(ctx, stream, events, expected)
    if (!result.success) {
      // Only when the connection string sets throwOnAppendFailure=false: ask for the actual revision.
      const actual = yield* streamRevision(ctx, stream)
      return yield* Effect.fail(new WrongExpectedRevision({ stream, expected, actual }))
    }
    const nextRevision = Number(result.nextExpectedRevision)
    // Written, unless the server answered a re-append idempotently: its revision is then not
    // beyond the one read above, or (older servers) it reports no position at all. A
    // re-append that lands between our read and our write and is answered with its original
    // position cannot be told apart from a fresh write: it counts as written (nothing is stored twice).
    const written = nextRevision > (index.current ?? -1) && result.position !== undefined ? events.length : 0
    // A fresh single event's reported commit position is its own. For a longer batch (or an
    // idempotent answer, which older servers send without a position) the last event's
    // position is read back, so the result never depends on how a server version reports it.
    const position =
      written === 1 && result.position !== undefined ? result.position.commit : yield* positionAt(ctx, stream, nextRevision)
    return { nextRevision, position, written }
  })
