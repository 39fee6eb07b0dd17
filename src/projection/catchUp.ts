/**
 * Bringing a ledger run up to date with events appended after its
 * checkpoint, re-evolving only the subjects they are about. Pure: the caller
 * reads events and hands them in, step by step.
 *
 * For every changed child (and every child of a changed group) the old
 * contribution, as the run holds it, is taken out and the new one put in;
 * both are computed the same way (./contribution.ts), so the result equals a
 * replay from scratch. A kindplek denominator changes only where a
 * group-month is, or becomes, over-full (src/domain/rules/allocations.ts):
 * the other children of such a group are recomputed too. The group-month
 * lines of every group touched are made again.
 *
 *   const c = new CatchUp(run, checkpoint, changedSubjects)
 *   c.swap(read(c.childrenOfChangedGroups))
 *   c.redoOthers(read(c.others))
 *   const report = c.settle()
 */
import type { RecordedEvent } from "../events"
import { AllocationsByCapacity, hasGroupMonth, overFull } from "../domain/rules/allocations"
import { allocateGroupMonth, type Occupied } from "../domain/rules/kindplek"
import type { Violation } from "../domain/ledger/types"
import { ExactSums } from "../domain/exactSums"
import { ZERO } from "../domain/money"
import { type ChildTimeline, childTimeline } from "../domain/timeline/periods"
import { type ChildState, emptyChild, evolveChild } from "../domain/timeline/state"
import { type ChildContribution, forEachGroupMonth } from "./contribution"
import { changedMonths, groupsIn } from "./monthView"
import { childIdDigest, foldChild, type GroupOccupancy, type LedgerRun, occupancyFrom, occupancyOf, placeDaysAt } from "./ledgerRun"
import { claimedSlot, type GroupMonthTotals, type GroupTotals, paidSlot } from "./ledgerState"

export interface ChangedSubject {
  readonly kind: "child" | "group" | "budget"
  readonly id: string
  /** All the subject's events up to the new head (as known on the run's asOf), in revision order. */
  readonly events: ReadonlyArray<RecordedEvent>
}

export interface CatchUpReport {
  /** Events applied (those after the checkpoint). */
  readonly events: number
  /** Children recomputed: changed ones, those of changed groups, those whose kindplek share moved. */
  readonly children: number
  /** Groups whose state changed (their lines were made again; they are the ones to write). */
  readonly touchedGroups: ReadonlySet<string>
}

/** The group-months a contribution touches, by group (month indexes). */
type Touched = Map<string, Set<number>>
const ALL_MONTHS = -1

const touch = (into: Touched, groupId: string, monthIndex: number) => {
  let s = into.get(groupId)
  if (s === undefined) into.set(groupId, (s = new Set()))
  s.add(monthIndex)
}

const groupsOf = (c: ChildContribution | undefined, into: Touched) => {
  if (c !== undefined) forEachGroupMonth(c, (groupId, monthIndex) => touch(into, groupId, monthIndex))
}

/** A group's month totals as they were before the swap (copied). */
interface SavedGroup {
  readonly months: ReadonlyArray<GroupMonthTotals | undefined>
  /** (A group that had no totals: no month, so none of its sums is read.) */
  readonly kindplek: ExactSums
  readonly placeDays: ExactSums
}

const NO_SUMS = new ExactSums(0)

/** Some groups' month totals as they were before the swap, by group. */
type Saved = ReadonlyMap<string, SavedGroup>

const snapshot = (run: LedgerRun, groupIds: Iterable<string>): Saved => {
  const saved = new Map<string, SavedGroup>()
  for (const id of groupIds) {
    const g = run.state.groups.get(id)
    saved.set(id, { months: (g?.months ?? []).map((t) => (t === undefined ? undefined : { ...t })), kindplek: g?.kindplek.copy() ?? NO_SUMS, placeDays: g?.placeDays.copy() ?? NO_SUMS })
  }
  return saved
}

/** The occupancy of the saved groups as it was, of the others as it is. */
const occupancyBefore = (run: LedgerRun, saved: Saved): Occupied =>
  occupancyFrom(run.setup, (groupId) => saved.get(groupId) ?? run.state.groups.get(groupId))

/**
 * Whether a group-month's totals are what they were. A group-month line is made from the group, the
 * month and these totals alone (`LedgerRun.settle`: occupancy, headcount, children's claimed and paid
 * kindplek), so for an unchanged group its line and its violations stand when they are.
 */
