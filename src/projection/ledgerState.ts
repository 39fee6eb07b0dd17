/**
 * A ledger kept as totals: what a run at national scale holds instead of
 * every child-month. Children's contributions are added (and, when their
 * events change, taken out again) exactly: cents are integers, amounts are
 * exact sums (src/domain/money.ts `exactPlus`), counts are counts. So a
 * state built child by child in any order, or corrected child by child,
 * equals the state built from scratch.
 *
 * Per group it keeps what the group-level kindplek lines need (occupied
 * place-days, child opening days, the children's claimed and paid shares per
 * month), the cost attributed to the group, and which children it has (so a
 * change to the group can reach them).
 */
import type { GroupMonth, Violation } from "../domain/ledger/types"
import { ExactSums } from "../domain/exactSums"
import { Dec, exactMinus, exactPlus, ZERO } from "../domain/money"
import type { ChildContribution } from "./contribution"
import type { RunSetup } from "./setup"

/**
 * A group-month's child opening days as its children add up (its occupied place-days are summed in
 * `GroupTotals.placeDays`); there where a child was placed in the month.
 */
export interface GroupMonthTotals {
  openingDays: number
}

/** What a group-month's line added to the totals (see `lineValues`). */
export interface LineValues {
  readonly subsidy: Dec
  readonly vacancyCents: bigint
  readonly surplusCents: bigint
  readonly occupied: Dec
  readonly capacity: Dec
  readonly flags: number
}

export interface GroupTotals {
  readonly groupId: string
  /** By month index; undefined where no child was placed. */
  readonly months: Array<GroupMonthTotals | undefined>
  /**
   * The children's kindplek shares by month, claimed (slot `claimedSlot(i)`) and paid
   * (`paidSlot(i)`), summed exactly in place (src/domain/exactSums.ts): a national run keeps them for
   * half a million group-months and adds to them with every child-month.
   */
  readonly kindplek: ExactSums
  /** The occupied place-days by month (slot: the month index), summed exactly in place like the kindplek shares. */
  readonly placeDays: ExactSums
  /** The group-month lines, by month index; undefined where the group has no line. */
  readonly lines: Array<LineValues | undefined>
  costCents: bigint
  providerCents: bigint
  /** Children with months in the group, and how many. */
  readonly children: Map<string, number>
  /** Child-months whose cost price fell back to the invoiced price. */
  fallbacks: number
}

/** A stream's cents, and how many child-months had it (a stream a child-month has at 0 cents still shows). */
export interface StreamTotal {
  cents: bigint
  n: number
}

export interface MonthTotals {
  costCents: bigint
  readonly streams: Map<string, StreamTotal>
}

/** The slots of a group-month's claimed and paid kindplek in `GroupTotals.kindplek`. */
export const claimedSlot = (monthIndex: number): number => 2 * monthIndex
export const paidSlot = (monthIndex: number): number => 2 * monthIndex + 1

export const lineValues = (g: GroupMonth): LineValues => ({
  subsidy: g.subsidy,
  vacancyCents: g.vacancyCents,
  surplusCents: g.surplusCents,
  occupied: g.occupancy.occupiedPlaceDays,
  capacity: g.occupancy.capacityPlaceDays,
  flags: g.flags.length
})

const addTo = (m: Map<string, StreamTotal>, k: string, cents: bigint, sign: 1 | -1) => {
  const t = m.get(k)
  if (t === undefined) {
    m.set(k, { cents, n: sign })
    return
  }
  t.cents += cents
  t.n += sign
  if (t.n === 0) m.delete(k)
}

export class LedgerState {
  /** Children with events (every child stream the run saw). */
  children = 0
  childMonths = 0
  /** Children with at least one child-month. */
  served = 0
  waitingAtEnd = 0
  everWaiting = 0
  costCents = 0n
  hours: Dec = ZERO
  readonly streams = new Map<string, StreamTotal>()
  readonly monthly: ReadonlyArray<MonthTotals>
  readonly groups = new Map<string, GroupTotals>()
  /** Violations of children's months, by child; of group lines, by group. */
  readonly childViolations = new Map<string, ReadonlyArray<Violation>>()
  readonly groupViolations = new Map<string, ReadonlyArray<Violation>>()
  /** An order-independent digest of the children's ids (to tell whether two runs replay the same children). */
  childDigest = 0n

  constructor(readonly setup: RunSetup) {
    this.monthly = setup.months.map(() => ({ costCents: 0n, streams: new Map() }))
  }

