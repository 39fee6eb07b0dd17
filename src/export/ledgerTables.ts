/**
 * The export's views of a run (docs/output-contracts.md "export"): child-months,
 * group-months, totals, budget lines, and an `about` table naming the run.
 * Pure: a RunResult in, tables out. Every amount is the ledger's whole cents.
 */
import { Dec, toCents, ZERO } from "../domain/money"
import type { ChildMonth, GroupMonth } from "../domain/ledger/types"
import { RULES_VERSION } from "../domain/rules/version"
import { groupLineTotalsOf, totalsOf } from "../output/runDocument"
import type { RunResult } from "../scenario/run"
import { type Cell, type Column, sumCents, type Table } from "./table"

const streamKey = (s: string) => `stream:${s}`

export const childMonthsTable = (r: RunResult): Table => {
  // Streams that pay anything in the ledger, in the policy's order: one money column each, totalled.
  const totalled = totalsOf(r.ledger.streamOrder, r.ledger.children)
  const streams = [...totalled.streams.keys()]
  const columns: Array<Column> = [
    { key: "child", header: "child", kind: "text" },
    { key: "month", header: "month", kind: "text" },
    { key: "groups", header: "groups", kind: "list" },
    { key: "providers", header: "providers", kind: "list" },
    { key: "hours", header: "hours", kind: "decimal" },
    { key: "cost", header: "cost", kind: "money" },
    ...streams.map((s): Column => ({ key: streamKey(s), header: s, kind: "money" }))
  ]
  const rows = r.ledger.children.map((c: ChildMonth) => ({
    child: c.childId,
    month: c.month,
    groups: c.groups,
    providers: c.providers,
    hours: c.hours,
    cost: c.costCents,
    ...Object.fromEntries(streams.map((s) => [streamKey(s), c.streamCents.get(s) ?? 0n]))
  }))
  const hours = r.ledger.children.reduce((acc, c) => acc.plus(c.hours), ZERO)
  const totals: Record<string, Cell> = { child: "total", hours, cost: totalled.cost }
  for (const [s, cents] of totalled.streams) totals[streamKey(s)] = cents
  return { name: "child-months", title: "Ledger per child-month", columns, rows, totals }
}

const rateOf = (occupied: Dec, capacity: Dec): Dec => (capacity.isZero() ? ZERO : occupied.dividedBy(capacity))

export const groupMonthsTable = (r: RunResult): Table => {
  const columns: ReadonlyArray<Column> = [
    { key: "group", header: "group", kind: "text" },
    { key: "provider", header: "provider", kind: "text" },
    { key: "location", header: "location", kind: "text" },
    { key: "design", header: "design", kind: "text" },
    { key: "month", header: "month", kind: "text" },
    { key: "places", header: "places", kind: "integer" },
    { key: "basis", header: "basis", kind: "text" },
    { key: "openingDays", header: "openingDays", kind: "integer" },
    { key: "occupiedPlaceDays", header: "occupiedPlaceDays", kind: "decimal" },
    { key: "capacityPlaceDays", header: "capacityPlaceDays", kind: "decimal" },
    { key: "occupancy", header: "occupancy", kind: "rate" },
    { key: "averageChildren", header: "averageChildren", kind: "decimal" },
    { key: "subsidy", header: "subsidy", kind: "money" },
    { key: "vacancy", header: "vacancy", kind: "money" },
    { key: "surplus", header: "surplus", kind: "money" },
    { key: "flags", header: "flags", kind: "list" }
  ]
  const rows = r.ledger.groups.map((g: GroupMonth) => ({
    group: g.groupId,
    provider: g.providerId,
    location: g.locationId,
    design: g.design,
    month: g.month,
    places: g.occupancy.places,
    basis: g.occupancy.basis,
    openingDays: g.occupancy.openingDays,
    occupiedPlaceDays: g.occupancy.occupiedPlaceDays,
    capacityPlaceDays: g.occupancy.capacityPlaceDays,
    occupancy: g.occupancy.rate,
    averageChildren: g.occupancy.averageChildren,
    subsidy: toCents(g.subsidy),
    vacancy: g.vacancyCents,
    surplus: g.surplusCents,
    flags: g.flags
  }))
  const occupied = r.ledger.groups.reduce((a, g) => a.plus(g.occupancy.occupiedPlaceDays), ZERO)
  const capacity = r.ledger.groups.reduce((a, g) => a.plus(g.occupancy.capacityPlaceDays), ZERO)
  const totals: Record<string, Cell> = {
    group: "total",
    occupiedPlaceDays: occupied,
    capacityPlaceDays: capacity,
    occupancy: rateOf(occupied, capacity),
    subsidy: sumCents(rows, "subsidy"),
    vacancy: sumCents(rows, "vacancy"),
    surplus: sumCents(rows, "surplus")
  }
  return { name: "group-months", title: "Groups per month: occupancy and kindplek subsidy", columns, rows, totals }
}

