/**
 * What a streaming run needs to know before the first child: the policy,
 * parameters, period and their derived facts (stream order, which layer has
 * a kindplek payer, where the period starts and ends). Pure.
 */
import { monthInterval, type YearMonth } from "../domain/calendar"
import type { EventEnvelope } from "../events"
import type { Assumption } from "../domain/ledger/types"
import type { ParameterSet } from "../domain/parameters/types"
import type { Policy } from "../domain/policy/types"
import type { Rounding } from "../domain/rules/childMonth"
import { roundingOf } from "../domain/rules/compute"

export interface RunInputs {
  readonly params: ParameterSet
  readonly policy: Policy
  readonly months: ReadonlyArray<YearMonth>
  /** Replay as known on this instant (ISO 8601): events recorded later are left out. */
  readonly asOf?: string | undefined
  /** The scenario's own assumptions, beyond the policy's and the parameters' (reported with the run). */
  readonly assumptions?: ReadonlyArray<Assumption>
  /** Events the scenario itself states rather than the store (its budget lines), replayed first. */
  readonly extraEvents?: ReadonlyArray<EventEnvelope>
}

export interface RunSetup extends RunInputs {
  readonly rounding: Rounding
  /** Whether the plus layer has a kindplek payer (without one, awards pay nothing). */
  readonly subsidised: boolean
  readonly monthIndex: ReadonlyMap<YearMonth, number>
  readonly firstDay: number
  readonly lastDay: number
  /** The plus layer's kindplek streams: a budget line of one of them counts the group-level kindplek lines too. */
  readonly kindplekStreams: ReadonlySet<string>
  readonly assumptions: ReadonlyArray<Assumption>
  readonly extraEvents: ReadonlyArray<EventEnvelope>
}

export const runSetup = (inputs: RunInputs): RunSetup => {
  const { policy, months } = inputs
  if (months.length === 0) throw new Error("a run needs at least one month")
  const kindplekPayers = policy.layers.plus.payers.filter((p) => p.kind === "kindplek")
  return {
    ...inputs,
    assumptions: inputs.assumptions ?? [],
    extraEvents: inputs.extraEvents ?? [],
    rounding: roundingOf(policy),
    subsidised: kindplekPayers.length > 0,
    monthIndex: new Map(months.map((m, i) => [m, i])),
    firstDay: monthInterval(months[0]!).from,
    lastDay: monthInterval(months[months.length - 1]!).to,
    kindplekStreams: new Set(kindplekPayers.map((p) => p.stream))
  }
}