const sameTotals = (before: SavedGroup, now: GroupTotals | undefined, i: number): boolean => {
  const a = before.months[i]
  const b = now?.months[i]
  if (a === undefined || b === undefined) return a === b
  return (
    a.openingDays === b.openingDays &&
    before.placeDays.same(i, now!.placeDays, i) &&
    before.kindplek.same(claimedSlot(i), now!.kindplek, claimedSlot(i)) &&
    before.kindplek.same(paidSlot(i), now!.kindplek, paidSlot(i))
  )
}

/** An affected child: its states before and after, and the months to recompute (undefined: all). */
interface Affected {
  readonly oldState: ChildState | undefined
  readonly newState: ChildState | undefined
  /** Set to undefined when the child turns out to need recomputing whole after all. */
  only: ReadonlySet<number> | undefined
  /** Its timeline now, where `only` was worked out from it. */
  readonly newTimeline: ChildTimeline | undefined
  /** Its violations as the run held them before the swap. */
  readonly heldViolations: ReadonlyArray<Violation>
}

/**
 * A child's new part with the held violations of its other months (they stand), in month order as a
 * whole child has them.
 */
const withKept = (c: ChildContribution, a: Affected, monthIndex: ReadonlyMap<string, number>): ChildContribution => {
  const only = a.only
  if (only === undefined) return c
  const order = (v: Violation) => (v.month === undefined ? -1 : monthIndex.get(v.month)!)
  const kept = a.heldViolations.filter((v) => v.month === undefined || !only.has(order(v)))
  return kept.length === 0 ? c : { ...c, violations: [...kept, ...c.violations].sort((x, y) => order(x) - order(y)) }
}

/**
 * A child's state as of the checkpoint and now. A stream's positions rise with its revisions, so the
 * events up to the checkpoint come first: the state now is folded on from the state then (a fold is
 * event by event), not again from the start.
 */
const statesOf = (id: string, events: ReadonlyArray<RecordedEvent>, checkpoint: bigint): { readonly oldState: ChildState | undefined; readonly newState: ChildState | undefined } => {
  let k = 0
  while (k < events.length && events[k]!.position <= checkpoint) k++
  const oldState = k === 0 ? undefined : foldChild(id, events.slice(0, k))
  let newState = oldState
  for (let i = k; i < events.length; i++) newState = evolveChild(newState ?? emptyChild(id), events[i]!)
  return { oldState, newState }
}

export class CatchUp {
  /** Children of changed groups that have no new events of their own: read them and pass them to `swap`. */
  readonly childrenOfChangedGroups: ReadonlyArray<string>
  /** After `swap`: children of group-months whose denominator moved; read them and pass them to `redoOthers`. */
  others: ReadonlyArray<string> = []
  private readonly touched: Touched = new Map()
  private readonly changedChildren: ReadonlyMap<string, ReadonlyArray<RecordedEvent>>
  private readonly events: number
  private recomputed = 0
  private before: Occupied | undefined
  /** The touched groups' totals as they were before the swap. */
  private saved: Saved = new Map()

  constructor(
    private readonly run: LedgerRun,
    private readonly checkpoint: bigint,
    private readonly changed: ReadonlyArray<ChangedSubject>
  ) {
    let events = 0
    for (const s of changed) {
      const fresh = s.events.filter((e) => e.position > checkpoint)
      events += fresh.length
      run.countEvents(fresh)
    }
    this.events = events
    this.changedChildren = new Map(changed.filter((s) => s.kind === "child").map((s) => [s.id, s.events]))
    const viaGroups = new Set<string>()
    for (const s of changed)
      if (s.kind === "group")
        for (const id of run.state.groups.get(s.id)?.children.keys() ?? []) if (!this.changedChildren.has(id)) viaGroups.add(id)
    this.childrenOfChangedGroups = [...viaGroups].sort()
  }

