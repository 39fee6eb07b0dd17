/**
 * Which group-months have a kindplek allocation, and allocations worked out
 * when a child first needs them (seed 004 §X; ./kindplek.ts).
 *
 * A child's share of a group's subsidy is subsidy × its place-days ÷ the
 * denominator, and the denominator is max(capacity place-days, occupied
 * place-days). Until a group-month is over-full the denominator is its
 * capacity, known before any child is measured; so children can be
 * apportioned one at a time, as they stream by, with the capacity as the
 * denominator. Only a group-month whose children turn out to occupy more
 * place-days than it has needs the full tally first: its children are
 * apportioned again once the tally is known (`overFull`).
 */
import { monthInterval, type YearMonth, yearOf } from "../calendar"
import type { GroupInfo } from "./groups"
import { allocateGroupMonth, type AllocationLookup, type GroupAllocation, type Occupied } from "./kindplek"

/** Whether a group-month gets a line: the group is open in the month, or has an award that year under a kindplek policy. */
export const hasGroupMonth = (group: GroupInfo, month: YearMonth, subsidised: boolean): boolean => {
  const mi = monthInterval(month)
  const open = group.from <= mi.to && group.to >= mi.from
  return open || (subsidised && group.awards.some((a) => a.year === yearOf(month)))
}

const NOTHING_OCCUPIED: Occupied = { placeDays: new Map(), openingDays: new Map() }

/** Allocations kept at most by one AllocationsByCapacity. */
const ALLOCATIONS_KEPT = 100_000

/**
 * Allocations by group-month key, worked out from a tally when first asked for and kept (at most
 * ALLOCATIONS_KEPT of them: past that the kept ones are forgotten and worked out again when asked, so a
 * national run's memory stays bounded). With an empty tally (the default) every denominator is the
 * capacity: right for every group-month that is not over-full.
 */
export class AllocationsByCapacity implements AllocationLookup {
  /** By group, then month (no key text built per lookup: the rules ask for every piece of every child-month). */
  private made = new Map<string, Map<YearMonth, GroupAllocation | null>>()
  private size = 0
  private readonly monthSet: ReadonlySet<string>

  constructor(
    private readonly groups: ReadonlyMap<string, GroupInfo>,
    months: ReadonlyArray<YearMonth>,
    private readonly subsidised: boolean,
    private readonly tally: Occupied = NOTHING_OCCUPIED,
    private readonly traced = true
  ) {
    this.monthSet = new Set(months)
  }

  get(key: string): GroupAllocation | undefined {
    const cut = key.lastIndexOf("|")
    return this.at(key.slice(0, cut), key.slice(cut + 1))
  }

  at(groupId: string, month: YearMonth): GroupAllocation | undefined {
    let byMonth = this.made.get(groupId)
    const known = byMonth?.get(month)
    if (known !== undefined) return known ?? undefined
    const group = this.groups.get(groupId)
    const a =
      group !== undefined && this.monthSet.has(month) && hasGroupMonth(group, month, this.subsidised)
        ? allocateGroupMonth(group, month, this.tally, this.subsidised, this.traced)
        : null
    if (this.size >= ALLOCATIONS_KEPT) {
      this.made = new Map()
      this.size = 0
      byMonth = undefined
    }
    if (byMonth === undefined) this.made.set(groupId, (byMonth = new Map()))
    byMonth.set(month, a)
    this.size++
    return a ?? undefined
  }
}

/** Whether a group-month is over-full: its children occupy more place-days than its capacity. */
export const overFull = (a: GroupAllocation): boolean => a.occupiedPlaceDays.greaterThan(a.capacityPlaceDays)
