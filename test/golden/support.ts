/**
 * Shared machinery for the golden cases (test/golden/README.md): events for a
 * case, the shipped parameters and policies, running a case through the engine
 * and comparing its ledger with the amounts computed BY HAND in the case.
 *
 * Expected amounts are written in euros as text ("1310.40") so a case reads like
 * the arithmetic above it; they are compared with the ledger's whole cents.
 */
import { fileURLToPath } from "node:url"
import { Result } from "effect"
import { expect, it } from "vitest"
import { buildEvent, decodeEvent, type DomainEvent, type EventEnvelope } from "../../src/events"
import type { EventData } from "../../src/events/catalogue"
import { checkInvariants } from "../../src/domain/invariants/check"
import type { Ledger } from "../../src/domain/ledger/types"
import { centsToString } from "../../src/domain/money"
import type { ParameterSet } from "../../src/domain/parameters/types"
import type { Policy } from "../../src/domain/policy/types"
import { computeLedger, type MissingParameters } from "../../src/domain/rules/compute"
import { replay } from "../../src/domain/timeline/world"
import { loadParameterTree } from "../../src/parameters/load"
import { loadPolicy } from "../../src/policy/load"
import { InvalidFile } from "../../src/io/yamlFile"

// ---------------------------------------------------------------------------
// Parameters and policies

const loadedParams = loadParameterTree()
if (loadedParams instanceof InvalidFile) throw new Error(loadedParams.message)
/** The shipped parameter tree (src/parameters/nl/**.yaml). */
export const params: ParameterSet = loadedParams

const SHIPPED = fileURLToPath(new URL("../../scenarios/policies/", import.meta.url))
const GOLDEN = fileURLToPath(new URL("./policies/", import.meta.url))

const load = (file: string): Policy => {
  const p = loadPolicy(file)
  if (p instanceof InvalidFile) throw new Error(p.message)
  return p
}

/** A shipped policy by file name (without .yaml): rotterdam-koplus, model-1-kot-oab, ... */
export const shippedPolicy = (name: string): Policy => load(`${SHIPPED}${name}.yaml`)
/** A golden-case policy variant in test/golden/policies/. */
export const goldenPolicy = (name: string): Policy => load(`${GOLDEN}${name}.yaml`)

// ---------------------------------------------------------------------------
// Events

type Times = { readonly recordedTime?: string }

/** Build and validate an event against the catalogue, so a typo in a case fails loudly. */
const event = <E extends DomainEvent>(e: E, validTime: string, t: Times = {}): EventEnvelope => {
  const built = buildEvent(e, { validTime, ...(t.recordedTime ? { recordedTime: t.recordedTime } : {}) })
  const decoded = decodeEvent(built)
  if (Result.isFailure(decoded)) throw new Error(decoded.failure.message)
  return decoded.success
}

export const PROVIDER = "PR-1"
export const LOCATION = "LOC-1"

export const groupOpened = (
  groupId: string,
  o: { design?: EventData<"group-opened">["design"]; capacity?: number; costPricePerHour?: string; validTime?: string } = {}
) =>
  event(
    {
      type: "group-opened",
      data: {
        groupId,
        providerId: PROVIDER,
        locationId: LOCATION,
        design: o.design ?? "regular",
        careType: "dagopvang",
        capacity: o.capacity ?? 11,
        staffing: { pedagogical: 2, hbo: 1 },
        ...(o.costPricePerHour ? { costPricePerHour: o.costPricePerHour } : {})
      }
    },
    o.validTime ?? "2025-01-01"
  )

export const kindplekAwarded = (groupId: string, awardId: string, year: number, places: number, pricePerPlace: string) =>
  event({ type: "kindplek-subsidy-awarded", data: { awardId, providerId: PROVIDER, groupId, year, places, pricePerPlace } }, `${year}-01-01`)

export const placementStarted = (
  childId: string,
  validTime: string,
  o: { groupId: string; daysPerWeek: number; hoursPerDay: number; hourlyPrice: string; placementId?: string; careType?: EventData<"placement-started">["careType"] },
  t: Times = {}
) =>
  event(
    {
      type: "placement-started",
      data: {
        placementId: o.placementId ?? `P-${childId}`,
        childId,
        providerId: PROVIDER,
        locationId: LOCATION,
        groupId: o.groupId,
        careType: o.careType ?? "dagopvang",
        daysPerWeek: o.daysPerWeek,
        hoursPerDay: o.hoursPerDay,
        hourlyPrice: o.hourlyPrice
      }
    },
    validTime,
    t
  )

export const placementChanged = (
  childId: string,
  validTime: string,
  change: Omit<EventData<"placement-changed">, "childId" | "placementId">,
  t: Times = {}
) => event({ type: "placement-changed", data: { placementId: `P-${childId}`, childId, ...change } }, validTime, t)

/** validTime = the LAST day of care (closed interval). */
export const placementEnded = (childId: string, lastDay: string, t: Times = {}, placementId = `P-${childId}`) =>
  event({ type: "placement-ended", data: { placementId, childId, outflow: "regular-ko" } }, lastDay, t)

export const kotStarted = (childId: string, validTime: string, householdIncome: string, childRank: "first" | "further" = "first", t: Times = {}) =>
  event({ type: "kot-entitlement-started", data: { childId, householdIncome, childRank } }, validTime, t)

export const kotChanged = (childId: string, validTime: string, change: { householdIncome?: string; childRank?: "first" | "further" }) =>
  event({ type: "kot-entitlement-changed", data: { childId, ...change } }, validTime)

/** validTime = the LAST entitled day. */
export const kotEnded = (childId: string, lastDay: string) => event({ type: "kot-entitlement-ended", data: { childId } }, lastDay)

