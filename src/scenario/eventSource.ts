/**
 * Event sources a scenario can name: a JSON-lines file of envelopes, or a
 * store. Each yields an Effect Stream of validated events; a bad line fails
 * the stream with its file, line and field (nothing is skipped).
 */
import { createReadStream } from "node:fs"
import { createInterface } from "node:readline"
import { Data, Effect, Stream } from "effect"
import { decodeEvent, type EventEnvelope, type FieldIssue } from "../events"
import { resolve } from "node:path"
import { EventStore, type ReadError, type StoreFailure } from "../store/EventStore"
import { isEventStoreDb, storeLayer } from "../store/select"

export class InvalidEventsFile extends Data.TaggedError("InvalidEventsFile")<{
  readonly file: string
  readonly line: number
  readonly issues: ReadonlyArray<FieldIssue>
}> {
  override get message(): string {
    return this.issues.map((i) => `${this.file}:${this.line}: ${i.path ? `${i.path}: ` : ""}${i.message}`).join("\n")
  }
}

/** Events of a JSON-lines file, one envelope per line (blank lines and `#` comments skipped). */
export const jsonLinesEvents = (file: string): Stream.Stream<EventEnvelope, InvalidEventsFile> =>
  Stream.fromAsyncIterable(
    (async function* () {
      const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity })
      let n = 0
      for await (const line of lines) {
        n++
        yield [n, line] as const
      }
    })(),
    (e) => new InvalidEventsFile({ file, line: 0, issues: [{ path: "", message: `cannot read: ${(e as Error).message}` }] })
  ).pipe(
    Stream.filter(([, line]) => line.trim() !== "" && !line.trimStart().startsWith("#")),
    Stream.mapEffect(([n, line]) => {
      let raw: unknown
      try {
        raw = JSON.parse(line)
      } catch (e) {
        return Effect.fail(new InvalidEventsFile({ file, line: n, issues: [{ path: "", message: `not JSON: ${(e as Error).message}` }] }))
      }
      const decoded = decodeEvent(raw)
      return decoded._tag === "Success"
        ? Effect.succeed(decoded.success)
        : Effect.fail(new InvalidEventsFile({ file, line: n, issues: decoded.failure.issues }))
    })
  )

/** All events of the store in global order, optionally only those recorded up to an instant. */
export const storeEvents = (recordedUpTo?: string): Stream.Stream<EventEnvelope, ReadError, EventStore> =>
  Stream.unwrap(EventStore.useSync((store) => store.readAll(recordedUpTo === undefined ? {} : { recordedUpTo })))

/**
 * The events a scenario names, as one stream with the store (if any) provided:
 * `--store` on the command line overrides a scenario's own store.
 */
export const scenarioEvents = (
  scenario: { readonly dir: string; readonly spec: { readonly events: { readonly file: string } | { readonly store: string }; readonly asOf?: string | undefined } },
  storeOverride?: string
): Stream.Stream<EventEnvelope, InvalidEventsFile | ReadError | StoreFailure> => {
  const ev = scenario.spec.events
  if (storeOverride === undefined && "file" in ev) return jsonLinesEvents(resolve(scenario.dir, ev.file))
  const spec = storeOverride ?? ("store" in ev ? ev.store : undefined)
  const path = spec === undefined || spec === "default" || isEventStoreDb(spec) ? spec : resolve(scenario.dir, spec)
  return Stream.provide(storeEvents(scenario.spec.asOf), storeLayer(path))
}
