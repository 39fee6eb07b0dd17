/**
 * Test factory for valid catalogue events. Every event gets a fresh random
 * uuid; ids of children, groups and budget lines are random pseudonyms, so
 * stream names are unique per test (the contract suite also runs against a
 * shared EventStoreDB server).
 */
import { randomUUID } from "node:crypto"
import { envelope, type EventData, type EventEnvelope, type EventMetadata } from "../../src/events"

type EnvelopeOverrides<D> = Partial<{
  eventId: string
  validTime: string
  recordedTime: string
  metadata: EventMetadata
  data: Partial<D>
}>

/** A fresh pseudonymous id, e.g. `K-5f0c…`; never BSN-like (it has letters). */
export const pseudonym = (prefix = "K"): string => `${prefix}-${randomUUID()}`

const fields = (o: EnvelopeOverrides<unknown>) => ({
  eventId: o.eventId ?? randomUUID(),
  validTime: o.validTime ?? "2026-01-05",
  recordedTime: o.recordedTime ?? "2026-01-02T09:00:00Z",
  metadata: o.metadata ?? { source: "test factory" }
})

export const placementStarted = (
  childId: string,
  o: EnvelopeOverrides<EventData<"placement-started">> = {}
): EventEnvelope =>
  envelope(
    {
      type: "placement-started",
      data: {
        placementId: `P-${childId}`.slice(0, 64),
        childId,
        providerId: "PR-1",
        locationId: "LOC-1",
        groupId: "G-1",
        careType: "dagopvang",
        daysPerWeek: 3,
        hoursPerDay: 10,
        hourlyPrice: "10.25",
        ...o.data
      }
    },
    fields(o)
  )

export const placementChanged = (
  childId: string,
  o: EnvelopeOverrides<EventData<"placement-changed">> = {}
): EventEnvelope =>
  envelope(
    { type: "placement-changed", data: { placementId: `P-${childId}`.slice(0, 64), childId, daysPerWeek: 2, ...o.data } },
    fields(o)
  )

export const budgetLineSet = (
  budgetLineId: string,
  o: EnvelopeOverrides<EventData<"budget-line-set">> = {}
): EventEnvelope =>
  envelope(
    {
      type: "budget-line-set",
      data: { budgetLineId, year: 2026, label: "kinderopvang plus", amount: "1250000.00", streams: ["smi"], ...o.data }
    },
    fields(o)
  )

/**
 * A placement-started event as written by schema version 1 (price in whole
 * cents). Stores keep it as written; reading upcasts it to version 2.
 */
export const placementStartedV1 = (childId: string, hourlyRateCents: number, o: EnvelopeOverrides<never> = {}): EventEnvelope => {
  const { hourlyPrice: _dropped, ...rest } = placementStarted(childId).data as EventData<"placement-started">
  return {
    ...fields(o),
    type: "placement-started",
    schemaVersion: 1,
    stream: `child-${childId}`,
    data: { ...rest, hourlyRateCents }
  } as unknown as EventEnvelope
}

/** `count` placement events for one child: one start, then changes. */
export const childHistory = (childId: string, count: number, o: EnvelopeOverrides<never> = {}): Array<EventEnvelope> =>
  Array.from({ length: count }, (_, i) =>
    i === 0 ? placementStarted(childId, o) : placementChanged(childId, { ...o, data: { daysPerWeek: 1 + (i % 5) } })
  )

/** The envelope part of a read event, to compare with what was written. */
export const envelopeOf = (event: EventEnvelope & { revision?: number; position?: bigint }): EventEnvelope => {
  const { revision: _r, position: _p, ...rest } = event
  return rest as EventEnvelope
}
