/**
 * A replay that computes each child as soon as its events are in, keeping
 * only totals (./ledgerState.ts): what `computeLedger` computes, in bounded
 * memory. Pure: subjects (a group's, budget line's or child's events) go in,
 * in the order the store reads them (groups and budget lines first, then
 * children); nothing is read or written here.
 *
 * 1. Groups and budget lines are folded as they come.
 * 2. Each child is folded, measured, apportioned, rounded and checked
 *    (./contribution.ts) with the capacity as every kindplek denominator
 *    (src/domain/rules/allocations.ts), added to the totals and dropped.
 * 3. `settle` makes the group-month lines and checks them, and names the
 *    group-months that turned out over-full; the caller reads their children
 *    again (`childrenOf`) and `redoOverFull` recomputes them with the full tally
 *    and makes the lines of the groups they are in again.
 */
import { hash } from "node:crypto"
import type { EventEnvelope } from "../events"
import type { GroupMonth } from "../domain/ledger/types"
import { yearOf } from "../domain/calendar"
import { checkGroupMonth, checkGroupYear, violationList } from "../domain/invariants/check"
import { type Dec, ZERO } from "../domain/money"
import { AllocationsByCapacity, hasGroupMonth, overFull } from "../domain/rules/allocations"
import { collectAssumptions } from "../domain/rules/compute"
import { MissingCollector, type RuleContext } from "../domain/rules/context"
import { groupMonthLine } from "../domain/rules/groupMonth"
import { type GroupInfo, groupInfo } from "../domain/rules/groups"
import { allocateGroupMonth, type GroupAllocation, type Occupied, vacancyOf } from "../domain/rules/kindplek"
import type { BudgetLineState, ChildState, GroupState } from "../domain/timeline/state"
import { emptyChild, emptyGroup, evolveBudgetLine, evolveChild, evolveGroup, subjectOf } from "../domain/timeline/state"
import { eventHash } from "../scenario/run"
import { type ChildContribution, childContribution, forEachGroupMonth } from "./contribution"
import type { ExactSums } from "../domain/exactSums"
import { claimedSlot, DIGEST_MASK, type GroupMonthTotals, LedgerState, lineValues, paidSlot } from "./ledgerState"
import type { RunSetup } from "./setup"

/** A group-month whose children's place-days are over its capacity and that has a subsidy to share. */
const overFullSubsidised = (a: GroupAllocation): boolean => !a.subsidy.isZero() && overFull(a)

interface EventsOf<K extends "child" | "group" | "budget"> {
  readonly kind: K
  readonly id: string
  readonly events: ReadonlyArray<EventEnvelope>
}

/** A subject's events: a child's, a group's or a budget line's. */
export type SubjectEvents = EventsOf<"child"> | EventsOf<"group"> | EventsOf<"budget">

export interface LedgerRunOptions {
  /** Keep the events' digest (the run's fingerprint, as `runScenario` computes it). Default true. */
  readonly digest?: boolean
}

/** A child's id digest: children of two runs are the same set when count and digest agree. */
export const childIdDigest = (childId: string): bigint =>
  BigInt(`0x${hash("sha1", childId, "hex").slice(0, 16)}`) & DIGEST_MASK

export const foldChild = (childId: string, events: ReadonlyArray<EventEnvelope>): ChildState => {
  let s = emptyChild(childId)
  for (const e of events) s = evolveChild(s, e)
  return s
}

export const foldGroup = (groupId: string, events: ReadonlyArray<EventEnvelope>, from: GroupState = emptyGroup(groupId)): GroupState => {
  let s = from
  for (const e of events) s = evolveGroup(s, e)
  return s
}

export const foldBudgetLine = (id: string, events: ReadonlyArray<EventEnvelope>, from: BudgetLineState = { budgetLineId: id, set: [] }): BudgetLineState => {
  let s = from
  for (const e of events) s = evolveBudgetLine(s, e)
  return s
}

/** The state's occupied place-days and child opening days, as the kindplek allocation reads a tally. */
export const occupancyOf = (state: LedgerState): Occupied => occupancyFrom(state.setup, (groupId) => state.groups.get(groupId))

/** A group's month totals, as a tally reads them (a group's totals, or a copy of them as they were). */
export interface GroupOccupancy {
  readonly months: ReadonlyArray<GroupMonthTotals | undefined>
  readonly placeDays: ExactSums
}

