/**
 * In-memory event store for fast unit tests. Same semantics as the SQLite
 * store: it keeps the same rows (raw schema version, data as JSON text), runs
 * the same append rules (./appendPlan) and reads through the same paging and
 * decoding (./paging), so it passes the same contract suite.
 *
 * Each build of the layer is a fresh, empty store.
 */
import { Effect, Layer, Result, Stream } from "effect"
import type { EventEnvelope } from "../events"
import { planAppend, type StoredLocation, validateBatch } from "./appendPlan"
import {
  type AppendBatch,
  type AppendError,
  type AppendResult,
  DuplicateEventId,
  EventStore,
  type EventStoreShape,
  type ReadAllOptions,
  StoreFailure
} from "./EventStore"
import { pagedEvents, type Row } from "./paging"
import { recordedBound } from "./recordedTime"
import { type StoredForm, type StoredRow, toStoredRow } from "./storedRow"

const PAGE_SIZE = 1_000

interface State {
  /** Row of global position p at index p - 1. */
  readonly rows: Array<StoredRow>
  readonly byId: Map<string, StoredLocation>
  /** Per stream, the indexes into `rows` in revision order. */
  readonly streams: Map<string, Array<number>>
}

const lastRevision = (state: State, stream: string): number | undefined => {
  const indexes = state.streams.get(stream)
  return indexes === undefined ? undefined : indexes.length - 1
}

/** Undo everything written since `mark` (the memory store's rollback). */
const rollback = (state: State, mark: number): void => {
  for (const row of state.rows.splice(mark)) {
    state.byId.delete(row.event_id)
    const indexes = state.streams.get(row.stream)
    indexes?.pop()
    if (indexes?.length === 0) state.streams.delete(row.stream)
  }
}

/** One validated batch, with its events' stored forms. */
const appendOne = (state: State, batch: AppendBatch, forms: ReadonlyArray<StoredForm>): Result.Result<AppendResult, AppendError> => {
  const { stream, events, expected } = batch
  const current = lastRevision(state, stream)
  const plan = planAppend(stream, events, expected, current, (id) => state.byId.get(id))
  if (Result.isFailure(plan)) return Result.fail(plan.failure)
  if (plan.success._tag === "AlreadyWritten") return Result.succeed(plan.success.result)
  return Result.succeed(insert(state, stream, events, forms, plan.success.firstRevision))
}

/** Insert a planned batch; throws DuplicateEventId the way SQLite's UNIQUE(event_id) would refuse it. */
const insert = (
  state: State,
  stream: string,
  events: ReadonlyArray<EventEnvelope>,
  forms: ReadonlyArray<StoredForm>,
  firstRevision: number
): AppendResult => {
  const indexes = state.streams.get(stream) ?? []
  events.forEach((event, i) => {
    if (state.byId.has(event.eventId)) throw new DuplicateEventId({ stream, eventId: event.eventId })
    const position = state.rows.length + 1
    const row: StoredRow = { position, ...toStoredRow(event, firstRevision + i, forms[i]!) }
    state.rows.push(row)
    indexes.push(position - 1)
    state.byId.set(event.eventId, { stream, revision: row.revision, position: BigInt(position) })
  })
  if (indexes.length > 0) state.streams.set(stream, indexes)
  const lastIndex = indexes[indexes.length - 1]
  return {
    nextRevision: firstRevision + events.length - 1,
    // An empty batch answers with the stream's last position (0 when there is no stream).
    position: lastIndex === undefined ? 0n : BigInt(lastIndex + 1),
    written: events.length
  }
}

/** All batches or none: every event is validated first; on a later refusal, everything this call wrote is undone. */
const appendAll = (state: State, batches: ReadonlyArray<AppendBatch>): Result.Result<Array<AppendResult>, AppendError> => {
  const forms: Array<ReadonlyArray<StoredForm>> = []
  for (const batch of batches) {
    const valid = validateBatch(batch.stream, batch.events)
    if (Result.isFailure(valid)) return Result.fail(valid.failure)
    forms.push(valid.success)
  }
  const mark = state.rows.length
  const results: Array<AppendResult> = []
  try {
    for (const [b, batch] of batches.entries()) {
      const result = appendOne(state, batch, forms[b]!)
      if (Result.isFailure(result)) {
        rollback(state, mark)
        return Result.fail(result.failure)
      }
      results.push(result.success)
    }
    return Result.succeed(results)
  } catch (e) {
    rollback(state, mark)
    if (e instanceof DuplicateEventId) return Result.fail(e)
    return Result.fail(new StoreFailure({ store: "memory", operation: "append", cause: e }))
  }
}

const make = (): EventStoreShape => {
  const state: State = { rows: [], byId: new Map(), streams: new Map() }

  const readAll = (options?: ReadAllOptions) =>
    Stream.suspend(() => {
      const upTo = recordedBound(options?.recordedUpTo)
      if (Result.isFailure(upTo)) {
        return Stream.fail(new StoreFailure({ store: "memory", operation: "readAll (recordedUpTo)", cause: upTo.failure }))
      }
      const bound = upTo.success
      const end = state.rows.length
      const start = options?.after === undefined || options.after < 0n ? 0 : Number(options.after)
      return pagedEvents(
        start,
        PAGE_SIZE,
        (after, limit) =>
          Effect.sync(() => {
            const page: Array<Row> = []
            for (let i = after; i < end && page.length < limit; i++) {
              const row = state.rows[i] as StoredRow
              if (bound === undefined || row.recorded_key <= bound) page.push({ ...row })
            }
            return page
          }),
        (last) => last.position as number
      )
    })

  const readStream = (stream: string, options?: { readonly fromRevision?: number }) =>
    Stream.suspend(() => {
      const indexes = (state.streams.get(stream) ?? []).slice()
      return pagedEvents(
        Math.max(0, options?.fromRevision ?? 0),
        PAGE_SIZE,
        (from, limit) => Effect.sync(() => indexes.slice(from, from + limit).map((i): Row => ({ ...state.rows[i] }))),
        (last) => (last.revision as number) + 1
      )
    })

  return {
    name: "memory",
    append: (stream, events, expected) =>
      Effect.suspend(() => {
        const result = appendAll(state, [{ stream, events, expected }])
        return Result.isFailure(result) ? Effect.fail(result.failure) : Effect.succeed(result.success[0] as AppendResult)
      }),
    appendMany: (batches) => Effect.suspend(() => Effect.fromResult(appendAll(state, batches))),
    readStream,
    readAll,
    streamRevision: (stream) => Effect.sync(() => lastRevision(state, stream))
  }
}

export const MemoryEventStore = {
  /** A fresh, empty in-memory store each time the layer is built. */
  layer: Layer.effect(EventStore, Effect.sync(make)),
  make
} as const
