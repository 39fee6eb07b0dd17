/**
 * A population spec prepared for fast drawing: every share table turned into
 * a cumulative distribution once, so drawing a child costs a few comparisons.
 */
import type { z } from "zod"
import type { Outflow } from "../../events/fields"
import { type Categorical, categorical } from "./random"
import type { IncomeBand, PopulationSpec } from "./schema"

export type OutflowKind = z.infer<typeof Outflow>
export type Funding = "kot" | "smi" | "neither"

export interface AgeRange {
  /** Lowest age in the band, in years (included). */
  readonly from: number
  /** Highest age in the band, in years (excluded). */
  readonly to: number
}

export interface PreparedKind {
  readonly name: string
  readonly bouwsteenAdvice: number
  readonly jeugdhulpWaiting: number
  readonly outflow: Categorical<OutflowKind>
}

export interface PreparedPopulation {
  readonly spec: PopulationSpec
  readonly ages: Categorical<AgeRange>
  readonly kinds: Categorical<PreparedKind>
  readonly funding: Categorical<Funding>
  readonly kotIncome: Categorical<z.infer<typeof IncomeBand>>
  readonly smiIncome: Categorical<z.infer<typeof IncomeBand>>
  readonly days: Categorical<number>
  readonly hours: Categorical<number>
  readonly outflow: Categorical<OutflowKind>
  /** Whether the care type ends at the 4th birthday (dagopvang and peuteropvang are for 0-4). */
  readonly untilFour: boolean
  readonly source: string
}

const outflowOf = (shares: Partial<Record<OutflowKind, number>>): Categorical<OutflowKind> =>
  categorical(Object.entries(shares).map(([k, v]) => [k as OutflowKind, v as number] as const))

/** Keys sorted (as text, so "10" before "8"), so the order (and the draws) never depend on YAML key order. */
const sortedEntries = <V>(r: Record<string, V>): Array<[string, V]> =>
  Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

export const preparePopulation = (spec: PopulationSpec): PreparedPopulation => {
  const outflow = outflowOf(spec.outflow)
  const s = spec.supportNeeds
  return {
    spec,
    ages: categorical(
      sortedEntries(spec.ageBands).map(([band, share]) => {
        const [from, to] = band.split("-").map(Number) as [number, number]
        return [{ from, to }, share] as const
      })
    ),
    kinds: categorical(
      sortedEntries(s.kinds).map(([name, k]) => [
        {
          name,
          bouwsteenAdvice: k.bouwsteenAdvice ?? s.bouwsteenAdvice,
          jeugdhulpWaiting: k.jeugdhulpWaiting ?? s.jeugdhulpWaiting.share,
          outflow: k.outflow ? outflowOf(k.outflow) : outflow
        },
        k.share
      ] as const)
    ),
    funding: categorical<Funding>([
      ["kot", spec.funding.shares.kot],
      ["smi", spec.funding.shares.smi],
      ["neither", spec.funding.shares.neither]
    ]),
    kotIncome: categorical(spec.funding.kot.income.map((b) => [b, b.share] as const)),
    smiIncome: categorical(spec.funding.smi.income.map((b) => [b, b.share] as const)),
    days: categorical(sortedEntries(spec.daysPerWeek).map(([d, share]) => [Number(d), share] as const)),
    hours:
      typeof spec.hoursPerDay === "number"
        ? categorical([[spec.hoursPerDay, 1]])
        : categorical(sortedEntries(spec.hoursPerDay).map(([h, share]) => [Number(h), share] as const)),
    outflow,
    untilFour: spec.careType === "dagopvang" || spec.careType === "peuteropvang",
    source: `geldstroom population generator (seed ${spec.seed})`
  }
}
