/**
 * The in-memory transaction log of the fake EventStoreDB: streams, the `$all`
 * order with commit/prepare positions, and EventStoreDB's rules for expected
 * revisions and idempotent appends. No gRPC here; ./server.ts speaks the wire.
 *
 * Semantics copied from EventStoreDB (server 22.10+, `CommitCheck`):
 * - expected revision n: written when the stream is at n; when the stream is
 *   further along and the proposed ids sit exactly at n+1.. (all of them), the
 *   append is an idempotent success that writes nothing; otherwise a wrong
 *   expected version carrying the stream's current revision;
 * - no stream: as revision -1;
 * - any: when the first proposed id is already in the stream, the same
 *   idempotency check runs from that event; a partial match is a wrong
 *   expected version ("corrupted idempotency"), no match is a normal write;
 * - stream exists: wrong expected version when the stream does not exist.
 * Each event gets its own position with commit = prepare, increasing by the
 * record's size, as for implicit transactions in the real log.
 */

export interface FakePosition {
  readonly commit: bigint
  readonly prepare: bigint
}

export interface FakeRecord {
  readonly stream: string
  readonly revision: bigint
  readonly id: string
  readonly type: string
  readonly contentType: string
  readonly data: Uint8Array
  readonly metadata: Uint8Array
  /** .NET ticks (100 ns) since the Unix epoch, as the server reports `created`. */
  readonly created: bigint
  readonly position: FakePosition
}

export interface ProposedEvent {
  readonly id: string
  readonly type: string
  readonly contentType: string
  readonly data: Uint8Array
  readonly metadata: Uint8Array
}

export type FakeExpected =
  | { readonly _tag: "Any" }
  | { readonly _tag: "NoStream" }
  | { readonly _tag: "StreamExists" }
  | { readonly _tag: "Revision"; readonly revision: bigint }

export type AppendOutcome =
  | {
      readonly _tag: "Success"
      /** Revision of the last event of the batch; undefined when the stream still does not exist. */
      readonly currentRevision: bigint | undefined
      /** Position of the batch's last event; undefined when nothing was written and none is reported. */
      readonly position: FakePosition | undefined
      readonly written: number
    }
  | { readonly _tag: "WrongExpectedVersion"; readonly currentRevision: bigint | undefined }

export type ReadFrom<P> = "start" | "end" | P

export interface FakeLogOptions {
  /**
   * What an idempotent re-append reports as position: "original" (the stored
   * event's position, as current servers do) or "none" (no position, as older
   * servers did).
   */
  readonly idempotentPosition?: "original" | "none"
}

const comparePositions = (a: FakePosition, b: FakePosition): number =>
  a.commit !== b.commit ? (a.commit < b.commit ? -1 : 1) : a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1

const TICKS_PER_MS = 10_000n
const RECORD_OVERHEAD = 96n

export class FakeLog {
  private readonly all: Array<FakeRecord> = []
  private readonly streams = new Map<string, Array<FakeRecord>>()
  private nextPosition = 0n
  private readonly idempotentPosition: "original" | "none"

  constructor(options: FakeLogOptions = {}) {
    this.idempotentPosition = options.idempotentPosition ?? "original"
  }

  /** The stream's last revision, or undefined when it does not exist. */
  currentRevision(stream: string): bigint | undefined {
    const events = this.streams.get(stream)
    return events === undefined || events.length === 0 ? undefined : BigInt(events.length - 1)
  }

