/**
 * Dated parameters with provenance (after OpenFisca's parameter tree, see
 * ../shared/ANCHORS.md): every value has the day it starts, the day it ends and
 * where it comes from. Values supplied by a scenario rather than shipped with
 * geldstroom are marked `assumption` and reported in every run's output.
 */
import { Data } from "effect"
import type { IsoDate } from "../calendar"

export interface DatedValue<T = unknown> {
  readonly value: T
  /** First day the value applies. */
  readonly validFrom: IsoDate
  /** Last day the value applies (inclusive). */
  readonly validUntil: IsoDate
  /** Seed file and section, law and article, or the public page it was read from. */
  readonly source: string
  /** True when the value is a scenario input rather than a published figure. */
  readonly assumption: boolean
}

export interface Parameter<T = unknown> {
  readonly path: string
  readonly description: string
  readonly unit: string
  readonly values: ReadonlyArray<DatedValue<T>>
}

/** All parameters of a run, by path (e.g. `kot.maximum-uurprijs.dagopvang`). */
export interface ParameterSet {
  readonly parameters: ReadonlyMap<string, Parameter>
}

/** A parameter value the rules need but nobody confirmed: the run stops and names it. */
export class MissingParameter extends Data.TaggedError("MissingParameter")<{
  readonly path: string
  /** What exactly is missing, e.g. "year 2025, income band 47,403–159,224, column first child". */
  readonly detail: string
  readonly day: IsoDate
}> {
  override get message(): string {
    return `missing parameter ${this.path} on ${this.day}: ${this.detail}. Supply it in the scenario's parameters (it will be reported as an assumption).`
  }
}

/** One row of a KOT percentage table: incomes up to `upTo` (inclusive; null = above the last edge). */
export interface KotTableRow {
  readonly upTo: string | null
  /** Percentage for the first child, null when not confirmed. */
  readonly first: string | null
  /** Percentage for each further child, null when not confirmed. */
  readonly further: string | null
}

export interface KotTable {
  readonly rows: ReadonlyArray<KotTableRow>
}
