/**
 * Helpers for the projection tests: events in the order the embedded store
 * reads them subject by subject, a streaming run of them, and the figures of
 * a full run to hold it against.
 */
import { randomUUID } from "node:crypto"
import { envelope, type RecordedEvent, type EventEnvelope } from "../../src/events"
import { metricsOf, type ScenarioMetrics } from "../../src/compare/metrics"
import { subjectOf } from "../../src/domain/timeline/state"
import { LedgerRun, metricsOfRun, runSetup } from "../../src/projection"
import type { LoadedScenario } from "../../src/scenario/load"
import type { RunResult } from "../../src/scenario/run"
import { type Computed, ledgerOf, params, policy, type PolicyId, yearMonths } from "../support/ledgerRun"

const KIND_ORDER = { budget: 0, group: 1, child: 2 } as const

/** Events with store positions in delivery order (position 1 first). */
export const recorded = (events: ReadonlyArray<EventEnvelope>): ReadonlyArray<RecordedEvent> => {
  const revisions = new Map<string, number>()
  return events.map((e, i) => {
    const revision = revisions.get(e.stream) ?? 0
    revisions.set(e.stream, revision + 1)
    return { ...e, revision, position: BigInt(i + 1) }
  })
}

export interface Subject {
  readonly kind: "child" | "group" | "budget"
  readonly id: string
  readonly stream: string
  readonly events: ReadonlyArray<RecordedEvent>
}

/** Subjects as the store reads them: budget lines, groups, children, each by stream name, events in revision order. */
export const subjectsOf = (events: ReadonlyArray<RecordedEvent>): ReadonlyArray<Subject> => {
  const by = new Map<string, Subject & { events: Array<RecordedEvent> }>()
  for (const e of events) {
    let s = by.get(e.stream)
    if (s === undefined) {
      const subject = subjectOf(e)
      by.set(e.stream, (s = { kind: subject.kind, id: subject.id, stream: e.stream, events: [] }))
    }
    s.events.push(e)
  }
  return [...by.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0))
}

export const setupOf = (policyId: PolicyId) => runSetup({ params: params(), policy: policy(policyId), months: yearMonths(2026) })

/** A streaming run over events, as `buildProjection` runs it over a store. */
export const streamingRun = (events: ReadonlyArray<RecordedEvent>, policyId: PolicyId): LedgerRun => {
  const run = new LedgerRun(setupOf(policyId))
  const subjects = subjectsOf(events)
  for (const s of subjects) run.addSubject(s)
  const byChild = new Map(subjects.filter((s) => s.kind === "child").map((s) => [s.id, s.events]))
  run.redoOverFull(new Map([...run.childrenOf(run.settle())].map((id) => [id, byChild.get(id)!])))
  return run
}

/** The figures of a full run (replay, computeLedger) as `compare` makes them. */
export const fullMetrics = (c: Computed): ScenarioMetrics =>
  metricsOf({ scenario: { policy: c.policy } as LoadedScenario, world: c.world, ledger: c.ledger } as RunResult)

export { ledgerOf }

/** Metrics as plain data, hours rounded to 40 places (a sum in 60 digits and an exact sum may differ past that). */
export const plain = (m: ScenarioMetrics): unknown => {
  const sortMap = (x: ReadonlyMap<string, bigint>) => Object.fromEntries([...x].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.toString()]))
  return {
    costCents: m.costCents.toString(),
    hours: m.hours.toDecimalPlaces(40).toString(),
    streams: sortMap(m.streams),
    funders: sortMap(m.funders),
    groupLinesCents: m.groupLinesCents.toString(),
    childrenServed: m.childrenServed,
    childrenWaitingAtEnd: m.childrenWaitingAtEnd,
    childrenEverWaiting: m.childrenEverWaiting,
    costPerChild: m.costPerChild.toString(),
    costPerChildHour: m.costPerChildHour.toDecimalPlaces(40).toString(),
    occupancy: m.occupancy.toString(),
    groups: m.groups.map((g) => ({ ...g, costCents: g.costCents.toString(), providerCents: g.providerCents.toString(), groupIncomeCents: g.groupIncomeCents.toString(), coverage: g.coverage.toString(), occupancy: g.occupancy.toString() })),
    monthly: m.monthly.map((x) => ({ month: x.month, costCents: x.costCents.toString(), funders: sortMap(x.funders) })),
    budgets: m.budgets.map((b) => ({ ...b, budget: b.budget.toString(), used: b.used.toString(), usedCents: b.usedCents.toString(), headroom: b.headroom.toString() }))
  }
}

export const metricsOfStreaming = metricsOfRun

/** A group opened on 1 January 2026 (capacity 11, cost price €30.00 an hour) with one kindplek awarded for 2026 at €12,000. */
export const groupWithKindplek = (groupId = "G-1", awardId = "KP-1"): ReadonlyArray<EventEnvelope> => [
  envelope(
    {
      type: "group-opened",
      data: {
        groupId,
        providerId: "PR-1",
        locationId: "LOC-1",
        design: "homogeneous",
        careType: "dagopvang",
        capacity: 11,
        staffing: { pedagogical: 2, hbo: 1 },
        costPricePerHour: "30.00"
      }
    },
    { eventId: randomUUID(), validTime: "2026-01-01", recordedTime: "2025-12-01T09:00:00Z", metadata: { source: "test" } }
  ),
  envelope(
    { type: "kindplek-subsidy-awarded", data: { awardId, providerId: "PR-1", groupId, year: 2026, places: 1, pricePerPlace: "12000" } },
    { eventId: randomUUID(), validTime: "2026-01-01", recordedTime: "2025-12-01T09:00:00Z", metadata: { source: "test" } }
  )
]
