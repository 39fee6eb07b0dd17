/**
 * A municipality's funding policy, as data: which stream may pay which layer of
 * a child's cost, in what order, and on what terms. The nine funding models of
 * seed 000 §3.3 and Rotterdam's KOplus rules (seed 004) are all instances of
 * this shape (see scenarios/policies/). Validated by src/policy/schema.ts.
 */
import type { Dec } from "../money"

/**
 * The layers of a child's cost (DOMAIN.md "How the money flows", seed 000 §3.3,
 * seed 002 "Financiering"): the price of an ordinary place for the hours used,
 * everything above it, and the jeugdhulp expertise delivered on the group.
 */
export type Layer = "regular" | "plus" | "jeugdhulp"
export const LAYERS: ReadonlyArray<Layer> = ["regular", "plus", "jeugdhulp"]

/** Who ultimately bears a stream (for comparisons per funder), in the order comparisons list them. */
export const FUNDERS = ["rijk", "gemeente", "jeugdhulp", "onderwijs", "zorg", "ouders", "aanbieder", "overig"] as const
export type Funder = (typeof FUNDERS)[number]

export interface StreamDefinition {
  readonly name: string
  readonly funder: Funder
  readonly label: { readonly nl: string; readonly en: string }
  /** Jeugdwet money: may never pay the regular layer (DOMAIN.md invariant 3; Wko art. 1.1 lid 2). */
  readonly jeugdwet: boolean
  readonly description: string
  readonly source: string
}

/** A number in a policy, with where it comes from. `assumption` when it is not a public figure. */
export interface Sourced<T> {
  readonly value: T
  readonly source: string
  readonly assumption: boolean
}

export type IndicationKindName = "smi" | "smi-plus" | "ve" | "plus-advice" | "bouwsteen-advice" | "jeugdhulp"

export type PayerCondition =
  | { readonly kind: "always" }
  /** Pays only on days with one of these indications valid (seed 000 §3.3: "een indicatie is vereist"). */
  | { readonly kind: "indication"; readonly kinds: ReadonlyArray<IndicationKindName> }

export type PayerRule =
  /** Kinderopvangtoeslag (Besluit kinderopvangtoeslag art. 4, 6, 8a). */
  | { readonly kind: "kot"; readonly stream: string }
  /** Sociaal medische indicatie, in months without KOT entitlement (seed 002 "Financiering"). */
  | { readonly kind: "smi"; readonly stream: string }
  /** Municipal subsidy per awarded kindplek, allocated by occupied place-days (seed 004 §X). */
  | { readonly kind: "kindplek"; readonly stream: string }
  /** Overbruggingsgeld: a child with a jeugdhulp indication while on its waiting list (seed 004 §VII). */
  | { readonly kind: "overbrugging"; readonly stream: string; readonly maxPerMonth?: Sourced<Dec> }
  /** Bouwsteen Jeugdhulp: a child with intake advice and without a jeugdhulp indication (seed 004 §VII). */
  | { readonly kind: "bouwsteen"; readonly stream: string; readonly maxPerMonth?: Sourced<Dec> }
  /** A direct payment of a share of the layer, on a condition (seed 000 §3.3 models). */
  | {
      readonly kind: "direct"
      readonly stream: string
      readonly share: Sourced<Dec>
      readonly condition: PayerCondition
    }

export interface LayerPolicy {
  /** Payers in order: each pays what its rule allows of what is still uncovered. */
  readonly payers: ReadonlyArray<PayerRule>
  /** Who pays what no payer covers: the parent for the regular layer, usually the provider otherwise. */
  readonly residual: string
}

export type SmiOwnContribution =
  | { readonly kind: "none" }
  /** A fixed share of the indicated cost. */
  | { readonly kind: "share"; readonly share: Sourced<Dec> }
  /** A share, only when the household income is above a threshold (model C: 6 % above 150 % of the norm). */
  | { readonly kind: "share-above-threshold"; readonly share: Sourced<Dec>; readonly threshold: Sourced<Dec> }
  /** Full reimbursement up to a threshold; above it the KOT table percentage (model B). */
  | { readonly kind: "kot-table-above-threshold"; readonly threshold: Sourced<Dec> }
  /** An income table of own-contribution shares (model A; not public, a scenario input). */
  | {
      readonly kind: "income-table"
      readonly rows: ReadonlyArray<{ readonly upTo: Dec | null; readonly share: Dec }>
      readonly source: string
      readonly assumption: boolean
    }

/** The municipality's SMI model (PARAMETERS.md "Sociaal medische indicatie"). */
export interface SmiPolicy {
  readonly model: string
  readonly source: string
  /** Hourly price SMI pays at most: the KOT maximum uurprijs of the year, or the placement's price. */
  readonly priceCap: "maximum-uurprijs" | "none"
  readonly maxHoursPerMonth?: Sourced<Dec>
  /** Plain SMI pays at most this many months from the first day of the indication (Rotterdam: 9); SMI+ follows its indication. */
  readonly maxMonths?: Sourced<number>
  /** Placement days per week SMI+ pays at most (Rotterdam: 4, seed 004 §IX.4). */
  readonly smiPlusMaxDaysPerWeek?: Sourced<number>
  readonly ownContribution: SmiOwnContribution
}

export interface KindplekPolicy {
  /** Occupancy below this share is flagged (Rotterdam: 80 %, seed 004 §X). */
  readonly occupancyFloor: Sourced<Dec>
  /** Average children per week per group below this is flagged (Rotterdam: 5, seed 004 §III). */
  readonly minAverageChildren: Sourced<Dec>
}

/** The jeugdhulp expertise a child receives on the group, and what an hour of it costs. Not public. */
export interface JeugdhulpExpertise {
  readonly hoursPerWeek: Sourced<Dec>
  readonly hourlyRate: Sourced<Dec>
}

export interface CostPrices {
  /** Cost price per child-hour by group design, when a group has none of its own. */
  readonly byDesign: Readonly<Record<string, Sourced<Dec>>>
  /** Cost price per child-hour of named groups (for children with extra support needs). */
  readonly byGroup: Readonly<Record<string, Sourced<Dec>>>
  /** Cost price per child-hour of a child WITHOUT extra support needs in a named (inclusive) group. */
  readonly regularByGroup?: Readonly<Record<string, Sourced<Dec>>>
}

export interface Policy {
  readonly id: string
  readonly name: string
  readonly description: string
  /** Where the policy comes from, e.g. "seed 004 §IX-§X" or "seed 000 §3.3, model 5". */
  readonly source: string
  /**
   * What the regular layer is priced at: the placement's hourly price, or that price capped at the
   * KOT maximum uurprijs, with everything above it in the plus layer (seed 000 §3.3, model 2:
   * "Uitgangspunt is het maximum fiscale uurtarief").
   */
  readonly regularRate: "placement-price" | "maximum-uurprijs"
  /** Weeks of care a year under the contract: hours per month = hours per week × weeks / 12. */
  readonly contractWeeksPerYear: Sourced<Dec>
  readonly streams: ReadonlyArray<StreamDefinition>
  readonly layers: Readonly<Record<Layer, LayerPolicy>>
  readonly smi?: SmiPolicy
  readonly kindplek?: KindplekPolicy
  readonly jeugdhulpExpertise?: JeugdhulpExpertise
  readonly costPrices: CostPrices
}

export const streamOrder = (policy: Policy): ReadonlyArray<string> => policy.streams.map((s) => s.name)
