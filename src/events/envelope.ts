/**
 * The event envelope: what every stored event carries around its data.
 *
 * Two times are kept (bitemporal): `validTime`, the day the fact took effect in
 * the world, and `recordedTime`, when geldstroom learned it. A late correction
 * about the past has an early valid time and a late recorded time; replay
 * "as known on date X" keeps only events recorded up to X.
 */
import { Data, Result } from "effect"
import { z } from "zod"
import { catalogue, type DomainEvent, type EventType, isEventType } from "./catalogue"
import { IsoDate, IsoDateTime } from "./fields"
import { upcast } from "./upcasters"

export const EventMetadata = z.strictObject({
  source: z.string().min(1).max(500).describe("where the fact came from: a file and line, a system, a person's role"),
  correlationId: z.string().max(200).optional().describe("groups events written together, e.g. one import or one batch"),
  causationId: z.string().max(200).optional().describe("the event or command that caused this one")
})
export type EventMetadata = z.infer<typeof EventMetadata>

export const EnvelopeShape = z.strictObject({
  eventId: z.uuid().describe("unique id of the event; appending the same id twice is a no-op"),
  type: z.string().min(1).describe("the event type, a stable domain word such as placement-started"),
  schemaVersion: z.number().int().positive().max(1000).describe("version of the type's data schema; older versions are upcast on read"),
  stream: z.string().min(1).max(200).describe("the stream of the subject: child-<id>, group-<id> or budget-<id>"),
  validTime: IsoDate.describe("valid time: the day the fact took effect in the world"),
  recordedTime: IsoDateTime.describe("recorded time: when the fact was recorded"),
  data: z.record(z.string(), z.unknown()).describe("the type's data, see below"),
  metadata: EventMetadata
})

/** A validated event of the current schema version. */
export type EventEnvelope<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? {
      readonly eventId: string
      readonly type: E["type"]
      readonly schemaVersion: number
      readonly stream: string
      readonly validTime: string
      readonly recordedTime: string
      readonly data: E["data"]
      readonly metadata: EventMetadata
    }
  : never

/** An event as read back from a store: the envelope plus its place in the store. */
export type RecordedEvent = EventEnvelope & {
  /** 0-based revision of the event inside its stream. */
  readonly revision: number
  /** Position in the store's global order (the $all order). */
  readonly position: bigint
}

export interface FieldIssue {
  readonly path: string
  readonly message: string
}

/** An event that does not match its schema. Names the event and every failing field. */
export class InvalidEvent extends Data.TaggedError("InvalidEvent")<{
  readonly eventId: string | undefined
  readonly type: string | undefined
  readonly issues: ReadonlyArray<FieldIssue>
}> {
  override get message(): string {
    const what = `${this.type ?? "event"}${this.eventId ? ` ${this.eventId}` : ""}`
    return `invalid ${what}: ${this.issues.map((i) => `${i.path || "(event)"}: ${i.message}`).join("; ")}`
  }
}

const issuesOf = (error: z.ZodError, prefix: string): Array<FieldIssue> =>
  error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((p) => p !== "").join("."),
    message: i.message
  }))

/**
 * Validate an envelope and its data against the catalogue, upcasting older
 * schema versions to the current one first. Pure; used on append and on read.
 */
export const decodeEvent = (raw: unknown): Result.Result<EventEnvelope, InvalidEvent> => {
  const shape = EnvelopeShape.safeParse(raw)
  const rawObj = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>
  const eventId = typeof rawObj.eventId === "string" ? rawObj.eventId : undefined
  const rawType = typeof rawObj.type === "string" ? rawObj.type : undefined
  if (!shape.success) {
    return Result.fail(new InvalidEvent({ eventId, type: rawType, issues: issuesOf(shape.error, "") }))
  }
  const env = shape.data
  if (!isEventType(env.type)) {
    return Result.fail(
      new InvalidEvent({ eventId, type: env.type, issues: [{ path: "type", message: `unknown event type '${env.type}'` }] })
    )
  }
  const definition = catalogue[env.type]
  const upcasted = upcast(env.type, env.schemaVersion, env.data)
  if (upcasted._tag === "Failure") {
    return Result.fail(new InvalidEvent({ eventId, type: env.type, issues: [{ path: "schemaVersion", message: upcasted.failure }] }))
  }
  const data = definition.schema.safeParse(upcasted.success)
  if (!data.success) {
    return Result.fail(new InvalidEvent({ eventId, type: env.type, issues: issuesOf(data.error, "data") }))
  }
  const expectedStream = definition.stream(data.data as never)
  if (env.stream !== expectedStream) {
    return Result.fail(
      new InvalidEvent({
        eventId,
        type: env.type,
        issues: [{ path: "stream", message: `a ${env.type} event about this subject belongs in stream '${expectedStream}'` }]
      })
    )
  }
  return Result.succeed({ ...env, schemaVersion: definition.version, data: data.data } as EventEnvelope)
}

/** The stream an event belongs in, by the catalogue's rule (one stream per child, group, budget line). */
export const streamOf = (event: DomainEvent): string => catalogue[event.type].stream(event.data as never)

/** Build a current-version envelope for an event (validation happens on append). */
export const envelope = <E extends DomainEvent>(
  event: E,
  fields: { eventId: string; validTime: string; recordedTime: string; metadata: EventMetadata }
): EventEnvelope<E> =>
  ({
    eventId: fields.eventId,
    type: event.type,
    schemaVersion: catalogue[event.type as EventType].version,
    stream: streamOf(event),
    validTime: fields.validTime,
    recordedTime: fields.recordedTime,
    data: event.data,
    metadata: fields.metadata
  }) as unknown as EventEnvelope<E>
