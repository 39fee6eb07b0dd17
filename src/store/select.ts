/**
 * Which event store a command uses: `--store PATH` (a SQLite file), the
 * embedded default under the user's data directory, or `--store eventstoredb`
 * (EventStoreDB at the URL in EVENTSTORE_URL: credentials come only from the
 * environment, never from a flag).
 *
 * A store path is taken from one of two places, on purpose (docs/cli.md#choosing-the-store---store):
 * - typed on the command line (`--store PATH`, every command): from the current working
 *   directory, as any path a user types (`commandLineStore`);
 * - written inside a scenario file (`events: { store: PATH }`): from that scenario file's folder,
 *   as every path in a scenario file (`scenarioStore`).
 * `commandLineStore` makes the path absolute, so a scenario's own resolution leaves it as it is.
 */
import { existsSync } from "node:fs"
import { resolve } from "node:path"
import { Data, type Layer } from "effect"
import type { EventStore, StoreFailure } from "./EventStore"
import { EventStoreDbEventStore } from "./eventstoredb"
import { defaultStorePath, SqliteEventStore } from "./sqlite"

export class UsageError extends Error {}

/** A command that only reads was given a SQLite store file that is not there (opening it would create an empty one). */
export class StoreNotFound extends Data.TaggedError("StoreNotFound")<{ readonly path: string }> {
  override get message(): string {
    return `no store at ${this.path}: a command that only reads does not create one (a relative --store path is taken from the current directory; import and generate create a store)`
  }
}

export const isEventStoreDb = (spec: string | undefined) =>
  spec !== undefined && (spec === "eventstoredb" || spec === "env:EVENTSTORE_URL" || /^(esdb|esdb\+discover|kurrentdb):\/\//.test(spec))

/** Connection strings with a user or password are refused: credentials come only from EVENTSTORE_URL. */
const refuseCredentials = (spec: string): void => {
  if (/^[a-z+]+:\/\/[^/]*@/.test(spec))
    throw new UsageError("credentials may not be given on the command line: put the connection string in EVENTSTORE_URL and use --store eventstoredb")
}

/** The SQLite file a store spec names (the embedded store for none or `default`), or undefined for EventStoreDB. */
export const sqliteFileOf = (spec: string | undefined): string | undefined =>
  spec === undefined || spec === "default" ? defaultStorePath() : isEventStoreDb(spec) ? undefined : resolve(spec)

/** What a command does with the store it is given: only read it, or append to it (a missing file is then created). */
export type StoreUse = "read" | "write"

/**
 * The store a `--store` value typed on the command line names, the same for every command: a path
 * is taken from the current working directory and returned absolute; `default`, EventStoreDB and
 * no value (undefined) are returned as they are. For a command that only reads (`use` "read"),
 * the SQLite file (also the embedded one, named with `--store default`) must be there: opening a
 * missing one would create an empty store and the command would report nothing, without a word.
 * Not for a store named inside a scenario file: that is `scenarioStore`.
 * @throws StoreNotFound when `use` is "read" and the SQLite file is not there.
 * @throws UsageError when an EventStoreDB connection string carries credentials.
 */
export const commandLineStore = (spec: string | undefined, use: StoreUse): string | undefined => {
  if (spec === undefined) return spec
  if (isEventStoreDb(spec)) {
    refuseCredentials(spec)
    return spec
  }
  const missing = use === "read" ? missingStore(spec) : undefined
  if (missing !== undefined) throw missing
  return spec === "default" ? spec : sqliteFileOf(spec)
}

/**
 * For a store to be read: StoreNotFound when it is a SQLite file (the embedded one for `default`)
 * that is not there, else undefined (EventStoreDB is found, or not, when connecting). `spec` is
 * already resolved (`commandLineStore`, `scenarioStore`).
 */
export const missingStore = (spec: string): StoreNotFound | undefined => {
  const file = sqliteFileOf(spec)
  return file !== undefined && !existsSync(file) ? new StoreNotFound({ path: file }) : undefined
}

/**
 * The store a scenario file names (`events: { store }`): a path is taken from the scenario file's
 * folder (`scenarioDir`), as every path written in a scenario; `default` and EventStoreDB as they are.
 */
export const scenarioStore = (spec: string | undefined, scenarioDir: string): string | undefined =>
  spec === undefined || spec === "default" || isEventStoreDb(spec) ? spec : resolve(scenarioDir, spec)

export const storeLayer = (spec: string | undefined): Layer.Layer<EventStore, StoreFailure> => {
  if (spec === undefined || spec === "default") return SqliteEventStore.layer(defaultStorePath())
  if (isEventStoreDb(spec)) {
    refuseCredentials(spec)
    if (spec.includes("://")) return EventStoreDbEventStore.layerFromEnv(undefined, { ...process.env, EVENTSTORE_URL: spec })
    return EventStoreDbEventStore.layerFromEnv()
  }
  return SqliteEventStore.layer(spec)
}

export const describeStore = (spec: string | undefined): string =>
  spec === undefined || spec === "default" ? `embedded store ${defaultStorePath()}` : isEventStoreDb(spec) ? "EventStoreDB (EVENTSTORE_URL)" : `store ${spec}`
