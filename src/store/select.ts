/**
 * Which event store a command uses: `--store PATH` (a SQLite file), the
 * embedded default under the user's data directory, or `--store eventstoredb`
 * (EventStoreDB at the URL in EVENTSTORE_URL: credentials come only from the
 * environment, never from a flag).
 */
import type { Layer } from "effect"
import type { EventStore, StoreFailure } from "./EventStore"
import { EventStoreDbEventStore } from "./eventstoredb"
import { defaultStorePath, SqliteEventStore } from "./sqlite"

export class UsageError extends Error {}

export const isEventStoreDb = (spec: string | undefined) =>
  spec !== undefined && (spec === "eventstoredb" || spec === "env:EVENTSTORE_URL" || /^(esdb|esdb\+discover|kurrentdb):\/\//.test(spec))

export const storeLayer = (spec: string | undefined): Layer.Layer<EventStore, StoreFailure> => {
  if (spec === undefined || spec === "default") return SqliteEventStore.layer(defaultStorePath())
  if (isEventStoreDb(spec)) {
    if (/^[a-z+]+:\/\/[^/]*@/.test(spec))
      throw new UsageError("credentials may not be given on the command line: put the connection string in EVENTSTORE_URL and use --store eventstoredb")
    if (spec.includes("://")) return EventStoreDbEventStore.layerFromEnv(undefined, { ...process.env, EVENTSTORE_URL: spec })
    return EventStoreDbEventStore.layerFromEnv()
  }
  return SqliteEventStore.layer(spec)
}

export const describeStore = (spec: string | undefined): string =>
  spec === undefined || spec === "default" ? `embedded store ${defaultStorePath()}` : isEventStoreDb(spec) ? "EventStoreDB (EVENTSTORE_URL)" : `store ${spec}`