  append(stream: string, expected: FakeExpected, proposed: ReadonlyArray<ProposedEvent>): AppendOutcome {
    const events = this.streams.get(stream) ?? []
    const current = BigInt(events.length - 1) // -1 when there is no stream
    const reportCurrent = current < 0n ? undefined : current
    const wrong: AppendOutcome = { _tag: "WrongExpectedVersion", currentRevision: reportCurrent }

    const write = (): AppendOutcome => {
      if (proposed.length === 0) return { _tag: "Success", currentRevision: reportCurrent, position: undefined, written: 0 }
      let last: FakeRecord | undefined
      for (const event of proposed) last = this.appendRaw(stream, event)
      return { _tag: "Success", currentRevision: last!.revision, position: last!.position, written: proposed.length }
    }

    /** ESDB's idempotency check of the proposed batch against the stored events from `from` on. */
    const idempotentFrom = (from: number): AppendOutcome | undefined => {
      if (proposed.length === 0 || events[from]?.id !== proposed[0]!.id) return undefined
      const all = proposed.every((e, i) => events[from + i]?.id === e.id)
      if (!all) return wrong // corrupted idempotency: part of the batch is there, part is not
      const last = events[from + proposed.length - 1]!
      return {
        _tag: "Success",
        currentRevision: last.revision,
        position: this.idempotentPosition === "original" ? last.position : undefined,
        written: 0
      }
    }

    switch (expected._tag) {
      case "Any":
      case "StreamExists": {
        if (expected._tag === "StreamExists" && current < 0n) return wrong
        const first = proposed[0] === undefined ? -1 : events.findIndex((e) => e.id === proposed[0]!.id)
        return first >= 0 ? (idempotentFrom(first) ?? wrong) : write()
      }
      case "NoStream":
      case "Revision": {
        const n = expected._tag === "NoStream" ? -1n : expected.revision
        if (current === n) return write()
        if (current > n) return idempotentFrom(Number(n + 1n)) ?? wrong
        return wrong
      }
    }
  }

  /** Store an event without any check (seeding: system events, corrupt events). */
  appendRaw(stream: string, event: ProposedEvent): FakeRecord {
    const events = this.streams.get(stream) ?? []
    const position = { commit: this.nextPosition, prepare: this.nextPosition }
    const record: FakeRecord = {
      stream,
      revision: BigInt(events.length),
      id: event.id,
      type: event.type,
      contentType: event.contentType,
      data: event.data,
      metadata: event.metadata,
      created: BigInt(Date.now()) * TICKS_PER_MS,
      position
    }
    this.nextPosition += RECORD_OVERHEAD + BigInt(event.data.length + event.metadata.length + event.type.length)
    events.push(record)
    this.streams.set(stream, events)
    this.all.push(record)
    return record
  }

  /** `undefined` when the stream does not exist (the server answers "stream not found"). */
  readStream(
    stream: string,
    from: ReadFrom<bigint>,
    direction: "forwards" | "backwards",
    count: number
  ): Array<FakeRecord> | undefined {
    const events = this.streams.get(stream)
    if (events === undefined || events.length === 0) return undefined
    const last = events.length - 1
    if (direction === "forwards") {
      const start = from === "start" ? 0 : from === "end" ? events.length : Number(from)
      return events.slice(start, start + count)
    }
    const start = from === "start" ? 0 : from === "end" ? last : Math.min(Number(from), last)
    const out: Array<FakeRecord> = []
    for (let i = start; i >= 0 && out.length < count; i--) out.push(events[i]!)
    return out
  }

  /** Forwards from a position includes the event at it; backwards from a position excludes it (as the server). */
  readAll(from: ReadFrom<FakePosition>, direction: "forwards" | "backwards", count: number): Array<FakeRecord> {
    const out: Array<FakeRecord> = []
    if (direction === "forwards") {
      for (const record of this.all) {
        if (out.length >= count) break
        if (from === "end") break
        if (from === "start" || comparePositions(record.position, from) >= 0) out.push(record)
      }
      return out
    }
    for (let i = this.all.length - 1; i >= 0 && out.length < count; i--) {
      const record = this.all[i]!
      if (from === "start") break
      if (from === "end" || comparePositions(record.position, from) < 0) out.push(record)
    }
    return out
  }

  get size(): number {
    return this.all.length
  }
}
