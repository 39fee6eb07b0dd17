/**
 * A ledger run's state as JSON text and back, exactly: cents and digests as
 * decimal strings, amounts as decimal.js strings (read back to the same
 * value), facts as they are. One text for the totals and one per group, so a
 * catch-up rewrites only the groups it touched.
 */
import type { Violation } from "../domain/ledger/types"
import { Dec, exactPlus } from "../domain/money"
import type { Fact } from "../domain/timeline/facts"
import type { BudgetLineState, GroupState } from "../domain/timeline/state"
import { claimedSlot, DIGEST_MASK, type GroupTotals, type LineValues, paidSlot, type StreamTotal } from "./ledgerState"
import type { LedgerRun } from "./ledgerRun"
import { Kept } from "../domain/keptTable"

type Streams = ReadonlyArray<readonly [string, string, number]>

const streamsOut = (m: ReadonlyMap<string, StreamTotal>): Streams => [...m].map(([s, t]) => [s, t.cents.toString(), t.n] as const)

export interface TotalsJson {
  readonly children: number
  readonly childMonths: number
  readonly served: number
  readonly waitingAtEnd: number
  readonly everWaiting: number
  readonly costCents: string
  readonly hours: string
  readonly streams: Streams
  readonly monthly: ReadonlyArray<readonly [string, Streams]>
  readonly childViolations: ReadonlyArray<readonly [string, ReadonlyArray<Violation>]>
  readonly childDigest: string
  readonly digest: string
  readonly events: number
  readonly budgetLines: ReadonlyArray<BudgetLineState>
}

export const totalsToJson = (run: LedgerRun): string => {
  const s = run.state
  const json: TotalsJson = {
    children: s.children,
    childMonths: s.childMonths,
    served: s.served,
    waitingAtEnd: s.waitingAtEnd,
    everWaiting: s.everWaiting,
    costCents: s.costCents.toString(),
    hours: s.hours.toString(),
    streams: streamsOut(s.streams),
    monthly: s.monthly.map((m) => [m.costCents.toString(), streamsOut(m.streams)] as const),
    childViolations: [...s.childViolations],
    childDigest: s.childDigest.toString(),
    digest: run.digest.toString(),
    events: run.events,
    budgetLines: [...run.budgetLines.values()]
  }
  return JSON.stringify(json)
}

/** A run's totals as the text gives them (the run's own, its counts and digests, start from nothing). */
export const totalsFromJson = (run: LedgerRun, text: string): void => {
  const j = JSON.parse(text) as TotalsJson
  run.resetTotals()
  absorbTotals(run, j)
  run.budgetLines.clear()
  for (const b of j.budgetLines) run.budgetLines.set(b.budgetLineId, b)
}

interface GroupFactsJson {
  readonly opened: GroupState["opened"]
  readonly closed: GroupState["closed"]
  readonly awards: ReadonlyArray<readonly [string, ReadonlyArray<Fact<unknown>>]>
}

interface GroupJson {
  readonly facts: GroupFactsJson | null
  readonly months: ReadonlyArray<readonly [number, string, number, string, string]>
  readonly lines: ReadonlyArray<readonly [number, string, string, string, string, string, number]>
  readonly costCents: string
  readonly providerCents: string
  readonly children: ReadonlyArray<readonly [string, number]>
  readonly fallbacks: number
  readonly violations: ReadonlyArray<Violation>
}

export const groupToJson = (run: LedgerRun, groupId: string): string | undefined => {
  const facts = run.groups.get(groupId)
  const g = run.state.groups.get(groupId)
  if (facts === undefined && g === undefined) return undefined
  return groupText(run, groupId, facts, g)
}

/**
 * A group's totals without its facts (`facts: null`): what a worker of a parallel replay sends of
 * the groups its children touched (./parallelReplay.ts), for `groupAbsorbJson`, which reads no facts.
 */
export const groupTotalsToJson = (run: LedgerRun, groupId: string): string => groupText(run, groupId, undefined, run.state.groups.get(groupId))

const groupText = (run: LedgerRun, groupId: string, facts: GroupState | undefined, g: GroupTotals | undefined): string => {
  const months: Array<readonly [number, string, number, string, string]> = []
  const lines: Array<readonly [number, string, string, string, string, string, number]> = []
  g?.months.forEach((t, i) => {
    if (t !== undefined) months.push([i, g.placeDays.text(i), t.openingDays, g.kindplek.text(claimedSlot(i)), g.kindplek.text(paidSlot(i))])
  })
  g?.lines.forEach((l, i) => {
    if (l !== undefined)
      lines.push([i, l.subsidy.toString(), l.vacancyCents.toString(), l.surplusCents.toString(), l.occupied.toString(), l.capacity.toString(), l.flags])
  })
  const json: GroupJson = {
    facts: facts === undefined ? null : { opened: facts.opened, closed: facts.closed, awards: [...facts.awards] },
    months,
    lines,
    costCents: (g?.costCents ?? 0n).toString(),
    providerCents: (g?.providerCents ?? 0n).toString(),
    children: g === undefined ? [] : [...g.children],
    fallbacks: g?.fallbacks ?? 0,
    violations: run.state.groupViolations.get(groupId) ?? []
  }
  return JSON.stringify(json)
}

