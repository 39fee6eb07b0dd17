/**
 * Appending an import plan to the event store: all or nothing, idempotent.
 *
 * For every stream the plan touches, the stream is read to find the event ids
 * already stored and its last revision; only new events are appended, with
 * that revision as the expected one (a concurrent writer makes the import fail
 * rather than interleave). All streams go in ONE `appendMany`, so the embedded
 * store writes every event or none (EventStoreDB appends stream by stream:
 * docs/eventstoredb.md). A second import of the same file finds every id and
 * appends nothing.
 */
import { Effect, Stream } from "effect"
import type { EventEnvelope } from "../events/envelope"
import { type AppendBatch, type AppendError, EventStore, ExpectedRevision, type ReadError } from "../store/EventStore"
import type { ImportPlan } from "./importFile"

export interface ImportOutcome {
  readonly file: string
  readonly format: string
  readonly rows: number
  readonly events: number
  /** Events appended by this import (or, in a dry run, that would be). */
  readonly new: number
  /** Events whose id was already in the store: imported before. */
  readonly alreadyThere: number
  readonly streams: number
  /** Streams that received new events. */
  readonly streamsWritten: number
  readonly byKind: Readonly<Record<string, { readonly new: number; readonly alreadyThere: number }>>
  readonly dryRun: boolean
}

interface StreamPlan {
  readonly stream: string
  readonly events: Array<EventEnvelope>
}

const byStream = (events: ReadonlyArray<EventEnvelope>): Array<StreamPlan> => {
  const streams = new Map<string, Array<EventEnvelope>>()
  for (const e of events) {
    const list = streams.get(e.stream)
    if (list === undefined) streams.set(e.stream, [e])
    else list.push(e)
  }
  return [...streams].map(([stream, list]) => ({ stream, events: list }))
}

/** What the store already holds of a stream: its event ids and last revision. */
const storedOf = (stream: string): Effect.Effect<{ ids: Set<string>; last: number | undefined }, ReadError, EventStore> =>
  EventStore.use((store) =>
    Stream.runFold(
      store.readStream(stream),
      () => ({ ids: new Set<string>(), last: undefined as number | undefined }),
      (acc, e) => {
        acc.ids.add(e.eventId)
        acc.last = e.revision
        return acc
      }
    )
  )

/** Append the plan's new events (in a dry run: only count them). */
export const importToStore = (
  plan: ImportPlan,
  options: { readonly dryRun: boolean }
): Effect.Effect<ImportOutcome, AppendError | ReadError, EventStore> =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const batches: Array<AppendBatch> = []
    const newIds = new Set<string>()
    const streams = byStream(plan.events.map((r) => r.event))
    for (const s of streams) {
      const stored = yield* storedOf(s.stream)
      const fresh = s.events.filter((e) => !stored.ids.has(e.eventId))
      for (const e of fresh) newIds.add(e.eventId)
      if (fresh.length > 0)
        batches.push({ stream: s.stream, events: fresh, expected: stored.last === undefined ? ExpectedRevision.noStream : ExpectedRevision.exact(stored.last) })
    }
    if (!options.dryRun && batches.length > 0) yield* store.appendMany(batches)
    return outcomeOf(plan, newIds, batches.length, streams.length, options.dryRun)
  })

/** The outcome of a dry run against a store that does not exist yet: every event is new. */
export const outcomeWithoutStore = (plan: ImportPlan): ImportOutcome => {
  const streams = new Set(plan.events.map((r) => r.event.stream)).size
  return outcomeOf(plan, new Set(plan.events.map((r) => r.event.eventId)), streams, streams, true)
}

const outcomeOf = (plan: ImportPlan, newIds: ReadonlySet<string>, streamsWritten: number, streams: number, dryRun: boolean): ImportOutcome => {
  const byKind: Record<string, { new: number; alreadyThere: number }> = {}
  for (const { event } of plan.events) {
    const k = (byKind[event.type] ??= { new: 0, alreadyThere: 0 })
    if (newIds.has(event.eventId)) k.new++
    else k.alreadyThere++
  }
  return {
    file: plan.file,
    format: plan.format,
    rows: plan.rows,
    events: plan.events.length,
    new: newIds.size,
    alreadyThere: plan.events.length - newIds.size,
    streams,
    streamsWritten,
    byKind,
    dryRun
  }
}