  /**
   * An affected child's states, and which of its months to recompute: for a child with new events of
   * its own, only the months whose view changed (./monthView.ts), unless it is placed in a changed
   * group; for a child of a changed group, every month.
   */
  private affectedChild(id: string, events: ReadonlyArray<RecordedEvent>, changedGroups: ReadonlySet<string>): Affected {
    const { run, checkpoint } = this
    const { setup } = run
    const { oldState, newState } = statesOf(id, events, checkpoint)
    const whole: Affected = { oldState, newState, only: undefined, newTimeline: undefined, heldViolations: run.state.childViolations.get(id) ?? [] }
    if (oldState === undefined || newState === undefined || !this.changedChildren.has(id)) return whole
    const tOld = childTimeline(oldState)
    const tNew = childTimeline(newState)
    if (changedGroups.size > 0 && [...groupsIn(tOld, setup.months), ...groupsIn(tNew, setup.months)].some((g) => changedGroups.has(g))) return whole
    const only = changedMonths(run.context(), setup.months, tOld, tNew)
    return only.size < setup.months.length ? { ...whole, only, newTimeline: tNew } : whole
  }

  /** Take the affected children's old contributions out and their new ones in. */
  swap(childrenOfChangedGroups: ReadonlyMap<string, ReadonlyArray<RecordedEvent>>): void {
    const { run, touched } = this
    const { setup } = run
    const affected = new Map(this.changedChildren)
    for (const [id, events] of childrenOfChangedGroups) affected.set(id, events)
    const changedGroups = new Set(this.changed.filter((s) => s.kind === "group").map((s) => s.id))
    // 0. The affected children's states, and which of their months to recompute.
    const children = new Map<string, Affected>()
    for (const [id, events] of affected) children.set(id, this.affectedChild(id, events, changedGroups))
    // 1. Old contributions, as the run holds them (its groups and its tally).
    const oldAllocations = run.tallied()
    const old = new Map<string, ChildContribution>()
    for (const [id, a] of children) {
      if (a.oldState === undefined) continue
      const c = run.contribution(a.oldState, oldAllocations, false, a.only)
      old.set(id, c)
      groupsOf(c, touched)
    }
    // 2. The groups and budget lines as they are now.
    for (const s of this.changed) {
      if (s.kind === "group") {
        run.groups.set(s.id, run.groupFrom(s.id, s.events))
        touch(touched, s.id, ALL_MONTHS)
      } else if (s.kind === "budget") run.budgetLines.set(s.id, run.budgetLineFrom(s.id, s.events))
    }
    run.groupsChanged(changedGroups)
    // 3. New contributions, with the capacity as every denominator (right unless over-full, see 5).
    const capacity = run.capacity()
    const fresh = new Map<string, ChildContribution>()
    for (const [id, a] of children) {
      if (a.newState === undefined) continue
      let c = run.contribution(a.newState, capacity, true, a.only)
      const o = old.get(id)
      // A part of a child is swapped only where the rest of it needs nothing of the part: the child is
      // served (has a month) before and after alike, and no cost price fell back (counted per child).
      if (a.only !== undefined && (o!.months.length > 0 !== c.months.length > 0 || o!.fallbackGroups.length > 0 || c.fallbackGroups.length > 0)) {
        a.only = undefined
        const full = run.contribution(a.oldState!, oldAllocations, false)
        old.set(id, full)
        groupsOf(full, touched)
        c = run.contribution(a.newState, capacity)
      }
      fresh.set(id, withKept(c, a, setup.monthIndex))
      groupsOf(c, touched)
    }
    // 4. Swap them, keeping the touched groups' occupancy from before.
    this.saved = snapshot(run, touched.keys())
    this.before = occupancyBefore(run, this.saved)
    // A child's id digest (a sha1) made once, for its old and new contribution alike.
    const digests = new Map<string, bigint>()
    const digestOf = (id: string) => {
      let d = digests.get(id)
      if (d === undefined) digests.set(id, (d = childIdDigest(id)))
      return d
    }
    for (const [id, c] of old) run.state.apply(c, -1, digestOf(id))
    for (const [id, c] of fresh) run.state.apply(c, 1, digestOf(id))
    this.recomputed = affected.size
    // 5. Over-full group-months now, and groups where a denominator moved.
    const infos = run.groupInfos()
    const now = occupancyOf(run.state)
    const overFullNow = new Set<string>()
    const moved = new Set<string>()
    const saved = this.saved
    const occupied = (g: GroupOccupancy | undefined, i: number) => placeDaysAt(g, i) ?? ZERO
    for (const [groupId, months] of touched) {
      const g = infos.get(groupId)
      if (g === undefined) continue
      // Only touched group-months can have moved: another's tally and the group are as they were.
      const all = months.has(ALL_MONTHS)
      setup.months.forEach((month, i) => {
        if (!all && !months.has(i)) return
        if (!hasGroupMonth(g, month, setup.subsidised)) return
        const a = allocateGroupMonth(g, month, now, setup.subsidised, false)
        if (a.subsidy.isZero()) return
        if (overFull(a)) overFullNow.add(`${groupId}|${i}`)
        // An allocation reads the tally's occupied place-days of its group-month alone: the same, the same denominator.
        if (occupied(saved.get(groupId), i).equals(occupied(run.state.groups.get(groupId), i))) return
        const b = allocateGroupMonth(g, month, this.before!, setup.subsidised, false)
        if (!a.denominator.equals(b.denominator)) moved.add(groupId)
      })
    }
    // Affected children in over-full group-months: their new share needs the full tally. A child
    // swapped in part whose other months are in a group where a denominator moved is swapped whole.
    const tallied = run.tallied()
    const beforeAllocations = new AllocationsByCapacity(infos, setup.months, setup.subsidised, this.before, false)
    const corrected = new Map<string, ReadonlyArray<readonly [ChildContribution, 1 | -1]>>()
    for (const [id, c] of fresh) {
      const a = children.get(id)!
      const only = a.only
      if (only !== undefined && [...groupsIn(a.newTimeline!, setup.months, (i) => !only.has(i))].some((g) => moved.has(g))) {
        const o = old.get(id)!
        corrected.set(id, [
          [c, -1],
          // Back to what the run held (the old part with the child's violations as they were), then whole.
          [{ ...o, violations: a.heldViolations }, 1],
          [run.contribution(a.oldState!, beforeAllocations, false), -1],
          [run.contribution(a.newState!, tallied), 1]
        ])
        continue
      }
      if (c.groupMonths.some((p) => overFullNow.has(`${p.groupId}|${p.monthIndex}`)))
        corrected.set(id, [[c, -1], [withKept(run.contribution(a.newState!, tallied, true, only), a, setup.monthIndex), 1]])
    }
    // Applied only once all are worked out: the tallied allocations read the tally as it stands.
    for (const [id, steps] of corrected) {
      const digest = digestOf(id)
      for (const [c, sign] of steps) {
        run.state.apply(c, sign, digest)
        groupsOf(c, touched)
      }
    }
    const others = new Set<string>()
    for (const groupId of moved) for (const id of run.state.groups.get(groupId)?.children.keys() ?? []) if (!affected.has(id)) others.add(id)
    this.others = [...others].sort()
  }

