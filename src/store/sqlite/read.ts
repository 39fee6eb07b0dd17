/**
 * Reading the SQLite store as paged Effect Streams: each page is one indexed
 * range query (`position > ? ORDER BY position LIMIT ?`), so a read of
 * millions of events holds one page in memory at a time.
 */
import { Effect, Result, Stream } from "effect"
import type { RecordedEvent } from "../../events"
import { type ReadAllOptions, type ReadError, StoreFailure } from "../EventStore"
import { pagedEvents, type Row } from "../paging"
import { recordedKey } from "../recordedTime"
import type { Statements } from "./statements"

export interface Reader {
  readonly readAll: (options?: ReadAllOptions) => Stream.Stream<RecordedEvent, ReadError>
  readonly readStream: (stream: string, options?: { readonly fromRevision?: number }) => Stream.Stream<RecordedEvent, ReadError>
}

export const makeReader = (st: Statements, storeName: string, pageSize: number): Reader => {
  const query = <A>(operation: string, run: () => A) =>
    Effect.try({ try: run, catch: (cause) => new StoreFailure({ store: storeName, operation, cause }) })

  const positionOf = (row: Row): bigint => BigInt(row.position as number)

  const readAll = (options?: ReadAllOptions): Stream.Stream<RecordedEvent, ReadError> => {
    const start = options?.after ?? 0n
    const upTo = options?.recordedUpTo
    if (upTo === undefined) {
      return pagedEvents(
        start,
        pageSize,
        (after, limit) => query("readAll", () => st.readAll.all(after, limit)),
        positionOf
      )
    }
    const key = recordedKey(upTo)
    if (Result.isFailure(key)) {
      return Stream.fail(new StoreFailure({ store: storeName, operation: "readAll (recordedUpTo)", cause: key.failure }))
    }
    // The head is fixed when the read starts: a consistent "as known on" view, and no scan past it.
    return Stream.unwrap(
      Effect.map(
        query("readAll", () => st.headRecordedUpTo.get(key.success)?.p),
        (head) =>
          head === null || head === undefined
            ? Stream.empty
            : pagedEvents(
                start,
                pageSize,
                (after, limit) =>
                  query("readAll", () => st.readAllRecordedUpTo.all(after, head as number, key.success, limit)),
                positionOf
              )
      )
    )
  }

  const readStream = (stream: string, options?: { readonly fromRevision?: number }) =>
    pagedEvents(
      Math.max(0, options?.fromRevision ?? 0),
      pageSize,
      (from, limit) => query("readStream", () => st.readStream.all(stream, from, limit)),
      (last) => (last.revision as number) + 1
    )

  return { readAll, readStream }
}
