/**
 * Reading the embedded store subject by subject: every event of one child,
 * group or budget line together, in revision order, groups and budget lines
 * before children. A replay that computes a child as soon as its events are
 * in (src/projection) holds one child at a time instead of the whole world.
 *
 * Each page is one range query on the (stream, revision) key
 * (`(stream, revision) > (?, ?) ORDER BY stream, revision LIMIT ?`); a
 * subject whose events straddle two pages is held back until it is whole.
 * Only events up to a head position fixed when the read starts are read (a
 * consistent view however much is appended meanwhile), and, for "as known
 * on", only those recorded up to an instant. Every row is decoded (and
 * upcast) like any read (../paging.ts); a row that no longer decodes ends
 * the stream with CorruptEvent.
 */
import type { DatabaseSync, StatementSync } from "node:sqlite"
import { Effect, Option, Result, Stream } from "effect"
import type { RecordedEvent } from "../../events"
import { type ReadError, StoreFailure } from "../EventStore"
import { recordedBound } from "../recordedTime"
import { decodeStoredRow } from "../storedRow"
import { EVENT_COLUMNS } from "./schema"

/**
 * Events a page reads (and decodes) at most. A page's events live until its last child is computed:
 * at 5,000 events they outlived a young-generation collection of the replay and were copied and
 * promoted to the old generation, to be collected there later (on the municipal store 266 MB
 * promoted over a replay at 5,000 against 162 MB at 1,000; reading alone costs the same at either
 * size). docs/benchmarks.md, eighth round.
 */
export const SUBJECT_PAGE_SIZE = 1_000

export type SubjectKind = "budget" | "group" | "child"

interface SubjectOf<K extends SubjectKind> {
  readonly kind: K
  /** The stream, e.g. `child-K1-0000001`. */
  readonly stream: string
  /** The subject's id: the stream without its kind's prefix. */
  readonly id: string
  readonly events: ReadonlyArray<RecordedEvent>
}

/** A subject's events as read: a budget line's, a group's or a child's (by `kind`). */
export type Subject = SubjectOf<"budget"> | SubjectOf<"group"> | SubjectOf<"child">

/** Stream-name ranges of the three kinds of subject, in the order they are read. */
const RANGES: ReadonlyArray<readonly [SubjectKind, string, string]> = [
  ["budget", "budget-", "budget."],
  ["group", "group-", "group."],
  ["child", "child-", "child."]
]

export interface SubjectReadOptions {
  /** Read only events at positions up to here (inclusive). */
  readonly head: bigint
  /** Only events recorded up to and including this instant ("as known on"). */
  readonly recordedUpTo?: string | undefined
  /** Rows per page (default 5,000). */
  readonly pageSize?: number
  /** Only these kinds (default: all three, in order). */
  readonly kinds?: ReadonlyArray<SubjectKind>
  /**
   * Only streams whose names lie in `[from, to)`: a share of the store for one of several readers
   * (src/projection/parallelReplay.ts). A subject is never split: its events share one stream name.
   * With `more`, the read goes on, when those are read, with the streams it gives next (later ones,
   * still within the kinds read), until it gives none: a share that grows while it is read.
   */
  readonly streams?: StreamBounds & { readonly more?: () => StreamBounds | undefined }
}

/** Stream names from `from` up to (not including) `to`. */
export interface StreamBounds {
  readonly from: string
  readonly to: string
}

interface Cursor {
  readonly range: number
  readonly stream: string
  readonly revision: number
  /** The events of the subject the last page ended in, not yet known to be whole. */
  readonly held: ReadonlyArray<RecordedEvent>
}