export const indicationIssued = (
  childId: string,
  indicationId: string,
  kind: EventData<"indication-issued">["kind"],
  validTime: string,
  o: { validUntil?: string; maxDaysPerWeek?: number; maxHoursPerWeek?: number; householdIncome?: string } = {}
) => event({ type: "indication-issued", data: { indicationId, childId, kind, ...o } }, validTime)

/** The indication's new last valid day. */
export const indicationExtended = (childId: string, indicationId: string, validUntil: string, t: Times & { validTime: string }) =>
  event({ type: "indication-extended", data: { indicationId, childId, validUntil } }, t.validTime, t)

/** validTime = the indication's LAST valid day. */
export const indicationEnded = (childId: string, indicationId: string, lastDay: string, t: Times = {}) =>
  event({ type: "indication-ended", data: { indicationId, childId } }, lastDay, t)

export const waitingEntered = (childId: string, validTime: string, list: "jeugdhulp" | "plus-place" = "jeugdhulp") =>
  event({ type: "waiting-list-entered", data: { childId, list } }, validTime)

/** validTime = the LAST day on the list. */
export const waitingLeft = (childId: string, lastDay: string, t: Times = {}, list: "jeugdhulp" | "plus-place" = "jeugdhulp") =>
  event({ type: "waiting-list-left", data: { childId, list, reason: "care-started" } }, lastDay, t)

// ---------------------------------------------------------------------------
// Running a case and comparing it with the hand computation

export interface ChildExpectation {
  readonly child: string
  readonly month: string
  /** The child-month's cost in euros, computed by hand. */
  readonly cost: string
  /** Every stream that pays something, in euros; a stream not listed must not appear. */
  readonly streams: Readonly<Record<string, string>>
}

export interface GroupExpectation {
  readonly group: string
  readonly month: string
  readonly vacancy: string
  readonly surplus: string
  /** Occupied place-days / capacity place-days, exact (e.g. "0.525"). */
  readonly occupancyRate?: string
  readonly averageChildren?: string
  readonly flags?: number
}

export interface GoldenCase {
  readonly name: string
  readonly events: ReadonlyArray<EventEnvelope>
  readonly policy: Policy
  readonly months: ReadonlyArray<string>
  readonly params?: ParameterSet
  readonly children: ReadonlyArray<ChildExpectation>
  /** Children that must have NO line in a month (e.g. after the placement ended). */
  readonly absent?: ReadonlyArray<{ readonly child: string; readonly month: string }>
  readonly groups?: ReadonlyArray<GroupExpectation>
  /**
   * Set when the engine disagrees with the hand computation and the hand
   * computation was re-checked: the case then runs as `it.fails` and the
   * disagreement is reported to the lead. The expected values are NOT bent.
   */
  readonly engineDisagrees?: string
}

export const compute = (c: { events: ReadonlyArray<EventEnvelope>; policy: Policy; months: ReadonlyArray<string>; params?: ParameterSet }) =>
  computeLedger({ world: replay(c.events), params: c.params ?? params, policy: c.policy, months: c.months })

export const ledgerOf = (c: Parameters<typeof compute>[0]): Ledger => {
  const r = compute(c)
  if (Result.isFailure(r)) throw new Error((r.failure as MissingParameters).message)
  return r.success
}

const euros = (m: ReadonlyMap<string, bigint>): Record<string, string> =>
  Object.fromEntries([...m.entries()].filter(([, v]) => v !== 0n).map(([k, v]) => [k, centsToString(v)]))

export const checkCase = (c: GoldenCase): void => {
  const input = { world: replay(c.events), params: c.params ?? params, policy: c.policy, months: c.months }
  const ledger = ledgerOf(c)
  for (const e of c.children) {
    const cm = ledger.children.find((x) => x.childId === e.child && x.month === e.month)
    expect(cm, `${e.child} ${e.month} has a ledger line`).toBeDefined()
    expect({ cost: centsToString(cm!.costCents), streams: euros(cm!.streamCents) }, `${e.child} ${e.month}`).toEqual({
      cost: e.cost,
      streams: e.streams
    })
  }
  for (const a of c.absent ?? []) {
    expect(ledger.children.find((x) => x.childId === a.child && x.month === a.month), `${a.child} ${a.month} has no line`).toBeUndefined()
  }
  for (const g of c.groups ?? []) {
    const gm = ledger.groups.find((x) => x.groupId === g.group && x.month === g.month)
    expect(gm, `group ${g.group} ${g.month}`).toBeDefined()
    expect({ vacancy: centsToString(gm!.vacancyCents), surplus: centsToString(gm!.surplusCents) }, `group ${g.group} ${g.month}`).toEqual({
      vacancy: g.vacancy,
      surplus: g.surplus
    })
    if (g.occupancyRate !== undefined) expect(gm!.occupancy.rate.toString(), `occupancy of ${g.group}`).toBe(g.occupancyRate)
    if (g.averageChildren !== undefined) expect(gm!.occupancy.averageChildren.toString(), `average children of ${g.group}`).toBe(g.averageChildren)
    if (g.flags !== undefined) expect(gm!.flags, `flags of ${g.group}`).toHaveLength(g.flags)
  }
  // The golden cases are also lawful ledgers: none may break an invariant of DOMAIN.md.
  expect(checkInvariants(input, ledger)).toEqual([])
}

/** Register every case of a table: `it` when the engine agrees, `it.fails` where a disagreement is on record. */
export const goldenCases = (cases: ReadonlyArray<GoldenCase>): void => {
  for (const c of cases) {
    if (c.engineDisagrees !== undefined) it.fails(`${c.name} [engine disagrees: ${c.engineDisagrees}]`, () => checkCase(c))
    else it(c.name, () => checkCase(c))
  }
}
