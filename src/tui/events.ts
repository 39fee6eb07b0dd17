/**
 * Reading the events an explanation cites. The workbench keeps the ledger,
 * not the events, so the drill-down reads them again from the scenario's
 * source when a month is opened: a read, never a write, that stops as soon as
 * every cited event is found.
 */
import { Effect, Stream } from "effect"
import type { EventEnvelope } from "../events"
import { scenarioEvents } from "../scenario/eventSource"
import type { RunResult } from "../scenario/run"

export type EventReader = (run: RunResult, ids: ReadonlySet<string>, store: string | undefined) => Promise<ReadonlyMap<string, EventEnvelope>>

export const readEvents: EventReader = async (run, ids, store) => {
  if (ids.size === 0) return new Map()
  const found = await Effect.runPromise(
    Stream.runCollect(scenarioEvents(run.scenario, store).pipe(Stream.filter((e) => ids.has(e.eventId)), Stream.take(ids.size)))
  )
  return new Map(found.map((e) => [e.eventId, e]))
}