/** A group-month's occupied place-days (undefined where no child was placed in it). */
export const placeDaysAt = (g: GroupOccupancy | undefined, monthIndex: number): Dec | undefined =>
  g?.months[monthIndex] === undefined ? undefined : g.placeDays.get(monthIndex)

/** A tally as the kindplek allocation reads it (by `${groupId}|${month}` key), from each group's month totals. */
export const occupancyFrom = (setup: RunSetup, groupAt: (groupId: string) => GroupOccupancy | undefined): Occupied => {
  const read = <A>(key: string, at: (g: GroupOccupancy | undefined, monthIndex: number) => A | undefined): A | undefined => {
    const cut = key.lastIndexOf("|")
    const i = setup.monthIndex.get(key.slice(cut + 1))
    return i === undefined ? undefined : at(groupAt(key.slice(0, cut)), i)
  }
  return {
    placeDays: { get: (key) => read(key, placeDaysAt) },
    openingDays: { get: (key) => read(key, (g, i) => g?.months[i]?.openingDays) }
  }
}

export class LedgerRun {
  readonly state: LedgerState
  readonly groups = new Map<string, GroupState>()
  readonly budgetLines = new Map<string, BudgetLineState>()
  readonly missing = new MissingCollector()
  /** Sum of the events' hashes modulo 2^256, DIGEST_MODULUS (see src/scenario/run.ts `fingerprintOf`). */
  digest = 0n
  events = 0
  private infos: Map<string, GroupInfo> | undefined
  private capacityAllocations: AllocationsByCapacity | undefined

  /** Budget lines and groups as the scenario's own events state them (the base the store's events add to). */
  private readonly extraBudgetLines = new Map<string, BudgetLineState>()
  private readonly extraGroups = new Map<string, GroupState>()

  constructor(
    readonly setup: RunSetup,
    private readonly options: LedgerRunOptions = {}
  ) {
    this.state = new LedgerState(setup)
    for (const e of setup.extraEvents) {
      const subject = subjectOf(e)
      if (subject.kind === "child") throw new Error("a run's extra events are about groups and budget lines only")
      this.addSubject({ kind: subject.kind, id: subject.id, events: [e] })
    }
    for (const [id, b] of this.budgetLines) this.extraBudgetLines.set(id, b)
    for (const [id, g] of this.groups) this.extraGroups.set(id, g)
  }

  /** A group's state from the store's events (on top of what the scenario states about it). */
  groupFrom(id: string, events: ReadonlyArray<EventEnvelope>): GroupState {
    return foldGroup(id, events, this.extraGroups.get(id))
  }

  /** A budget line's state from the store's events (on top of what the scenario states about it). */
  budgetLineFrom(id: string, events: ReadonlyArray<EventEnvelope>): BudgetLineState {
    return foldBudgetLine(id, events, this.extraBudgetLines.get(id))
  }

  /** The groups as the rules see them (worked out once the groups are in). */
  groupInfos(): ReadonlyMap<string, GroupInfo> {
    if (this.infos === undefined) {
      this.infos = new Map()
      for (const [id, g] of this.groups) {
        const info = groupInfo(g)
        if (info !== undefined) this.infos.set(id, info)
      }
    }
    return this.infos
  }

  /** Groups changed (these, or any): work out their infos again and forget allocations made from the old ones. */
  groupsChanged(ids?: Iterable<string>): void {
    this.capacityAllocations = undefined
    if (ids === undefined || this.infos === undefined) {
      this.infos = undefined
      return
    }
    for (const id of ids) {
      const g = this.groups.get(id)
      const info = g === undefined ? undefined : groupInfo(g)
      if (info === undefined) this.infos.delete(id)
      else this.infos.set(id, info)
    }
  }

  context(): RuleContext {
    return { params: this.setup.params, policy: this.setup.policy, groups: this.groupInfos(), missing: this.missing, traces: false }
  }

  /** Allocations with the capacity as every denominator (right unless a group-month is over-full). */
  capacity(): AllocationsByCapacity {
    this.capacityAllocations ??= new AllocationsByCapacity(this.groupInfos(), this.setup.months, this.setup.subsidised, undefined, false)
    return this.capacityAllocations
  }

