/**
 * Reading EventStoreDB as Effect Streams, one page at a time.
 *
 * Each page is one Read call with `maxCount = pageSize`, drained completely
 * (the client's read stream is an async iterable with backpressure) before the
 * next page is asked for, so at most one page is held in memory however large
 * the store is. `$all` pages continue from the last position read; since a
 * forward read of `$all` includes the event at its start position, such a page
 * asks for one event more and skips the first (`after` is exclusive the same way).
 *
 * Every event is decoded with `decodeEvent`; the first one that does not decode
 * ends the stream with `CorruptEvent` after the good ones before it. Nothing
 * is skipped except EventStoreDB's own system events in `$all`.
 */
import {
  BACKWARDS,
  END,
  type EventStoreDBClient,
  FORWARDS,
  type Position,
  type ResolvedEvent,
  START,
  type StreamingRead,
  StreamNotFoundError
} from "@eventstore/db-client"
import { Effect, Option, Result, Stream } from "effect"
import type { RecordedEvent } from "../../events"
import type { StoredLocation } from "../appendPlan"
import { type ReadAllOptions, type ReadError, StoreFailure } from "../EventStore"
import { recordedBound, recordedKey } from "../recordedTime"
import { commitPositionOf, fromEsdbEvent, isSystemEvent } from "./mapping"

/** What the read and append functions need: the client, the page size, and a redacting error builder. */
export interface EsdbContext {
  readonly client: EventStoreDBClient
  readonly pageSize: number
  readonly failure: (operation: string, cause: unknown) => StoreFailure
}

/** Drain one read into an array; cancel the call if the fiber is interrupted. */
const drain =
  <A>(open: () => StreamingRead<A>) =>
  async (signal: AbortSignal): Promise<Array<A>> => {
    const read = open()
    const cancel = () => void read.cancel()
    signal.addEventListener("abort", cancel, { once: true })
    try {
      const out: Array<A> = []
      for await (const item of read) out.push(item as A)
      return out
    } finally {
      signal.removeEventListener("abort", cancel)
    }
  }

/** One page of a stream; `undefined` when the stream does not exist. */
export const streamPage = (
  ctx: EsdbContext,
  stream: string,
  options: { readonly from: bigint | typeof END; readonly direction: typeof FORWARDS | typeof BACKWARDS; readonly count: number }
): Effect.Effect<Array<ResolvedEvent> | undefined, StoreFailure> =>
  Effect.tryPromise({
    try: drain(() =>
      ctx.client.readStream(stream, { fromRevision: options.from, direction: options.direction, maxCount: options.count })
    ),
    catch: (error) => error
  }).pipe(
    Effect.catch((error) =>
      error instanceof StreamNotFoundError ? Effect.succeed(undefined) : Effect.fail(ctx.failure(`read stream '${stream}'`, error))
    )
  )

const allPage = (ctx: EsdbContext, from: Position | typeof START, count: number): Effect.Effect<Array<ResolvedEvent>, StoreFailure> =>
  Effect.tryPromise({
    try: drain(() => ctx.client.readAll({ fromPosition: from, direction: FORWARDS, maxCount: count })),
    catch: (error) => ctx.failure("read $all", error)
  })

const noPosition = (ctx: EsdbContext, stream: string) =>
  ctx.failure(
    `read stream '${stream}'`,
    "the server reports no event positions on stream reads (EventStoreDB 22.6 or later is needed)"
  )

/** The stored commit position of the event at `revision`. */
export const positionAt = (ctx: EsdbContext, stream: string, revision: number): Effect.Effect<bigint, StoreFailure> =>
  Effect.flatMap(streamPage(ctx, stream, { from: BigInt(revision), direction: FORWARDS, count: 1 }), (page) => {
    const position = page?.[0] === undefined ? undefined : commitPositionOf(page[0])
    return position === undefined ? Effect.fail(noPosition(ctx, stream)) : Effect.succeed(position)
  })

/** The stream's last revision, or undefined when it does not exist. */
export const streamRevision = (ctx: EsdbContext, stream: string): Effect.Effect<number | undefined, StoreFailure> =>
  Effect.map(streamPage(ctx, stream, { from: END, direction: BACKWARDS, count: 1 }), (page) => {
    const last = page?.[0]?.event
    return last === undefined ? undefined : Number(last.revision)
  })

/** Where every event of one stream is stored, for the append rules (./appendPlan). Streams are per child, group or budget line: short. */
export interface StreamIndex {
  readonly current: number | undefined
  readonly lastPosition: bigint | undefined
  readonly byId: ReadonlyMap<string, StoredLocation>
}