/**
 * Decimals read back, shared by their text (a bounded table, src/domain/rules/kept.ts): a line's
 * subsidy, capacity and occupied place-days recur across groups and months. Decimals are immutable,
 * so sharing one is safe; a national projection loads in a third of the memory (docs/benchmarks.md,
 * fourth round). (A group-month's own sums are added into its exact sums in place, not kept.)
 */
const readBack = new Kept<string, Dec>()
const decimal = (text: string): Dec => readBack.get(text, () => new Dec(text))

/** Whether a group's text has totals (a group with facts only has none, and gets no totals entry). */
const hasTotals = (j: GroupJson): boolean =>
  j.months.length > 0 || j.lines.length > 0 || j.children.length > 0 || j.costCents !== "0" || j.providerCents !== "0" || j.fallbacks !== 0

/** A group as its text gives it, into a run just made (its totals added to none). */
export const groupFromJson = (run: LedgerRun, groupId: string, text: string): void => {
  const j = JSON.parse(text) as GroupJson
  if (j.facts !== null)
    run.groups.set(groupId, { groupId, opened: j.facts.opened, closed: j.facts.closed, awards: new Map(j.facts.awards) } as GroupState)
  if (hasTotals(j)) {
    const g = run.state.group(groupId)
    absorbGroup(g, j)
    for (const [i, subsidy, vacancyCents, surplusCents, occupied, capacity, flags] of j.lines) {
      const line: LineValues = {
        subsidy: decimal(subsidy),
        vacancyCents: BigInt(vacancyCents),
        surplusCents: BigInt(surplusCents),
        occupied: decimal(occupied),
        capacity: decimal(capacity),
        flags
      }
      g.lines[i] = line
    }
  }
  if (j.violations.length > 0) run.state.groupViolations.set(groupId, j.violations)
  run.groupsChanged()
}

const absorbStreams = (m: Map<string, StreamTotal>, rows: Streams) => {
  for (const [s, cents, n] of rows) {
    const t = m.get(s)
    if (t === undefined) m.set(s, { cents: BigInt(cents), n })
    else {
      t.cents += BigInt(cents)
      t.n += n
    }
  }
}

/** Add a run's totals text to `run`'s (onto a run reset to nothing: they become the text's). */
const absorbTotals = (run: LedgerRun, j: TotalsJson): void => {
  const s = run.state
  s.children += j.children
  s.childMonths += j.childMonths
  s.served += j.served
  s.waitingAtEnd += j.waitingAtEnd
  s.everWaiting += j.everWaiting
  s.costCents += BigInt(j.costCents)
  s.hours = exactPlus(s.hours, new Dec(j.hours))
  absorbStreams(s.streams, j.streams)
  j.monthly.forEach(([cost, streams], i) => {
    const m = s.monthly[i]!
    m.costCents += BigInt(cost)
    absorbStreams(m.streams, streams)
  })
  for (const [id, v] of j.childViolations) s.childViolations.set(id, v)
  s.childDigest = (s.childDigest + BigInt(j.childDigest)) & DIGEST_MASK
  run.digest = BigInt.asUintN(256, run.digest + BigInt(j.digest))
  run.events += j.events
}

/**
 * Add another run's children's totals (`totalsToJson` of a run over other children of the same
 * store and setup) to this run's: counts and cents added, hours added exactly, the digests added
 * (modulo 2^256 and 2^64, as they are kept). Its budget lines are left out: the reader of the
 * groups and budget lines keeps its own. See ./parallelReplay.ts.
 */
export const totalsAbsorbJson = (run: LedgerRun, text: string): void => absorbTotals(run, JSON.parse(text) as TotalsJson)

/** Add another run's totals of a group (`groupTotalsToJson` or `groupToJson`, facts not read; children's parts only, no lines yet) to this run's. */
export const groupAbsorbJson = (run: LedgerRun, groupId: string, text: string): void => {
  const j = JSON.parse(text) as GroupJson
  if (hasTotals(j)) absorbGroup(run.state.group(groupId), j)
}

/** Add a group text's children's totals to a group's (onto an empty group: they become the text's). */
const absorbGroup = (g: GroupTotals, j: GroupJson): void => {
  for (const [i, placeDays, openingDays, claimed, paid] of j.months) {
    const t = g.months[i]
    g.months[i] = { openingDays: (t?.openingDays ?? 0) + openingDays }
    // (Added into the group's exact sums, not kept: shared decimals would save nothing there.)
    g.placeDays.add(i, new Dec(placeDays), 1)
    g.kindplek.add(claimedSlot(i), new Dec(claimed), 1)
    g.kindplek.add(paidSlot(i), new Dec(paid), 1)
  }
  g.costCents += BigInt(j.costCents)
  g.providerCents += BigInt(j.providerCents)
  for (const [id, n] of j.children) g.children.set(id, n)
  g.fallbacks += j.fallbacks
}
