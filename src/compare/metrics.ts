/**
 * The figures a finance analyst compares between scenarios (issue 4
 * "Compare"; PolicyEngine's breakdown by programme, ../shared/ANCHORS.md):
 * cost, per stream and per funder, per child and per child-hour, children
 * served and waiting, budget use, occupancy, and each group's cost coverage.
 * Computed in whole cents from a run's ledger here (`metricsOf`), and from a
 * ledger kept as totals in src/projection/metrics.ts; the pieces below that
 * both use (`groupCosts`, `groupCoverage`, `ratiosOf`) make them equal.
 */
import { monthInterval, type YearMonth } from "../domain/calendar"
import type { ChildMonth } from "../domain/ledger/types"
import { fundersOf } from "../domain/policy/funders"
import type { Funder } from "../domain/policy/types"
import { Dec, ZERO } from "../domain/money"
import { childTimeline } from "../domain/timeline/periods"
import type { RunResult } from "../scenario/run"

export interface GroupCoverage {
  readonly groupId: string
  readonly providerId: string
  readonly locationId: string
  readonly design: string
  /** Cost of the care given in the group over the period (children's cost). */
  readonly costCents: bigint
  /** What the provider carries itself (the provider stream). */
  readonly providerCents: bigint
  /** Kindplek subsidy for empty places and unabsorbed surplus: income not tied to a child. */
  readonly groupIncomeCents: bigint
  /** (cost − provider + group income) / cost */
  readonly coverage: Dec
  readonly occupancy: Dec
  readonly children: number
}

export interface ScenarioMetrics {
  readonly costCents: bigint
  readonly hours: Dec
  readonly streams: ReadonlyMap<string, bigint>
  readonly funders: ReadonlyMap<Funder, bigint>
  /** Kindplek money paid for empty places and surplus (outside children's cost; in `funders` under the kindplek stream's funder). */
  readonly groupLinesCents: bigint
  readonly childrenServed: number
  readonly childrenWaitingAtEnd: number
  readonly childrenEverWaiting: number
  readonly costPerChild: Dec
  readonly costPerChildHour: Dec
  readonly occupancy: Dec
  readonly groups: ReadonlyArray<GroupCoverage>
  readonly monthly: ReadonlyArray<{ readonly month: YearMonth; readonly funders: ReadonlyMap<Funder, bigint>; readonly costCents: bigint }>
  readonly budgets: RunResult["ledger"]["budgets"]
}

const add = <K>(m: Map<K, bigint>, k: K, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v)

/** The stream of what the provider carries itself, read for each group's coverage. */
const PROVIDER_STREAM = "provider"

/** A child-month's cost attributed to one of its groups by hours. */
export interface GroupCost {
  readonly groupId: string
  readonly costCents: bigint
  readonly providerCents: bigint
}

/** The cost of a child-month (and what the provider carries of it) split over its groups by hours, each part in whole cents. */
export const groupCosts = (c: ChildMonth): ReadonlyArray<GroupCost> => {
  const provider = c.streamCents.get(PROVIDER_STREAM) ?? 0n
  // One group: its share is h / h = 1 exactly, so the cents are the child-month's own.
  if (c.groupHours.size === 1) return [{ groupId: c.groupHours.keys().next().value!, costCents: c.costCents, providerCents: provider }]
  const entries = [...c.groupHours.entries()]
  return entries.map(([g, h]) => {
    const share = c.hours.isZero() ? new Dec(1).dividedBy(entries.length) : h.dividedBy(c.hours)
    return {
      groupId: g,
      costCents: BigInt(new Dec(c.costCents.toString()).times(share).toFixed(0)),
      providerCents: BigInt(new Dec(provider.toString()).times(share).toFixed(0))
    }
  })
}

/** The provider, location and design a group's record names ("?" where the run has no line of the group). */
interface GroupLabels {
  readonly providerId: string
  readonly locationId: string
  readonly design: string
}

/** A group's coverage record from its totals over the period: coverage (cost − provider + group income) / cost, occupancy occupied / capacity place-days. */
export const groupCoverage = (
  groupId: string,
  labels: GroupLabels | undefined,
  t: { readonly costCents: bigint; readonly providerCents: bigint; readonly groupIncomeCents: bigint; readonly occupied: Dec; readonly capacity: Dec; readonly children: number }
): GroupCoverage => ({
  groupId,
  providerId: labels?.providerId ?? "?",
  locationId: labels?.locationId ?? "?",
  design: labels?.design ?? "?",
  costCents: t.costCents,
  providerCents: t.providerCents,
  groupIncomeCents: t.groupIncomeCents,
  coverage: t.costCents === 0n ? ZERO : new Dec((t.costCents - t.providerCents + t.groupIncomeCents).toString()).dividedBy(t.costCents.toString()),
  occupancy: t.capacity.isZero() ? ZERO : t.occupied.dividedBy(t.capacity),
  children: t.children
})

