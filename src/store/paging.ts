/**
 * Reading a store as an Effect Stream, one page of rows at a time, so memory
 * stays bounded however many events the store holds. Shared by the embedded
 * adapters.
 *
 * Every row is decoded (and upcast) on the way out. A row that no longer
 * decodes ends the stream with `CorruptEvent`: the events before it are still
 * delivered, the bad one and everything after it are not; nothing is skipped.
 */
import { Effect, Option, Result, Stream } from "effect"
import type { RecordedEvent } from "../events"
import type { CorruptEvent, ReadError } from "./EventStore"
import { decodeStoredRow } from "./storedRow"

export type Row = Record<string, unknown>

type Cursor<C> = { readonly _tag: "At"; readonly cursor: C } | { readonly _tag: "Corrupt"; readonly error: CorruptEvent }

/**
 * @param start cursor of the first page
 * @param fetch the rows of the page at a cursor, at most `pageSize`, in order
 * @param after the cursor of the next page, from the last row of this one
 */
export const pagedEvents = <C>(
  start: C,
  pageSize: number,
  fetch: (cursor: C, limit: number) => Effect.Effect<ReadonlyArray<Row>, ReadError>,
  after: (lastRow: Row) => C
): Stream.Stream<RecordedEvent, ReadError> =>
  Stream.paginate<Cursor<C>, RecordedEvent, ReadError>({ _tag: "At", cursor: start }, (state) => {
    if (state._tag === "Corrupt") return Effect.fail(state.error)
    return Effect.map(fetch(state.cursor, pageSize), (rows) => {
      const events: Array<RecordedEvent> = []
      for (const row of rows) {
        const decoded = decodeStoredRow(row)
        if (Result.isFailure(decoded)) {
          // Deliver the good prefix first; the next pull fails with the corrupt row.
          return [events, Option.some({ _tag: "Corrupt", error: decoded.failure } as const)] as const
        }
        events.push(decoded.success)
      }
      const last = rows[rows.length - 1]
      const next: Option.Option<Cursor<C>> =
        rows.length < pageSize || last === undefined ? Option.none() : Option.some({ _tag: "At", cursor: after(last) })
      return [events, next] as const
    })
  })

