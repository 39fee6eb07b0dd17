/**
 * The replayed state: per child, per group and per budget line, the facts the
 * events stated. `evolve` adds one event; it never looks at other subjects, so
 * children can be replayed in any order (DOMAIN.md invariant 8).
 */
import type { EventEnvelope } from "../../events"
import type { EventData } from "../../events/catalogue"
import { dayNumber } from "../calendar"
import { canonicalInstant, type Fact, insertFact } from "./facts"

export type PlacementStartedData = EventData<"placement-started">
export type PlacementChangedData = EventData<"placement-changed">
export type IndicationIssuedData = EventData<"indication-issued">

export interface PlacementFacts {
  readonly requested: ReadonlyArray<Fact<EventData<"placement-requested">>>
  readonly started: ReadonlyArray<Fact<PlacementStartedData>>
  readonly changed: ReadonlyArray<Fact<PlacementChangedData>>
  readonly ended: ReadonlyArray<Fact<EventData<"placement-ended">>>
}

export interface IndicationFacts {
  readonly issued: ReadonlyArray<Fact<IndicationIssuedData>>
  readonly extended: ReadonlyArray<Fact<EventData<"indication-extended">>>
  readonly ended: ReadonlyArray<Fact<EventData<"indication-ended">>>
}

/** A boundary assertion: a period starts (with data) or ends on a day, or its data changes. */
export type Assertion<S, C> =
  | { readonly kind: "start"; readonly data: S }
  | { readonly kind: "change"; readonly data: C }
  | { readonly kind: "end" }

export type KotAssertion = Assertion<EventData<"kot-entitlement-started">, EventData<"kot-entitlement-changed">>
export type WaitingAssertion = Assertion<EventData<"waiting-list-entered">, never>

export interface ChildState {
  readonly childId: string
  readonly placements: ReadonlyMap<string, PlacementFacts>
  readonly indications: ReadonlyMap<string, IndicationFacts>
  readonly kot: ReadonlyArray<Fact<KotAssertion>>
  readonly waiting: Readonly<Record<"jeugdhulp" | "plus-place", ReadonlyArray<Fact<WaitingAssertion>>>>
}

export interface GroupState {
  readonly groupId: string
  readonly opened: ReadonlyArray<Fact<EventData<"group-opened">>>
  readonly closed: ReadonlyArray<Fact<EventData<"group-closed">>>
  readonly awards: ReadonlyMap<string, ReadonlyArray<Fact<EventData<"kindplek-subsidy-awarded">>>>
}

export interface BudgetLineState {
  readonly budgetLineId: string
  readonly set: ReadonlyArray<Fact<EventData<"budget-line-set">>>
}

export const emptyChild = (childId: string): ChildState => ({
  childId,
  placements: new Map(),
  indications: new Map(),
  kot: [],
  waiting: { jeugdhulp: [], "plus-place": [] }
})

export const emptyGroup = (groupId: string): GroupState => ({ groupId, opened: [], closed: [], awards: new Map() })

const emptyPlacement: PlacementFacts = { requested: [], started: [], changed: [], ended: [] }
const emptyIndication: IndicationFacts = { issued: [], extended: [], ended: [] }

const factOf = <T>(event: EventEnvelope, data: T): Fact<T> => ({
  eventId: event.eventId,
  day: dayNumber(event.validTime),
  recorded: canonicalInstant(event.recordedTime),
  data
})

const withPlacement = (state: ChildState, id: string, f: (p: PlacementFacts) => PlacementFacts): ChildState => {
  const placements = new Map(state.placements)
  placements.set(id, f(state.placements.get(id) ?? emptyPlacement))
  return { ...state, placements }
}

const withIndication = (state: ChildState, id: string, f: (p: IndicationFacts) => IndicationFacts): ChildState => {
  const indications = new Map(state.indications)
  indications.set(id, f(state.indications.get(id) ?? emptyIndication))
  return { ...state, indications }
}

/** Add one child event to a child's state. Events about other subjects leave it unchanged. */
export const evolveChild = (state: ChildState, event: EventEnvelope): ChildState => {
  switch (event.type) {
    case "placement-requested":
      return withPlacement(state, event.data.placementId, (p) => ({ ...p, requested: insertFact(p.requested, factOf(event, event.data)) }))
    case "placement-started":
      return withPlacement(state, event.data.placementId, (p) => ({ ...p, started: insertFact(p.started, factOf(event, event.data)) }))
    case "placement-changed":
      return withPlacement(state, event.data.placementId, (p) => ({ ...p, changed: insertFact(p.changed, factOf(event, event.data)) }))
    case "placement-ended":
      return withPlacement(state, event.data.placementId, (p) => ({ ...p, ended: insertFact(p.ended, factOf(event, event.data)) }))
    case "indication-issued":
      return withIndication(state, event.data.indicationId, (i) => ({ ...i, issued: insertFact(i.issued, factOf(event, event.data)) }))
    case "indication-extended":
      return withIndication(state, event.data.indicationId, (i) => ({ ...i, extended: insertFact(i.extended, factOf(event, event.data)) }))
    case "indication-ended":
      return withIndication(state, event.data.indicationId, (i) => ({ ...i, ended: insertFact(i.ended, factOf(event, event.data)) }))
    case "kot-entitlement-started":
      return { ...state, kot: insertFact(state.kot, factOf<KotAssertion>(event, { kind: "start", data: event.data })) }
    case "kot-entitlement-changed":
      return { ...state, kot: insertFact(state.kot, factOf<KotAssertion>(event, { kind: "change", data: event.data })) }
    case "kot-entitlement-ended":
      return { ...state, kot: insertFact(state.kot, factOf<KotAssertion>(event, { kind: "end" })) }
    case "waiting-list-entered": {
      const list = event.data.list
      return { ...state, waiting: { ...state.waiting, [list]: insertFact(state.waiting[list], factOf<WaitingAssertion>(event, { kind: "start", data: event.data })) } }
    }
    case "waiting-list-left": {
      const list = event.data.list
      return { ...state, waiting: { ...state.waiting, [list]: insertFact(state.waiting[list], factOf<WaitingAssertion>(event, { kind: "end" })) } }
    }
    default:
      return state
  }
}

export const evolveGroup = (state: GroupState, event: EventEnvelope): GroupState => {
  switch (event.type) {
    case "group-opened":
      return { ...state, opened: insertFact(state.opened, factOf(event, event.data)) }
    case "group-closed":
      return { ...state, closed: insertFact(state.closed, factOf(event, event.data)) }
    case "kindplek-subsidy-awarded": {
      const awards = new Map(state.awards)
      awards.set(event.data.awardId, insertFact(state.awards.get(event.data.awardId) ?? [], factOf(event, event.data)))
      return { ...state, awards }
    }
    default:
      return state
  }
}

export const evolveBudgetLine = (state: BudgetLineState, event: EventEnvelope): BudgetLineState =>
  event.type === "budget-line-set" ? { ...state, set: insertFact(state.set, factOf(event, event.data)) } : state

/** Which subject an event is about: its child, group or budget line. */
export const subjectOf = (
  event: EventEnvelope
): { readonly kind: "child" | "group" | "budget"; readonly id: string } => {
  switch (event.type) {
    case "group-opened":
    case "group-closed":
    case "kindplek-subsidy-awarded":
      return { kind: "group", id: event.data.groupId }
    case "budget-line-set":
      return { kind: "budget", id: event.data.budgetLineId }
    default:
      return { kind: "child", id: event.data.childId }
  }
}
