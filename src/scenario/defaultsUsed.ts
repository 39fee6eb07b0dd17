/**
 * The dated defaults a scenario takes from the data files (src/parameters/defaults/*.yaml)
 * because it leaves a field out, each with the days it is used on. A default used outside
 * the dates it applies on is refused: the scenario must give the value itself, as a run
 * stops on a parameter it has no value for (PARAMETERS.md: what is not public is a
 * scenario input).
 */
import { firstDayOfMonth, lastDayOfMonth } from "../domain/calendar"
import { Dec } from "../domain/money"
import type { Policy } from "../domain/policy/types"
import type { FileProblem } from "../io/yamlFile"
import { appliesThroughout, type DatedDefault, outOfDateProblem } from "../parameters/defaults"
import { POLICY_DEFAULTS } from "../policy/schema"
import { COST_DEFAULTS, type CostInputPath } from "./cost/schema"
import { DESIGN_DEFAULTS } from "./design/schema"
import type { ScenarioFile } from "./schema"

export interface DefaultUse {
  /** The field the default fills, e.g. `costModel.wages.pedagogical`. */
  readonly field: string
  readonly default: DatedDefault<unknown>
  /** The days it is used on (ISO dates, inclusive). */
  readonly from: string
  readonly to: string
  /** Where a value replacing it is given: the scenario, or the policy file. */
  readonly setIn: "scenario" | "policy"
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

const given = (raw: Record<string, unknown>, path: ReadonlyArray<string>): boolean => {
  let at: unknown = raw
  for (const key of path) {
    if (!isObject(at) || !(key in at) || at[key] === undefined) return false
    at = at[key]
  }
  return true
}

/**
 * The defaults the scenario uses: the design's on the days of its period, the cost model's on
 * 1 January of its year (when it reads the staff-child ratio), the policy's on the days of the
 * period. `raw` is the scenario as written (with what it extends): a field it gives is not a
 * default. The policy's are recognised by value and source, as the policy file is read elsewhere.
 */
export const defaultsUsed = (raw: Record<string, unknown>, spec: ScenarioFile, policy: Policy): ReadonlyArray<DefaultUse> => {
  const out: Array<DefaultUse> = []
  const from = firstDayOfMonth(spec.period.from)
  const to = lastDayOfMonth(spec.period.to)
  if (spec.design !== undefined && !given(raw, ["design", "hourlyPrice"]))
    out.push({ field: "design.hourlyPrice", default: DESIGN_DEFAULTS.get().hourlyPrice, from, to, setIn: "scenario" })
  if (spec.costModel !== undefined) {
    const day = `${spec.costModel.year}-01-01`
    for (const [path, d] of Object.entries(COST_DEFAULTS.get()) as Array<[CostInputPath, DatedDefault<unknown>]>)
      if (!given(raw, ["costModel", ...path.split(".")])) out.push({ field: `costModel.${path}`, default: d, from: day, to: day, setIn: "scenario" })
  }
  const weeks = POLICY_DEFAULTS.get().contractWeeksPerYear
  if (policy.contractWeeksPerYear.source === weeks.source && policy.contractWeeksPerYear.value.equals(new Dec(weeks.value)))
    out.push({ field: "contractWeeksPerYear", default: weeks, from, to, setIn: "policy" })
  return out
}

/** A problem for every default used outside the dates it applies on, at the scenario's (or its policy's) file and line. */
export const outOfDateDefaults = (
  uses: ReadonlyArray<DefaultUse>,
  where: { readonly scenario: string; readonly policy: string; readonly lineOf: (field: string) => number | undefined }
): Array<FileProblem> =>
  uses
    .filter((u) => !appliesThroughout(u.default, u.from, u.to))
    .map((u) => ({
      ...outOfDateProblem(u.field, u.default, u.from, u.to, u.setIn === "policy" ? `the policy ${where.policy}` : "the scenario"),
      file: u.setIn === "policy" ? where.policy : where.scenario,
      line: u.setIn === "policy" ? undefined : where.lineOf(u.field)
    }))