export const totalsTable = (r: RunResult): Table => {
  const { cost, streams } = totalsOf(r.ledger.streamOrder, r.ledger.children)
  const share = (cents: bigint) => (cost === 0n ? undefined : new Dec(cents.toString()).dividedBy(cost.toString()))
  const { vacancy, surplus } = groupLineTotalsOf(r.ledger.groups)
  return {
    name: "totals",
    title: "Totals over the period",
    columns: [
      { key: "item", header: "item", kind: "text" },
      { key: "amount", header: "amount", kind: "money" },
      { key: "share", header: "shareOfCost", kind: "rate" },
      { key: "note", header: "note", kind: "text" }
    ],
    rows: [
      ...[...streams].map(([s, v]) => ({ item: s, amount: v, share: share(v), note: "paid by this stream for children's care" })),
      { item: "cost", amount: cost, share: share(cost), note: "total cost of care: the sum of the streams above" },
      { item: "vacancy", amount: vacancy, note: "kindplek subsidy for empty places (group level, outside children)" },
      { item: "surplus", amount: surplus, note: "kindplek subsidy children's plus layers could not absorb (group level)" }
    ]
  }
}

export const budgetsTable = (r: RunResult): Table => ({
  name: "budgets",
  title: "Budget lines: used against budget",
  columns: [
    { key: "id", header: "budgetLine", kind: "text" },
    { key: "label", header: "label", kind: "text" },
    { key: "year", header: "year", kind: "integer" },
    { key: "streams", header: "streams", kind: "list" },
    { key: "budget", header: "budget", kind: "money" },
    { key: "used", header: "used", kind: "money" },
    { key: "headroom", header: "headroom", kind: "money" },
    { key: "overrun", header: "overrun", kind: "boolean" }
  ],
  rows: r.ledger.budgets.map((b) => {
    const budget = toCents(b.budget)
    return { id: b.budgetLineId, label: b.label, year: b.year, streams: b.streams, budget, used: b.usedCents, headroom: budget - b.usedCents, overrun: b.overrun }
  })
})

export const aboutTable = (r: RunResult): Table => {
  const s = r.scenario
  const rows: Array<[string, string]> = [
    ["scenario", s.spec.name],
    ["file", s.file],
    ["policy", s.policy.id],
    ["period", `${s.spec.period.from} to ${s.spec.period.to}`],
    ["asOf", s.spec.asOf ?? "latest (all recorded events)"],
    ["fingerprint", r.fingerprint],
    ["rulesVersion", RULES_VERSION],
    ["events", String(r.eventCount)],
    ["violations", String(r.violations.length)],
    ["money", "EUR; every amount is the ledger's, in whole cents"],
    ...r.ledger.assumptions.map((a): [string, string] => [`assumption ${a.path}`, `${a.value} (${a.source})`])
  ]
  return {
    name: "about",
    title: "About this export",
    columns: [
      { key: "key", header: "key", kind: "text" },
      { key: "value", header: "value", kind: "text" }
    ],
    rows: rows.map(([key, value]) => ({ key, value }))
  }
}

/** All export views, in the order files and sheets are written. */
export const exportTables = (r: RunResult): ReadonlyArray<Table> => [
  childMonthsTable(r),
  groupMonthsTable(r),
  totalsTable(r),
  budgetsTable(r),
  aboutTable(r)
]