const pageStatement = (db: DatabaseSync, filtered: boolean): StatementSync =>
  db.prepare(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE (stream, revision) > (?, ?) AND stream < ? AND position <= ?${filtered ? " AND recorded_key <= ?" : ""}
     ORDER BY stream, revision LIMIT ?`
  )

/** The highest position in the store now (0 when it is empty). */
export const headPosition = (db: DatabaseSync): bigint => {
  const row = db.prepare("SELECT MAX(position) AS p FROM events").get()
  return row?.p === null || row?.p === undefined ? 0n : BigInt(row.p as number)
}

/**
 * The children's streams cut into `parts` shares of about as many events each (up to `head`; `parts`
 * may depend on how many events there are), or into shares of about the relative sizes `parts`
 * gives (`[4, 1, 1]`: two thirds, a sixth, a sixth): the stream names where the second, third, ...
 * share begins, for `SubjectReadOptions.streams`. Fewer cuts where the store has fewer children's
 * streams than parts. Also how many children's events there are, so a caller can tell whether
 * sharing the work pays.
 *
 * Each cut is looked for from the one before (the events between them skipped on the key, and those
 * of the cut's stream before the row found counted back), so the key is walked once whatever the
 * parts: many small shares (src/projection/parallelReplay.ts) cost no more than two.
 */
export const childStreamCuts = (
  db: DatabaseSync,
  parts: number | ((events: number) => number | ReadonlyArray<number>),
  head: bigint
): { readonly events: number; readonly cuts: ReadonlyArray<string> } => {
  const [, lower, upper] = RANGES.find(([k]) => k === "child")!
  const where = "stream >= ? AND stream < ? AND position <= ?"
  const events = Number(db.prepare(`SELECT COUNT(*) AS n FROM events WHERE ${where}`).get(lower, upper, Number(head))?.n ?? 0)
  const shape = typeof parts === "number" ? parts : parts(events)
  const sizes = typeof shape === "number" ? Array.from({ length: shape }, () => 1) : shape
  const whole = sizes.reduce((a, b) => a + b, 0)
  const at = db.prepare(`SELECT stream, revision FROM events WHERE ${where} ORDER BY stream, revision LIMIT 1 OFFSET ?`)
  const before = db.prepare("SELECT COUNT(*) AS n FROM events WHERE stream = ? AND revision < ? AND position <= ?")
  const cuts: Array<string> = []
  // The stream the last cut is at, and how many children's events come before it.
  let from = lower
  let skipped = 0
  // The shares before the k-th cut, by size.
  let sizesBefore = 0
  for (let k = 1; k < sizes.length; k++) {
    sizesBefore += sizes[k - 1]!
    const target = Math.floor((events * sizesBefore) / whole)
    const row = at.get(from, upper, Number(head), target - skipped)
    if (row === undefined) break
    const stream = row.stream as string
    if (stream === from) continue
    const start = target - Number(before.get(stream, row.revision as number, Number(head))?.n ?? 0)
    if (stream > lower) cuts.push(stream)
    from = stream
    skipped = start
  }
  return { events, cuts }
}

/** Subjects of the store, as an Effect Stream (see the module comment). */
export const readSubjects = (db: DatabaseSync, storeName: string, options: SubjectReadOptions): Stream.Stream<Subject, ReadError> => {
  const pageSize = options.pageSize ?? SUBJECT_PAGE_SIZE
  const within = options.streams
  const kinds = RANGES.filter(([kind]) => options.kinds === undefined || options.kinds.includes(kind))
  const rangesWithin = (bounds: StreamBounds | undefined) =>
    kinds
      .map(([kind, prefix, upper]) =>
        bounds === undefined
          ? ([kind, prefix, prefix, upper] as const)
          : ([kind, prefix, prefix > bounds.from ? prefix : bounds.from, upper < bounds.to ? upper : bounds.to] as const)
      )
      .filter(([, , lower, upper]) => lower < upper)
  const ranges = rangesWithin(within)
  /** Ranges past the last: those of the streams `more` gives next (none: the read ends). */
  const grow = (): boolean => {
    for (let bounds = within?.more?.(); bounds !== undefined; bounds = within?.more?.()) {
      const added = rangesWithin(bounds)
      if (added.length > 0) {
        ranges.push(...added)
        return true
      }
    }
    return false
  }
  const fail = (operation: string) => (cause: unknown) => new StoreFailure({ store: storeName, operation, cause })
  const key = recordedBound(options.recordedUpTo)
  if (Result.isFailure(key)) return Stream.fail(fail("readSubjects (recordedUpTo)")(key.failure))
  const recorded = key.success
  let statement: StatementSync | undefined
  const head = Number(options.head)

  const page = (c: Cursor): Effect.Effect<readonly [ReadonlyArray<Subject>, Option.Option<Cursor>], ReadError> =>
    Effect.flatMap(
      Effect.try({
        try: () => {
          statement ??= pageStatement(db, recorded !== undefined)
          const [, , , upper] = ranges[c.range]!
          const params: Array<string | number> = [c.stream, c.revision, upper, head]
          if (recorded !== undefined) params.push(recorded)
          params.push(pageSize)
          return statement.all(...params)
        },
        catch: fail("readSubjects")
      }),
      (rows) => {
        const [kind, prefix] = ranges[c.range]!
        const out: Array<Subject> = []
        let current: Array<RecordedEvent> = [...c.held]
        let currentStream = current[0]?.stream
        const emit = () => {
          if (currentStream !== undefined && current.length > 0) out.push({ kind, stream: currentStream, id: currentStream.slice(prefix.length), events: current })
        }
        for (const row of rows) {
          const decoded = decodeStoredRow(row)
          if (Result.isFailure(decoded)) return Effect.fail(decoded.failure)
          const e = decoded.success
          if (e.stream !== currentStream) {
            emit()
            current = []
            currentStream = e.stream
          }
          current.push(e)
        }
        const last = rows[rows.length - 1]
        if (rows.length === pageSize && last !== undefined) {
          // The range may go on: hold back the subject the page ended in.
          return Effect.succeed([out, Option.some({ range: c.range, stream: last.stream as string, revision: Number(last.revision), held: current })] as const)
        }
        emit()
        const next = c.range + 1
        const goesOn = next < ranges.length || grow()
        return Effect.succeed([out, goesOn ? Option.some({ range: next, stream: ranges[next]![2], revision: -1, held: [] }) : Option.none()] as const)
      }
    )

  if (ranges.length === 0 && !grow()) return Stream.empty
  return Stream.paginate<Cursor, Subject, ReadError>({ range: 0, stream: ranges[0]![2], revision: -1, held: [] }, page)
}

/** Rows grouped by stream (they come in stream and revision order) and decoded. */
const decodeByStream = (rows: ReadonlyArray<Record<string, unknown>>): Result.Result<Map<string, Array<RecordedEvent>>, ReadError> => {
  const out = new Map<string, Array<RecordedEvent>>()
  let current: Array<RecordedEvent> | undefined
  let currentStream: string | undefined
  for (const row of rows) {
    const decoded = decodeStoredRow(row)
    if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
    const e = decoded.success
    if (e.stream !== currentStream) {
      currentStream = e.stream
      current = out.get(currentStream)
      if (current === undefined) out.set(currentStream, (current = []))
    }
    current!.push(e)
  }
  return Result.succeed(out)
}

/**
 * Which streams a read of many takes: those a JSON array names, or those with an event at a position
 * after `?` (up to the head).
 */
type StreamSet = "named" | "changed"
const STREAM_SETS: Record<StreamSet, string> = {
  named: "SELECT value FROM json_each(?)",
  changed: "SELECT stream FROM events WHERE position > ? AND position <= ?"
}

const streamsStatements = new WeakMap<DatabaseSync, Map<string, StatementSync>>()
const streamsStatement = (db: DatabaseSync, set: StreamSet, filtered: boolean): StatementSync => {
  let byKey = streamsStatements.get(db)
  if (byKey === undefined) streamsStatements.set(db, (byKey = new Map()))
  const key = `${set}|${filtered}`
  let s = byKey.get(key)
  if (s === undefined) {
    // One walk of the (stream, revision) key per stream, in stream order: no sort.
    s = db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE stream IN (${STREAM_SETS[set]}) AND position <= ?${filtered ? " AND recorded_key <= ?" : ""}
       ORDER BY stream, revision`
    )
    byKey.set(key, s)
  }
  return s
}