  group(groupId: string): GroupTotals {
    let g = this.groups.get(groupId)
    if (g === undefined) {
      const n = this.setup.months.length
      g = {
        groupId,
        months: new Array(n).fill(undefined),
        kindplek: new ExactSums(2 * n),
        placeDays: new ExactSums(n),
        lines: new Array(n).fill(undefined),
        costCents: 0n,
        providerCents: 0n,
        children: new Map(),
        fallbacks: 0
      }
      this.groups.set(groupId, g)
    }
    return g
  }

  /** Add a child's contribution (sign 1) or take it out again (sign -1). */
  apply(c: ChildContribution, sign: 1 | -1, digest: bigint): void {
    const neg = sign === -1
    this.children += sign
    this.childDigest = (neg ? this.childDigest - digest : this.childDigest + digest) & DIGEST_MASK
    if (c.months.length > 0) this.served += sign
    if (c.waitingAtEnd) this.waitingAtEnd += sign
    if (c.everWaiting) this.everWaiting += sign
    this.childMonths += sign * c.months.length
    const plus = sign === 1 ? exactPlus : exactMinus
    // The child's group-months by group (how many), and its hours summed exactly before they meet the total.
    let touched: Map<string, number> | undefined
    let hours: Dec = ZERO
    for (const m of c.months) {
      const cost = neg ? -m.costCents : m.costCents
      this.costCents += cost
      hours = exactPlus(hours, m.hours)
      const month = this.monthly[m.monthIndex]!
      month.costCents += cost
      // (forEach: no entry pair made per stream, as iterating the map's entries makes.)
      m.streamCents.forEach((cents, stream) => {
        const v = neg ? -cents : cents
        addTo(this.streams, stream, v, sign)
        addTo(month.streams, stream, v, sign)
      })
      for (const gc of m.groups) {
        const g = this.group(gc.groupId)
        g.costCents += neg ? -gc.costCents : gc.costCents
        g.providerCents += neg ? -gc.providerCents : gc.providerCents
        touched ??= new Map()
        touched.set(gc.groupId, (touched.get(gc.groupId) ?? 0) + 1)
      }
    }
    this.hours = plus(this.hours, hours)
    if (touched !== undefined)
      for (const [groupId, n] of touched) {
        const g = this.group(groupId)
        const next = (g.children.get(c.childId) ?? 0) + sign * n
        if (next === 0) g.children.delete(c.childId)
        else g.children.set(c.childId, next)
      }
    for (const p of c.groupMonths) {
      const g = this.group(p.groupId)
      const t = g.months[p.monthIndex] ?? (g.months[p.monthIndex] = { openingDays: 0 })
      g.placeDays.add(p.monthIndex, p.placeDays, sign)
      t.openingDays += sign * p.openingDays
      g.kindplek.add(claimedSlot(p.monthIndex), p.claimed, sign)
      g.kindplek.add(paidSlot(p.monthIndex), p.paid, sign)
    }
    for (const groupId of c.fallbackGroups) this.group(groupId).fallbacks += sign
    if (sign === 1 && c.violations.length > 0) this.childViolations.set(c.childId, c.violations)
    if (sign === -1) this.childViolations.delete(c.childId)
  }

  /** Back to no children (the setup stays): a share of a parallel replay after it has sent its totals so far (./parallelReplay.ts). */
  clear(): void {
    this.children = 0
    this.childMonths = 0
    this.served = 0
    this.waitingAtEnd = 0
    this.everWaiting = 0
    this.costCents = 0n
    this.hours = ZERO
    this.streams.clear()
    for (const m of this.monthly) {
      m.costCents = 0n
      m.streams.clear()
    }
    this.groups.clear()
    this.childViolations.clear()
    this.groupViolations.clear()
    this.childDigest = 0n
  }

  /** Set a group-month's line (undefined: the group-month has none). */
  setLine(groupId: string, monthIndex: number, line: LineValues | undefined): void {
    if (line === undefined && !this.groups.has(groupId)) return
    this.group(groupId).lines[monthIndex] = line
  }

  violations(): ReadonlyArray<Violation> {
    return [...[...this.childViolations.values()].flat(), ...[...this.groupViolations.values()].flat()]
  }

  violationCount(): number {
    let n = 0
    for (const v of this.childViolations.values()) n += v.length
    for (const v of this.groupViolations.values()) n += v.length
    return n
  }
}

export const DIGEST_MASK = (1n << 64n) - 1n