/** Cost per child served and per child-hour (in euros), and occupancy (occupied over capacity place-days); 0 where there is nothing to divide by. */
export const ratiosOf = (
  costCents: bigint,
  served: number,
  hours: Dec,
  occupied: Dec,
  capacity: Dec
): Pick<ScenarioMetrics, "costPerChild" | "costPerChildHour" | "occupancy"> => {
  const cost = new Dec(costCents.toString()).dividedBy(100)
  return {
    costPerChild: served === 0 ? ZERO : cost.dividedBy(served),
    costPerChildHour: hours.isZero() ? ZERO : cost.dividedBy(hours),
    occupancy: capacity.isZero() ? ZERO : occupied.dividedBy(capacity)
  }
}

export const metricsOf = (r: RunResult): ScenarioMetrics => {
  const { ledger, scenario } = r
  const funderOf = fundersOf(scenario.policy)
  const streams = new Map<string, bigint>()
  const funders = new Map<Funder, bigint>()
  const monthly = new Map<YearMonth, { funders: Map<Funder, bigint>; costCents: bigint }>(ledger.months.map((m) => [m, { funders: new Map(), costCents: 0n }]))
  const served = new Set<string>()
  let costCents = 0n
  let hours = ZERO
  type G = { cost: bigint; provider: bigint; children: Set<string> }
  const perGroup = new Map<string, G>()
  for (const c of ledger.children) {
    served.add(c.childId)
    costCents += c.costCents
    hours = hours.plus(c.hours)
    const month = monthly.get(c.month)!
    month.costCents += c.costCents
    for (const [s, v] of c.streamCents) {
      add(streams, s, v)
      add(funders, funderOf.of(s), v)
      add(month.funders, funderOf.of(s), v)
    }
    // Attribute the child-month to its groups by hours.
    for (const gc of groupCosts(c)) {
      const gm = perGroup.get(gc.groupId) ?? { cost: 0n, provider: 0n, children: new Set() }
      gm.cost += gc.costCents
      gm.provider += gc.providerCents
      gm.children.add(c.childId)
      perGroup.set(gc.groupId, gm)
    }
  }
  let groupLinesCents = 0n
  const groupIncome = new Map<string, bigint>()
  const occ = new Map<string, { occupied: Dec; capacity: Dec }>()
  let occupied = ZERO
  let capacity = ZERO
  for (const g of ledger.groups) {
    const extra = g.vacancyCents + g.surplusCents
    groupLinesCents += extra
    add(groupIncome, g.groupId, extra)
    add(funders, funderOf.groupLines, extra)
    add(monthly.get(g.month)?.funders ?? new Map(), funderOf.groupLines, extra)
    const o = occ.get(g.groupId) ?? { occupied: ZERO, capacity: ZERO }
    o.occupied = o.occupied.plus(g.occupancy.occupiedPlaceDays)
    o.capacity = o.capacity.plus(g.occupancy.capacityPlaceDays)
    occ.set(g.groupId, o)
    occupied = occupied.plus(g.occupancy.occupiedPlaceDays)
    capacity = capacity.plus(g.occupancy.capacityPlaceDays)
  }
  const info = new Map(ledger.groups.map((g) => [g.groupId, g]))
  const groups: Array<GroupCoverage> = [...new Set([...perGroup.keys(), ...info.keys()])].sort().map((id) => {
    const gm = perGroup.get(id)
    const o = occ.get(id)
    return groupCoverage(id, info.get(id), {
      costCents: gm?.cost ?? 0n,
      providerCents: gm?.provider ?? 0n,
      groupIncomeCents: groupIncome.get(id) ?? 0n,
      occupied: o?.occupied ?? ZERO,
      capacity: o?.capacity ?? ZERO,
      children: gm?.children.size ?? 0
    })
  })
  // Children waiting for a plus place: at the end of the period, and at any time in it.
  const lastDay = monthInterval(ledger.months[ledger.months.length - 1]!).to
  const firstDay = monthInterval(ledger.months[0]!).from
  let waitingAtEnd = 0
  let everWaiting = 0
  for (const child of r.world.children.values()) {
    const w = childTimeline(child).waitingPlusPlace
    if (w.some((p) => p.from <= lastDay && p.to >= lastDay)) waitingAtEnd++
    if (w.some((p) => p.from <= lastDay && p.to >= firstDay)) everWaiting++
  }
  return {
    costCents,
    hours,
    streams,
    funders,
    groupLinesCents,
    childrenServed: served.size,
    childrenWaitingAtEnd: waitingAtEnd,
    childrenEverWaiting: everWaiting,
    ...ratiosOf(costCents, served.size, hours, occupied, capacity),
    groups,
    monthly: [...monthly.entries()].map(([month, v]) => ({ month, funders: v.funders, costCents: v.costCents })),
    budgets: ledger.budgets
  }
}