export const streamIndex = (ctx: EsdbContext, stream: string): Effect.Effect<StreamIndex, StoreFailure> =>
  Effect.gen(function* () {
    const byId = new Map<string, StoredLocation>()
    let current: number | undefined
    let lastPosition: bigint | undefined
    for (let from = 0n; ; ) {
      const page = yield* streamPage(ctx, stream, { from, direction: FORWARDS, count: ctx.pageSize })
      for (const resolved of page ?? []) {
        const event = resolved.event
        const position = commitPositionOf(resolved)
        if (event === undefined || position === undefined) return yield* Effect.fail(noPosition(ctx, stream))
        current = Number(event.revision)
        lastPosition = position
        byId.set(event.id, { stream, revision: current, position })
      }
      if (page === undefined || page.length < ctx.pageSize) return { current, lastPosition, byId }
      from = BigInt((current ?? -1) + 1)
    }
  })

type Step<C> = { readonly _tag: "Next"; readonly cursor: C } | { readonly _tag: "Fail"; readonly error: ReadError }
interface Page<C> {
  readonly events: ReadonlyArray<RecordedEvent>
  readonly then: Option.Option<Step<C>>
}

/** Pages as a Stream: a failure found in a page is raised after that page's good events. */
const paged = <C>(start: C, page: (cursor: C) => Effect.Effect<Page<C>, ReadError>): Stream.Stream<RecordedEvent, ReadError> =>
  Stream.paginate<Step<C>, RecordedEvent, ReadError>({ _tag: "Next", cursor: start }, (step) =>
    step._tag === "Fail" ? Effect.fail(step.error) : Effect.map(page(step.cursor), (p) => [p.events, p.then] as const)
  )

const failAfter = <C>(events: ReadonlyArray<RecordedEvent>, error: ReadError): Page<C> => ({
  events,
  then: Option.some({ _tag: "Fail", error })
})

/** One stream in revision order, from `fromRevision` on; empty when the stream does not exist. */
export const readStreamEvents = (ctx: EsdbContext, stream: string, fromRevision = 0): Stream.Stream<RecordedEvent, ReadError> =>
  paged(Math.max(0, Math.trunc(fromRevision)), (from) =>
    Effect.map(streamPage(ctx, stream, { from: BigInt(from), direction: FORWARDS, count: ctx.pageSize }), (page): Page<number> => {
      const events: Array<RecordedEvent> = []
      for (const resolved of page ?? []) {
        const position = commitPositionOf(resolved)
        if (position === undefined) return failAfter(events, noPosition(ctx, stream))
        const decoded = fromEsdbEvent(resolved, position)
        if (Result.isFailure(decoded)) return failAfter(events, decoded.failure)
        events.push(decoded.success)
      }
      const last = events[events.length - 1]
      return {
        events,
        then: page === undefined || page.length < ctx.pageSize || last === undefined ? Option.none() : Option.some({ _tag: "Next", cursor: last.revision + 1 })
      }
    })
  )

interface AllCursor {
  readonly from: Position | typeof START
  /** Skip events at or before this commit position (the start of a forward read is inclusive). */
  readonly skipThrough: bigint | undefined
}

/** All our events in `$all` order, strictly after `after`, recorded up to `recordedUpTo`; system events left out. */
export const readAllEvents = (ctx: EsdbContext, options: ReadAllOptions = {}): Stream.Stream<RecordedEvent, ReadError> =>
  Stream.suspend(() => {
    const upTo = recordedBound(options.recordedUpTo)
    if (Result.isFailure(upTo)) return Stream.fail(ctx.failure("read $all (recordedUpTo)", upTo.failure))
    const bound = upTo.success
    const after = options.after
    const start: AllCursor =
      after === undefined || after < 0n
        ? { from: START, skipThrough: undefined }
        : { from: { commit: after, prepare: after }, skipThrough: after }
    return paged(start, (cursor) => {
      // A page that starts at a position read before asks for one more: the first one is skipped.
      const count = cursor.skipThrough === undefined ? ctx.pageSize : ctx.pageSize + 1
      return Effect.map(allPage(ctx, cursor.from, count), (page): Page<AllCursor> => {
        const events: Array<RecordedEvent> = []
        let last: Position | undefined
        for (const resolved of page) {
          const event = resolved.event
          const position = event?.position
          if (event === undefined || position === undefined) {
            return failAfter(events, ctx.failure("read $all", "the server returned an event without its position"))
          }
          last = position
          if (cursor.skipThrough !== undefined && position.commit <= cursor.skipThrough) continue
          if (isSystemEvent(event.streamId, event.type)) continue
          const decoded = fromEsdbEvent(resolved, position.commit)
          if (Result.isFailure(decoded)) return failAfter(events, decoded.failure)
          if (bound !== undefined && Result.getOrElse(recordedKey(decoded.success.recordedTime), () => "") > bound) continue
          events.push(decoded.success)
        }
        return {
          events,
          then:
            page.length < count || last === undefined
              ? Option.none()
              : Option.some({ _tag: "Next", cursor: { from: last, skipThrough: last.commit } })
        }
      })
    })
  })
