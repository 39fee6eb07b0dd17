/**
 * The drill-down's data: municipality (a scenario's totals) → provider →
 * group → child → month. Group figures come from the comparison document;
 * a child's share of a group is attributed by hours exactly as the
 * comparison's group cost is (src/compare/metrics.ts), so the rows of a
 * level add up to the row chosen above it, to the cent.
 */
import type { ScenarioColumn } from "../compare/document"
import { groupCosts } from "../compare/metrics"
import type { ChildMonth } from "../domain/ledger/types"
import { Dec, toCents, ZERO } from "../domain/money"
import type { RunResult } from "../scenario/run"

export interface ProviderRow {
  readonly id: string
  readonly groups: number
  readonly children: number
  readonly costCents: bigint
}

export interface ChildRow {
  readonly id: string
  readonly months: number
  readonly hours: Dec
  /** The child's cost attributed to the group (by hours), in cents. */
  readonly costCents: bigint
}

export const cents = (amount: string): bigint => toCents(new Dec(amount))

const byGroup = new WeakMap<RunResult, ReadonlyMap<string, ReadonlyArray<ChildMonth>>>()

/** Child-months per group, indexed once per run. */
const childMonthsByGroup = (run: RunResult): ReadonlyMap<string, ReadonlyArray<ChildMonth>> => {
  const known = byGroup.get(run)
  if (known) return known
  const index = new Map<string, Array<ChildMonth>>()
  for (const c of run.ledger.children)
    for (const g of c.groupHours.keys()) {
      const list = index.get(g) ?? []
      list.push(c)
      index.set(g, list)
    }
  byGroup.set(run, index)
  return index
}

export const providersOf = (run: RunResult, column: ScenarioColumn): Array<ProviderRow> => {
  const out = new Map<string, { groups: number; children: Set<string>; costCents: bigint }>()
  for (const g of column.groups) {
    const p = out.get(g.provider) ?? { groups: 0, children: new Set<string>(), costCents: 0n }
    p.groups++
    p.costCents += cents(g.cost)
    for (const c of childMonthsByGroup(run).get(g.id) ?? []) p.children.add(c.childId)
    out.set(g.provider, p)
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, p]) => ({ id, groups: p.groups, children: p.children.size, costCents: p.costCents }))
}

export const groupsOf = (column: ScenarioColumn, provider: string): ScenarioColumn["groups"] => column.groups.filter((g) => g.provider === provider)

export const childrenOf = (run: RunResult, groupId: string): Array<ChildRow> => {
  const out = new Map<string, { months: number; hours: Dec; costCents: bigint }>()
  for (const c of childMonthsByGroup(run).get(groupId) ?? []) {
    const r = out.get(c.childId) ?? { months: 0, hours: ZERO, costCents: 0n }
    r.months++
    r.hours = r.hours.plus(c.groupHours.get(groupId) ?? ZERO)
    // Attributed by hours, as the comparison attributes it.
    r.costCents += groupCosts(c).find((g) => g.groupId === groupId)?.costCents ?? 0n
    out.set(c.childId, r)
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, r]) => ({ id, ...r }))
}

/** The months a child spent (partly) in a group, in order. */
export const monthsOf = (run: RunResult, groupId: string, childId: string): Array<ChildMonth> =>
  (childMonthsByGroup(run).get(groupId) ?? []).filter((c) => c.childId === childId).sort((a, b) => (a.month < b.month ? -1 : 1))

/** The ids of the events behind a child-month's lines. */
export const eventIdsOf = (c: ChildMonth): ReadonlySet<string> => new Set(c.lines.flatMap((l) => l.trace.events))


/** Each month's occupancy rate of a group, for a sparkline. */
export const occupancySeries = (run: RunResult, groupId: string): Array<number> =>
  run.ledger.groups.filter((g) => g.groupId === groupId).sort((a, b) => (a.month < b.month ? -1 : 1)).map((g) => Number(g.occupancy.rate))

export const groupFlags = (run: RunResult, groupId: string): Array<string> =>
  run.ledger.groups.filter((g) => g.groupId === groupId).flatMap((g) => g.flags.map((f) => `${g.month}: ${f}`))