const readMany = (
  db: DatabaseSync,
  storeName: string,
  set: StreamSet,
  setParams: ReadonlyArray<string | number>,
  options: { readonly head: bigint; readonly recordedUpTo?: string | undefined }
): Effect.Effect<ReadonlyMap<string, ReadonlyArray<RecordedEvent>>, ReadError> => {
  const operation = set === "named" ? "readStreams" : "readChangedStreams"
  const key = recordedBound(options.recordedUpTo)
  if (Result.isFailure(key)) return Effect.fail(new StoreFailure({ store: storeName, operation: `${operation} (recordedUpTo)`, cause: key.failure }))
  const recorded = key.success
  return Effect.flatMap(
    Effect.try({
      try: () => {
        const params = [...setParams, Number(options.head)]
        if (recorded !== undefined) params.push(recorded)
        return streamsStatement(db, set, recorded !== undefined).all(...params)
      },
      catch: (cause) => new StoreFailure({ store: storeName, operation, cause })
    }),
    (rows) => Effect.fromResult(decodeByStream(rows))
  )
}

/**
 * Several streams' events up to a head position (and recorded up to an instant), in one query: by
 * stream in stream order, each in revision order; a stream with no such events is left out.
 */
export const readStreams = (
  db: DatabaseSync,
  storeName: string,
  streams: Iterable<string>,
  options: { readonly head: bigint; readonly recordedUpTo?: string | undefined }
): Effect.Effect<ReadonlyMap<string, ReadonlyArray<RecordedEvent>>, ReadError> => {
  const names = [...streams]
  return names.length === 0 ? Effect.succeed(new Map()) : readMany(db, storeName, "named", [JSON.stringify(names)], options)
}

/**
 * Every event, up to a head position (and recorded up to an instant), of the streams that have an
 * event at a position after `after` (up to the head), in one query: by stream in stream order, each
 * in revision order. A stream whose events after `after` were all recorded after the instant is
 * still read (with its earlier events); the caller tells it by positions.
 */
export const readChangedStreams = (
  db: DatabaseSync,
  storeName: string,
  after: bigint,
  options: { readonly head: bigint; readonly recordedUpTo?: string | undefined }
): Effect.Effect<ReadonlyMap<string, ReadonlyArray<RecordedEvent>>, ReadError> =>
  options.head <= after ? Effect.succeed(new Map()) : readMany(db, storeName, "changed", [Number(after), Number(options.head)], options)
