/**
 * Test helpers for the property suites: the shipped parameters and policies,
 * and one call from events to a ledger (replay, compute) as src/scenario/run.ts
 * wires it, without I/O of events.
 */
import { fileURLToPath } from "node:url"
import { Result } from "effect"
import type { EventEnvelope } from "../../src/events"
import { monthsBetween, type YearMonth } from "../../src/domain/calendar"
import { checkInvariants } from "../../src/domain/invariants/check"
import { canonicalLedger } from "../../src/domain/ledger/canonical"
import type { Ledger, Violation } from "../../src/domain/ledger/types"
import type { ParameterSet } from "../../src/domain/parameters/types"
import type { Policy } from "../../src/domain/policy/types"
import { computeLedger, type MissingParameters } from "../../src/domain/rules/compute"
import { replay, type World } from "../../src/domain/timeline/world"
import { InvalidFile } from "../../src/io/yamlFile"
import { loadParameterTree } from "../../src/parameters/load"
import { loadPolicy } from "../../src/policy/load"

export const POLICY_IDS = [
  "rotterdam-koplus",
  "model-1-kot-oab",
  "model-2-kot-jeugdwet-above-maximum",
  "model-3-kot-yearly-subsidy",
  "model-4-kot-support-costs",
  "model-5-kot-direct-no-indication",
  "model-6-kot-direct-with-indication",
  "model-7-provider-regular-group",
  "model-8-provider-cross-subsidy",
  "model-9-regular-group-care-worker"
] as const
export type PolicyId = (typeof POLICY_IDS)[number]

const POLICIES_DIR = fileURLToPath(new URL("../../scenarios/policies/", import.meta.url))

const loaded = new Map<string, Policy>()
export const policy = (id: PolicyId): Policy => {
  let p = loaded.get(id)
  if (p === undefined) {
    const r = loadPolicy(`${POLICIES_DIR}${id}.yaml`)
    if (r instanceof InvalidFile) throw new Error(`policy ${id}: ${r.message}`)
    p = r
    loaded.set(id, p)
  }
  return p
}

let shipped: ParameterSet | undefined
export const params = (): ParameterSet => {
  if (shipped === undefined) {
    const r = loadParameterTree()
    if (r instanceof InvalidFile) throw new Error(`parameters: ${r.message}`)
    shipped = r
  }
  return shipped
}

export const yearMonths = (year: number): ReadonlyArray<YearMonth> => monthsBetween(`${year}-01`, `${year}-12`)

export interface Computed {
  readonly world: World
  readonly policy: Policy
  readonly ledger: Ledger
}

/** Compute a ledger from a world; throws when parameters are missing (2026 has none missing). */
export const ledgerOfWorld = (world: World, policyId: PolicyId, months: ReadonlyArray<YearMonth> = yearMonths(2026)): Computed => {
  const p = policy(policyId)
  const r = computeLedger({ world, params: params(), policy: p, months })
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return { world, policy: p, ledger: r.success }
}

export const ledgerOf = (events: Iterable<EventEnvelope>, policyId: PolicyId, months?: ReadonlyArray<YearMonth>): Computed =>
  ledgerOfWorld(replay(events), policyId, months)

export const computeResult = (
  events: Iterable<EventEnvelope>,
  policyId: PolicyId,
  months: ReadonlyArray<YearMonth>
): Result.Result<Ledger, MissingParameters> => computeLedger({ world: replay(events), params: params(), policy: policy(policyId), months })

export const violationsOf = (c: Computed): ReadonlyArray<Violation> =>
  checkInvariants({ world: c.world, params: params(), policy: c.policy }, c.ledger)

export const canonical = (c: Computed): string => canonicalLedger(c.ledger)

/** A short text of violations for failure messages. */
export const describeViolations = (vs: ReadonlyArray<Violation>): string =>
  vs.slice(0, 8).map((v) => `#${v.invariant} ${v.subject} ${v.month ?? ""}: ${v.detail}`).join("\n")
