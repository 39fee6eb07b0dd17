/**
 * The world: every subject's replayed state. `replay` folds events into it;
 * a World is also a snapshot: folding further events into it gives the same
 * world as replaying everything (facts are canonically ordered sets).
 *
 * The fold's maps are local accumulators: `foldEvent` returns a new World
 * value sharing untouched subjects, so callers never see mutation.
 */
import type { EventEnvelope } from "../../events"
import {
  type BudgetLineState,
  type ChildState,
  emptyChild,
  emptyGroup,
  evolveBudgetLine,
  evolveChild,
  evolveGroup,
  type GroupState,
  subjectOf
} from "./state"

export interface World {
  readonly children: ReadonlyMap<string, ChildState>
  readonly groups: ReadonlyMap<string, GroupState>
  readonly budgetLines: ReadonlyMap<string, BudgetLineState>
}

export const emptyWorld: World = { children: new Map(), groups: new Map(), budgetLines: new Map() }

/** A mutable builder for folding many events efficiently; `build()` hands out the result. */
export class WorldBuilder {
  private readonly children: Map<string, ChildState>
  private readonly groups: Map<string, GroupState>
  private readonly budgetLines: Map<string, BudgetLineState>

  constructor(from: World = emptyWorld) {
    this.children = new Map(from.children)
    this.groups = new Map(from.groups)
    this.budgetLines = new Map(from.budgetLines)
  }

  add(event: EventEnvelope): this {
    const subject = subjectOf(event)
    switch (subject.kind) {
      case "child":
        this.children.set(subject.id, evolveChild(this.children.get(subject.id) ?? emptyChild(subject.id), event))
        break
      case "group":
        this.groups.set(subject.id, evolveGroup(this.groups.get(subject.id) ?? emptyGroup(subject.id), event))
        break
      case "budget":
        this.budgetLines.set(
          subject.id,
          evolveBudgetLine(this.budgetLines.get(subject.id) ?? { budgetLineId: subject.id, set: [] }, event)
        )
        break
    }
    return this
  }

  build(): World {
    return { children: new Map(this.children), groups: new Map(this.groups), budgetLines: new Map(this.budgetLines) }
  }
}

export const replay = (events: Iterable<EventEnvelope>, from: World = emptyWorld): World => {
  const builder = new WorldBuilder(from)
  for (const e of events) builder.add(e)
  return builder.build()
}