  /**
   * Allocations with the state's full tally (over-full group-months divide by what is occupied). They
   * read the tally when first asked: work out every contribution before applying any.
   */
  tallied(): AllocationsByCapacity {
    return new AllocationsByCapacity(this.groupInfos(), this.setup.months, this.setup.subsidised, occupancyOf(this.state), false)
  }

  /** Back to no children's totals, events or digest (groups, budget lines and setup stay). */
  resetTotals(): void {
    this.state.clear()
    this.digest = 0n
    this.events = 0
  }

  countEvents(events: ReadonlyArray<EventEnvelope>, sign: 1 | -1 = 1): void {
    this.events += sign * events.length
    if (this.options.digest === false) return
    // The subject's hashes summed first, then reduced once: the same sum modulo 2^256.
    let d = 0n
    for (const e of events) d += eventHash(e)
    this.digest = BigInt.asUintN(256, sign === 1 ? this.digest + d : this.digest - d)
  }

  addSubject(s: SubjectEvents): void {
    this.countEvents(s.events)
    if (s.kind === "child") this.state.apply(this.contribution(foldChild(s.id, s.events), this.capacity()), 1, childIdDigest(s.id))
    else this.foldSubject(s)
  }

  /**
   * A group's or budget line's events folded in without being counted (no event count, no digest):
   * for a worker of a parallel replay, which folds them for its children to be placed in while the
   * caller counts them (./replayWorker.ts).
   */
  foldSubject(s: EventsOf<"group"> | EventsOf<"budget">): void {
    if (s.kind === "group") {
      this.groups.set(s.id, foldGroup(s.id, s.events, this.groups.get(s.id)))
      this.groupsChanged([s.id])
    } else this.budgetLines.set(s.id, foldBudgetLine(s.id, s.events, this.budgetLines.get(s.id)))
  }

  /** A child's contribution (`check: false` for one only to be taken out again; `only`: just these months). */
  contribution(state: ChildState, allocations: AllocationsByCapacity, check = true, only?: ReadonlySet<number>): ChildContribution {
    return childContribution(this.setup, this.context(), state, allocations, check, only)
  }

  /** Over-full, subsidised group-months as the state's tally makes them: `${groupId}|${monthIndex}` (settling finds them too). */
  overFullGroupMonths(groupIds: Iterable<string> = this.groupInfos().keys()): ReadonlySet<string> {
    const out = new Set<string>()
    const tally = occupancyOf(this.state)
    const infos = this.groupInfos()
    for (const groupId of groupIds) {
      const g = infos.get(groupId)
      if (!this.state.groups.has(groupId)) continue
      this.setup.months.forEach((_, i) => {
        const a = this.allocation(g, i, tally)
        if (a !== undefined && overFullSubsidised(a)) out.add(`${groupId}|${i}`)
      })
    }
    return out
  }

  /** Children of these group-months (`${groupId}|${monthIndex}`, as `settle` names the over-full ones). */
  childrenOf(groupMonths: Iterable<string>): ReadonlySet<string> {
    const out = new Set<string>()
    for (const key of groupMonths) {
      const groupId = key.slice(0, key.lastIndexOf("|"))
      for (const childId of this.state.groups.get(groupId)?.children.keys() ?? []) out.add(childId)
    }
    return out
  }

  /**
   * Recompute a child of an over-full group-month with the full tally. Adds to `touched` every group
   * its contribution is in, before and after: their lines are to be made again (`settle`), since a
   * share that moved in one group can move the plus layer's cap on the child's others.
   */
  private redoChild(childId: string, events: ReadonlyArray<EventEnvelope>, tallied: AllocationsByCapacity, touched: Set<string>): void {
    const state = foldChild(childId, events)
    const digest = childIdDigest(childId)
    // Both before either is applied: the tallied allocations read the state's tally as it stands.
    const before = this.contribution(state, this.capacity(), false)
    const after = this.contribution(state, tallied)
    this.state.apply(before, -1, digest)
    this.state.apply(after, 1, digest)
    for (const c of [before, after]) forEachGroupMonth(c, (groupId) => touched.add(groupId))
  }

  /**
   * The children of the over-full group-months `settle` found, recomputed with the full tally (their
   * events, all of them, by child), and the lines of every group they are in made again.
   */
  redoOverFull(children: ReadonlyMap<string, ReadonlyArray<EventEnvelope>>): void {
    if (children.size === 0) return
    const tallied = this.tallied()
    const touched = new Set<string>()
    for (const [id, events] of children) this.redoChild(id, events, tallied, touched)
    this.settle([...touched].sort())
  }

