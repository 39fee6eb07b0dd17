/**
 * What every rule may read: parameters, the policy, the groups, and a
 * collector for parameters that are needed but missing (the run stops and
 * names them all at once).
 */
import { Result } from "effect"
import { fromDayNumber } from "../calendar"
import { Dec } from "../money"
import { decimalOn } from "../parameters/lookup"
import { kotPercentage, type KotPercentage } from "../parameters/kotTable"
import { KOT_HOURS_PATH, maximumUurprijsPath } from "../parameters/paths"
import { type DatedValue, MissingParameter, type ParameterSet } from "../parameters/types"
import type { Policy } from "../policy/types"
import type { GroupInfo } from "./groups"

export interface RuleContext {
  readonly params: ParameterSet
  readonly policy: Policy
  readonly groups: ReadonlyMap<string, GroupInfo>
  readonly missing: MissingCollector
  /**
   * Whether ledger lines carry their full trace (formula, parameter reads, events). Default true.
   * A run at national scale keeps only totals and turns them off (amounts are the same either
   * way); `explain` recomputes one child with them on.
   */
  readonly traces?: boolean
}

/** Whether the rules build traces in this context (see `RuleContext.traces`). */
export const tracing = (ctx: RuleContext): boolean => ctx.traces !== false

/** Collects missing parameters, once each, so a run reports all of them together. */
export class MissingCollector {
  private readonly seen = new Map<string, MissingParameter>()
  add(m: MissingParameter): void {
    const key = `${m.path}|${m.detail}`
    if (!this.seen.has(key)) this.seen.set(key, m)
  }
  get all(): ReadonlyArray<MissingParameter> {
    return [...this.seen.values()]
  }
  /** Forget what was found (a replay worker's next part starts afresh: src/projection/replayWorker.ts). */
  clear(): void {
    this.seen.clear()
  }
}

const orCollect = <A>(ctx: RuleContext, r: Result.Result<A, MissingParameter>): A | undefined => {
  if (r._tag === "Success") return r.success
  ctx.missing.add(r.failure)
  return undefined
}

/** The KOT maximum uurprijs for a care type on a day (see `maximumUurprijsPath`: peuteropvang is dagopvang, Wko art. 1.1). */
export const maximumUurprijs = (ctx: RuleContext, careType: string, day: number): DatedValue<Dec> | undefined =>
  orCollect(ctx, decimalOn(ctx.params, maximumUurprijsPath(careType), day))

/** The KOT hours cap per child per month on a day (Besluit kinderopvangtoeslag art. 8a lid 1 b; Staatsblad 2022, 386). */
export const maximumKotHours = (ctx: RuleContext, day: number): DatedValue<Dec> | undefined =>
  orCollect(ctx, decimalOn(ctx.params, KOT_HOURS_PATH, day))

/** The KOT percentage for an income and child rank on a day (Besluit kinderopvangtoeslag art. 6, bijlage I; ../parameters/kotTable.ts). */
export const kotPercentageOn = (
  ctx: RuleContext,
  day: number,
  income: Dec,
  rank: "first" | "further"
): KotPercentage | undefined => orCollect(ctx, kotPercentage(ctx.params, day, income, rank))

export const missingInput = (ctx: RuleContext, path: string, day: number, detail: string): undefined => {
  ctx.missing.add(new MissingParameter({ path, day: fromDayNumber(day), detail }))
  return undefined
}

