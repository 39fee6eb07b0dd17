/**
 * Who bears each stream's money, by the policy's stream definitions
 * (src/parameters/nl/streams.yaml, DOMAIN.md "Funding streams"), for
 * comparisons per funder. The group-level kindplek lines (subsidy for empty
 * places and subsidy no child's plus layer absorbed, seed 004 §X) are borne
 * by the funder of the policy's kindplek stream: the municipality when the
 * policy names none.
 */
import type { Funder, Policy } from "./types"

export interface PolicyFunders {
  /** The funder of a stream; "overig" for a stream the policy does not define. */
  readonly of: (stream: string) => Funder
  /** The funder of the group-level kindplek lines (vacancy and surplus). */
  readonly groupLines: Funder
}

/** The stream of the policy's (first) kindplek payer on the plus layer; "kindplek" when it has none. */
export const kindplekStreamOf = (policy: Policy): string =>
  policy.layers.plus.payers.find((p) => p.kind === "kindplek")?.stream ?? "kindplek"

export const fundersOf = (policy: Policy): PolicyFunders => {
  const byStream = new Map(policy.streams.map((s) => [s.name, s.funder]))
  return { of: (stream) => byStream.get(stream) ?? "overig", groupLines: byStream.get(kindplekStreamOf(policy)) ?? "gemeente" }
}
