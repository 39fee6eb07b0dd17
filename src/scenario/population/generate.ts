/**
 * The population generator: a seeded, reproducible stream of DEMAND and
 * INDICATION events (placement-requested, kot-entitlement-started,
 * indication-issued, waiting-list-entered/-left for jeugdhulp) for the
 * children a scenario describes. It never places a child: that is the
 * provision design's job (../design).
 *
 * It streams: children are drawn one at a time and their few events yielded,
 * so a national population (a million children, ~6 million events) never
 * needs more than one child in memory. Event ids are buildEvent's content
 * ids, so the same spec and period give the same events with the same ids,
 * and appending them again to a store adds nothing.
 *
 * Who asks when: `children.atStart` children ask on the first day of the
 * period (they are in care already); then `children.inflowPerMonth` children
 * a month, each on a day of the month drawn uniformly. A fractional inflow
 * carries over (1.5 a month gives 1, 2, 1, 2, ...).
 */
import { dayNumber, daysInMonth, firstDayOfMonth, monthsBetween, type YearMonth } from "../../domain/calendar"
import type { EventEnvelope } from "../../events"
import { type ChildDraw, childEvents, drawChild } from "./child"
import { periodDays } from "./dates"
import { type PreparedPopulation, preparePopulation } from "./prepare"
import { mix32 } from "./random"
import type { PopulationSpec } from "./schema"

export interface Period {
  readonly from: YearMonth
  readonly to: YearMonth
}

/** A uniform number in [0, 1) for child `n`'s request day, independent of the child's own draws. */
const dayDraw = (seed: number, n: number): number => mix32(mix32((seed ^ 0x2545f491) >>> 0) ^ n) / 4294967296

/** How many children ask in month `m` (0-based) at `rate` a month, fractions carried over. */
const inflowIn = (rate: number, m: number): number => Math.floor((m + 1) * rate + 1e-9) - Math.floor(m * rate + 1e-9)

/** The number of children a spec generates over a period. */
export const populationSize = (spec: PopulationSpec, period: Period): number => {
  const months = monthsBetween(period.from, period.to).length
  return spec.children.atStart + Math.floor(months * spec.children.inflowPerMonth + 1e-9)
}

function* drawsOf(p: PreparedPopulation, period: Period): Generator<ChildDraw> {
  const spec = p.spec
  const { first } = periodDays(period)
  let n = 0
  for (let i = 0; i < spec.children.atStart; i++) yield drawChild(p, ++n, first, true)
  const months = monthsBetween(period.from, period.to)
  for (let m = 0; m < months.length; m++) {
    const month = months[m]!
    const start = dayNumber(firstDayOfMonth(month))
    const days = daysInMonth(month)
    const count = inflowIn(spec.children.inflowPerMonth, m)
    for (let k = 0; k < count; k++) {
      n++
      yield drawChild(p, n, start + Math.floor(dayDraw(spec.seed, n) * days), false)
    }
  }
}

/** The drawn children (attributes only, no events), in the order the generator yields them. */
export function* populationDraws(spec: PopulationSpec, period: Period): Generator<ChildDraw> {
  yield* drawsOf(preparePopulation(spec), period)
}

/**
 * The population's demand and indication events, child by child (each
 * child's events together and in valid-time order). No event falls after
 * the period's last day.
 */
export function* generatePopulation(spec: PopulationSpec, period: Period): Generator<EventEnvelope> {
  const p = preparePopulation(spec)
  const { last } = periodDays(period)
  for (const child of drawsOf(p, period)) yield* childEvents(p, child, last)
}
