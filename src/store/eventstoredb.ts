/**
 * The EventStoreDB adapter of the event store port, on `@eventstore/db-client`
 * (gRPC). Mapping of events and revisions: ./eventstoredb/mapping.ts; append
 * rules: ./eventstoredb/appends.ts; paged reads: ./eventstoredb/reads.ts;
 * decisions: docs/decisions/0002-eventstoredb-adapter.md; running it:
 * docs/eventstoredb.md.
 *
 * The connection string carries the credentials and comes from the caller or
 * from `EVENTSTORE_URL` only; the password is redacted wherever the string or
 * an error is shown (`name`, `StoreFailure`).
 */
import { EventStoreDBClient } from "@eventstore/db-client"
import { Effect, Layer, Redacted, Result, type Scope } from "effect"
import { EventStore, type EventStoreShape, StoreFailure } from "./EventStore"
import { appendValidated, validateBatches } from "./eventstoredb/appends"
import { connectionStringFromEnv, parseConnectionString, redactConnectionString, scrub, secretsOf } from "./eventstoredb/connection"
import { type EsdbContext, readAllEvents, readStreamEvents, streamRevision } from "./eventstoredb/reads"

export interface EventStoreDbOptions {
  /** Events per Read call (bounded memory); at least 2. Default 500. */
  readonly pageSize?: number
}

const DEFAULT_PAGE_SIZE = 500

/**
 * An error as a cause safe to show. With credentials in the connection string,
 * the cause is replaced by a plain copy (name and scrubbed message): the
 * client's errors may carry the connection string in other fields
 * (its parse error does), and those must not travel on.
 */
const redactedCause = (cause: unknown, secrets: ReadonlyArray<string>): unknown => {
  if (secrets.length === 0) return cause
  const clean = scrub(cause instanceof Error ? cause.message : String(cause), secrets)
  const copy = new Error(clean)
  copy.name = cause instanceof Error ? cause.name : "Error"
  copy.stack = `${copy.name}: ${clean}`
  return copy
}

/**
 * The store on a connected client, for the life of the scope: the client is
 * disposed when the scope closes.
 */
const make = (
  connectionString: string | Redacted.Redacted<string>,
  options: EventStoreDbOptions = {}
): Effect.Effect<EventStoreShape, StoreFailure, Scope.Scope> =>
  Effect.gen(function* () {
    const raw = Redacted.isRedacted(connectionString) ? Redacted.value(connectionString) : connectionString
    const shown = redactConnectionString(raw.trim())
    const name = `eventstoredb:${shown}`
    const secrets = secretsOf(raw.trim())
    const failure = (operation: string, cause: unknown) =>
      new StoreFailure({ store: name, operation, cause: redactedCause(cause, secrets) })

    const checked = parseConnectionString(raw, "the EventStoreDB connection string")
    if (Result.isFailure(checked)) return yield* Effect.fail(failure("connect", checked.failure))

    const client = yield* Effect.acquireRelease(
      Effect.try({
        try: () => EventStoreDBClient.connectionString(Redacted.value(checked.success)),
        catch: (error) => failure("connect", error)
      }),
      (c) => Effect.promise(() => c.dispose())
    )
    const ctx: EsdbContext = { client, pageSize: Math.max(2, Math.trunc(options.pageSize ?? DEFAULT_PAGE_SIZE)), failure }

    const shape: EventStoreShape = {
      name,
      append: (stream, events, expected) =>
        Effect.andThen(validateBatches([{ stream, events, expected }]), appendValidated(ctx, { stream, events, expected })),
      appendMany: (batches) =>
        Effect.andThen(
          validateBatches(batches),
          // Stream by stream, in order; not atomic across streams (docs/decisions/0002).
          Effect.forEach(batches, (batch) => appendValidated(ctx, batch))
        ),
      readStream: (stream, readOptions) => readStreamEvents(ctx, stream, readOptions?.fromRevision),
      readAll: (readOptions) => readAllEvents(ctx, readOptions),
      streamRevision: (stream) => streamRevision(ctx, stream)
    }
    return shape
  })

export const EventStoreDbEventStore = {
  make,
  /** The store on the server named by `connectionString`; the client is disposed when the layer is released. */
  layer: (
    connectionString: string | Redacted.Redacted<string>,
    options?: EventStoreDbOptions
  ): Layer.Layer<EventStore, StoreFailure> => Layer.effect(EventStore, make(connectionString, options)),
  /** The store on the server named by `EVENTSTORE_URL` (the only place credentials are read from). */
  layerFromEnv: (
    options?: EventStoreDbOptions,
    env: Readonly<Record<string, string | undefined>> = process.env
  ): Layer.Layer<EventStore, StoreFailure> =>
    Layer.effect(
      EventStore,
      Effect.suspend(() => {
        const url = connectionStringFromEnv(env)
        return Result.isFailure(url)
          ? Effect.fail(new StoreFailure({ store: "eventstoredb", operation: "configure", cause: url.failure }))
          : make(url.success, options)
      })
    )
} as const