  /**
   * Make (or make again) the group-month lines of these groups, and check them: every month, or,
   * where `months` names a group, only those months (the others' lines stand). Gives the over-full,
   * subsidised group-months among those made (`${groupId}|${monthIndex}`): their children were
   * apportioned with the capacity as denominator and are to be redone (`redoOverFull`), their groups'
   * lines then made again. Finding them here makes each group-month's allocation once.
   */
  settle(groupIds: Iterable<string> = this.allGroupIds(), months?: ReadonlyMap<string, ReadonlySet<number>>): ReadonlySet<string> {
    const tally = occupancyOf(this.state)
    const infos = this.groupInfos()
    const overFullFound = new Set<string>()
    for (const groupId of groupIds) {
      const g = infos.get(groupId)
      const only = months?.get(groupId)
      const { violations, push } = violationList()
      // Violations of the months not made again stand; the yearly check is made again below.
      const kept = only === undefined ? [] : (this.state.groupViolations.get(groupId) ?? []).filter((v) => v.month !== undefined && !only.has(this.setup.monthIndex.get(v.month)!))
      this.setup.months.forEach((_, i) => {
        if (only !== undefined && !only.has(i)) return
        const a = this.allocation(g, i, tally)
        if (a === undefined) {
          this.state.setLine(groupId, i, undefined)
          return
        }
        const line = this.lineOf(groupId, i, a)
        this.state.setLine(groupId, i, lineValues(line))
        checkGroupMonth(line, push)
        if (overFullSubsidised(a)) overFullFound.add(`${groupId}|${i}`)
      })
      // 5. The subsidy of each year at most what was awarded, over all the year's lines.
      const perYear = new Map<number, Dec>()
      this.state.groups.get(groupId)?.lines.forEach((l, i) => {
        if (l === undefined) return
        const year = yearOf(this.setup.months[i]!)
        perYear.set(year, (perYear.get(year) ?? ZERO).plus(l.subsidy))
      })
      for (const [year, subsidy] of perYear) checkGroupYear(groupId, year, subsidy, g, push)
      const all = [...kept, ...violations]
      if (all.length > 0) this.state.groupViolations.set(groupId, all)
      else this.state.groupViolations.delete(groupId)
    }
    return overFullFound
  }

  /** A group-month's kindplek allocation from a tally (untraced), or undefined where the group has none that month. */
  private allocation(g: GroupInfo | undefined, monthIndex: number, tally: Occupied): GroupAllocation | undefined {
    const month = this.setup.months[monthIndex]!
    return g === undefined || !hasGroupMonth(g, month, this.setup.subsidised) ? undefined : allocateGroupMonth(g, month, tally, this.setup.subsidised, false)
  }

  /** A group-month's line from its allocation and the state's totals of the children's shares (untraced). */
  private lineOf(groupId: string, monthIndex: number, a: GroupAllocation): GroupMonth {
    const t = this.state.groups.get(groupId)
    return groupMonthLine(this.setup.policy, a, vacancyOf(a), t?.kindplek.get(claimedSlot(monthIndex)) ?? ZERO, t?.kindplek.get(paidSlot(monthIndex)) ?? ZERO, false)
  }

  /**
   * A group-month's line as the state's totals make it (untraced), or undefined where the group has
   * none: `settle` keeps its figures, a run's document shows it whole.
   */
  groupMonthLine(g: GroupInfo | undefined, groupId: string, monthIndex: number, tally: Occupied = occupancyOf(this.state)): GroupMonth | undefined {
    const a = this.allocation(g, monthIndex, tally)
    return a && this.lineOf(groupId, monthIndex, a)
  }

  /** Every group the run knows: with events, or with children placed in it. */
  allGroupIds(): ReadonlyArray<string> {
    return [...new Set([...this.groupInfos().keys(), ...this.state.groups.keys()])].sort()
  }

  /** Groups whose cost price fell back to the invoiced price, for the assumptions. */
  assumptions() {
    const fallback = new Set<string>()
    for (const [id, g] of this.state.groups) if (g.fallbacks > 0) fallback.add(id)
    return [...collectAssumptions(this.setup.params, this.setup.policy, fallback), ...this.setup.assumptions]
  }
}