  /** Children whose share moved with a denominator (their events unchanged): old share out, new share in. */
  redoOthers(events: ReadonlyMap<string, ReadonlyArray<RecordedEvent>>): void {
    const { run } = this
    if (events.size === 0 || this.before === undefined) return
    const oldAllocations = new AllocationsByCapacity(run.groupInfos(), run.setup.months, run.setup.subsidised, this.before, false)
    const tallied = run.tallied()
    const swaps = [...events].map(([id, evs]) => {
      const state = foldChild(id, evs)
      return [id, run.contribution(state, oldAllocations, false), run.contribution(state, tallied)] as const
    })
    for (const [id, c, n] of swaps) {
      const digest = childIdDigest(id)
      run.state.apply(c, -1, digest)
      run.state.apply(n, 1, digest)
      groupsOf(c, this.touched)
      groupsOf(n, this.touched)
    }
    this.recomputed += events.size
  }

  /**
   * Make the touched group-months' lines again: every month of a changed group; of another group the
   * touched months whose totals moved (a child taken out and put back with the same place-days and
   * kindplek, as when only its KOT changed, leaves the line as it was).
   */
  settle(): CatchUpReport {
    const months = new Map<string, ReadonlySet<number>>()
    const remade: Array<string> = []
    for (const [groupId, ms] of this.touched) {
      if (ms.has(ALL_MONTHS)) {
        remade.push(groupId)
        continue
      }
      const before = this.saved.get(groupId)
      const now = this.run.state.groups.get(groupId)
      // A group first touched after the snapshot has no totals from before: its touched months are made again.
      const moved = before === undefined ? ms : new Set([...ms].filter((i) => !sameTotals(before, now, i)))
      if (moved.size === 0) continue
      remade.push(groupId)
      months.set(groupId, moved)
    }
    this.run.settle(remade.sort(), months)
    return { events: this.events, children: this.recomputed, touchedGroups: new Set(this.touched.keys()) }
  }
}
