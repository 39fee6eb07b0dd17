/**
 * The ledger: who pays what for each child-month, and the group-level lines.
 * Exact amounts (Dec) are kept beside the ledger's whole cents; the cents of a
 * child-month always sum to its rounded cost (DOMAIN.md invariant 1).
 */
import type { Dec } from "../money"
import type { Layer } from "../policy/types"
import type { Trace } from "./trace"

/** Days a line paid for, with the hours it paid on those days where that matters. */
export interface PaidSegment {
  readonly from: number
  readonly to: number
  /** Hours this line paid for in the segment (KOT, SMI), when the rule is per hour. */
  readonly hours?: Dec
  /** The hourly rate applied, when the rule is per hour. */
  readonly rate?: Dec
  /** The care type of the placement paid for, when the rule depends on it (KOT's maximum uurprijs). */
  readonly careType?: string
  /** Grounding period the payment relied on: the entitlement, indication (with its id), waiting spell or subsidy year. */
  readonly groundedBy?: { readonly kind: string; readonly from: number; readonly to: number; readonly id?: string }
}

export interface LedgerLine {
  readonly stream: string
  readonly layer: Layer
  readonly amount: Dec
  readonly segments: ReadonlyArray<PaidSegment>
  readonly trace: Trace
}

export interface ChildMonth {
  readonly childId: string
  /** YYYY-MM */
  readonly month: string
  readonly groups: ReadonlyArray<string>
  readonly providers: ReadonlyArray<string>
  readonly hours: Dec
  /** Hours of care per group, to attribute the child-month to groups (coverage per group). */
  readonly groupHours: ReadonlyMap<string, Dec>
  readonly cost: Dec
  readonly layers: Readonly<Record<Layer, Dec>>
  readonly lines: ReadonlyArray<LedgerLine>
  /** The ledger in whole cents: cost and each stream's amount. */
  readonly costCents: bigint
  readonly streamCents: ReadonlyMap<string, bigint>
}

export interface Occupancy {
  /** Kindplekken (awarded places) or, without an award, the group's capacity. */
  readonly places: number
  readonly basis: "awarded-places" | "capacity"
  readonly capacityPlaceDays: Dec
  readonly occupiedPlaceDays: Dec
  /** occupied / capacity */
  readonly rate: Dec
  /** Average number of children placed per opening day. */
  readonly averageChildren: Dec
  readonly openingDays: number
}

export interface GroupMonth {
  readonly groupId: string
  readonly providerId: string
  readonly locationId: string
  readonly design: string
  readonly month: string
  readonly occupancy: Occupancy
  /** Kindplek subsidy for the month: awarded places × price per place × days in month / days in year. */
  readonly subsidy: Dec
  /** Share of the subsidy allocated to children by occupied place-days. */
  readonly allocated: Dec
  /** Share of the subsidy paid for empty subsidised places (seed 004 §X): never hidden inside children. */
  readonly vacancy: Dec
  /** Allocated subsidy a child's plus layer could not absorb: a surplus, never a negative payment. */
  readonly surplus: Dec
  readonly vacancyCents: bigint
  readonly surplusCents: bigint
  readonly flags: ReadonlyArray<string>
  readonly trace: Trace
}

export interface Assumption {
  /** What was assumed, e.g. `policy.jeugdhulpExpertise.hourlyRate` or `kot.percentages`. */
  readonly path: string
  readonly value: string
  readonly source: string
  readonly reason: string
}

export interface Violation {
  /** 1-8: the invariant of DOMAIN.md that does not hold. */
  readonly invariant: number
  readonly name: string
  readonly subject: string
  readonly month: string | undefined
  readonly detail: string
}

export interface BudgetUse {
  readonly budgetLineId: string
  readonly label: string
  readonly year: number
  readonly streams: ReadonlyArray<string>
  readonly budget: Dec
  readonly used: Dec
  readonly usedCents: bigint
  readonly headroom: Dec
  readonly overrun: boolean
}

export interface Ledger {
  readonly months: ReadonlyArray<string>
  readonly streamOrder: ReadonlyArray<string>
  readonly children: ReadonlyArray<ChildMonth>
  readonly groups: ReadonlyArray<GroupMonth>
  readonly budgets: ReadonlyArray<BudgetUse>
  readonly assumptions: ReadonlyArray<Assumption>
}
