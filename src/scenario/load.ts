/**
 * Loading a scenario: validate the file (all problems at once, with lines),
 * follow `extends:`, load its policy, and layer its parameter overrides over
 * the shipped parameters (each override becomes a reported assumption).
 */
import { dirname, resolve } from "node:path"
import { monthsBetween, type YearMonth } from "../domain/calendar"
import { withOverrides } from "../domain/parameters/lookup"
import type { ParameterSet } from "../domain/parameters/types"
import type { Policy } from "../domain/policy/types"
import { type ExtendsRules, readExtendsChain } from "../io/extendsChain"
import { InvalidFile, type FileProblem, lineOf, type ParsedYaml, zodProblems } from "../io/yamlFile"
import { loadParameterTree, valueSchemaFor } from "../parameters/load"
import { loadPolicy } from "../policy/load"
import { type ScenarioFile, ScenarioSchema } from "./schema"
import type { Assumption } from "../domain/ledger/types"
import { Dec, ZERO } from "../domain/money"
import { costModel, type CostModelResult } from "./cost/model"
import { COST_DEFAULTS } from "./cost/schema"
import { type DefaultUse, defaultsUsed, outOfDateDefaults } from "./defaultsUsed"
import { designGroups } from "./design/groups"
import { DESIGN_DEFAULTS, type DesignSpec } from "./design/schema"
import { scenarioStore } from "../store/select"

export interface LoadedScenario {
  readonly file: string
  readonly dir: string
  readonly spec: ScenarioFile
  /** The scenario's own text and those it extends, for the fingerprint. */
  readonly texts: ReadonlyArray<string>
  readonly policy: Policy
  readonly policyFile: string
  readonly params: ParameterSet
  readonly months: ReadonlyArray<YearMonth>
  /** The design, with a kindplek price "cost-model" resolved per group (`kindplek.pricePerGroup`) to the cost model's figures. */
  readonly design: DesignSpec | undefined
  /** The cost model's result, when the scenario has one. */
  readonly cost: CostModelResult | undefined
  /** Inputs that are not confirmed public figures, beyond the policy's and the parameters'. */
  readonly assumptions: ReadonlyArray<Assumption>
}

/** The scenario's "as known on" instant (`asOf`) as a canonical ISO instant, if it has one. */
export const asOfInstant = (s: LoadedScenario): string | undefined =>
  s.spec.asOf === undefined ? undefined : new Date(s.spec.asOf).toISOString()

/** Paths inside a scenario are relative to the file that names them; rebase them before merging. */
const rebase = (raw: Record<string, unknown>, file: string): Record<string, unknown> => {
  const fromDir = dirname(file)
  const out = { ...raw }
  if (typeof out.policy === "string") out.policy = resolve(fromDir, out.policy)
  const ev = out.events as Record<string, unknown> | undefined
  if (ev && typeof ev.file === "string") out.events = { ...ev, file: resolve(fromDir, ev.file) }
  if (ev && typeof ev.store === "string") out.events = { ...ev, store: scenarioStore(ev.store, fromDir) }
  return out
}

/** `extends:` (src/io/extendsChain.ts): a scenario's name and description are its own; its paths are rebased first. */
export const SCENARIO_EXTENDS: ExtendsRules = { own: ["name", "description"], prepare: rebase }

/** A scenario file's raw value with what it extends merged in, and its texts (the one extended last first) for the fingerprint. */
export const readScenarioRaw = (
  file: string,
  problems: Array<FileProblem>
): { raw: Record<string, unknown>; texts: Array<string>; parsed: ParsedYaml | InvalidFile } => {
  const chain = readExtendsChain(file, SCENARIO_EXTENDS)
  problems.push(...chain.problems)
  const raw = chain.raw !== null && typeof chain.raw === "object" && !Array.isArray(chain.raw) ? (chain.raw as Record<string, unknown>) : {}
  return { raw, texts: chain.files.map((f) => f.text), parsed: chain.parsed }
}

export const loadScenario = (fileArg: string): LoadedScenario | InvalidFile => {
  const file = resolve(fileArg)
  const problems: Array<FileProblem> = []
  const { raw, texts, parsed } = readScenarioRaw(file, problems)
  if (parsed instanceof InvalidFile || problems.length > 0) return new InvalidFile({ file: fileArg, problems })
  // The defaults a scenario may leave out (src/parameters/defaults/*.yaml), checked before they fill it.
  const defaults = [DESIGN_DEFAULTS.load(), COST_DEFAULTS.load()].filter((d): d is InvalidFile => d instanceof InvalidFile)
  if (defaults.length > 0) return new InvalidFile({ file: fileArg, problems: defaults.flatMap((e) => e.problems) })
  const result = ScenarioSchema.safeParse(raw)
  if (!result.success) return new InvalidFile({ file: fileArg, problems: zodProblems(parsed, result.error) })
  const spec = result.data
  spec.parameters.forEach((o, i) => {
    const checked = valueSchemaFor(o.path).safeParse(o.value)
    if (!checked.success) problems.push(...zodProblems(parsed, checked.error, ["parameters", i, "value"]))
  })
  if (problems.length > 0) return new InvalidFile({ file: fileArg, problems })
  const policyFile = resolve(dirname(file), spec.policy)
  const policy = loadPolicy(policyFile)
  const shipped = loadParameterTree()
  const errors = [policy, shipped].filter((x): x is InvalidFile => x instanceof InvalidFile)
  if (errors.length > 0) return new InvalidFile({ file: fileArg, problems: errors.flatMap((e) => e.problems) })
  const uses = defaultsUsed(raw, spec, policy as Policy)
  const outOfDate = outOfDateDefaults(uses, { scenario: fileArg, policy: policyFile, lineOf: (field) => lineOf(parsed, field.split(".")) })
  if (outOfDate.length > 0) return new InvalidFile({ file: fileArg, problems: outOfDate })
  const params = withOverrides(
    shipped as ParameterSet,
    spec.parameters.map((o) => ({
      path: o.path,
      value: { value: o.value, validFrom: o.validFrom, validUntil: o.validUntil, source: `${o.source} (scenario ${fileArg})`, assumption: o.assumption ?? true }
    }))
  )
  const priced = priceDesign(spec, policy as Policy, params, uses)
  return {
    file,
    dir: dirname(file),
    spec,
    texts,
    policy: priced.policy,
    policyFile,
    params,
    months: monthsBetween(spec.period.from, spec.period.to),
    design: priced.design,
    cost: priced.cost,
    assumptions: [...priced.assumptions, ...populationAssumptions(spec)]
  }
}

/**
 * A generated population is an assumption as a whole: its children are drawn, not observed, from
 * shares, income bands, contracts and stays that are the scenario's or the generator's defaults
 * (docs/population-generator.md). Listed once, with what sizes it.
 */
const populationAssumptions = (spec: ScenarioFile): ReadonlyArray<Assumption> => {
  const p = spec.population
  if (p === undefined) return []
  return [
    {
      path: "population",
      value: `seed ${p.seed}: ${p.children.atStart} children in care on the first day, ${p.children.inflowPerMonth} new requests a month`,
      source: "the population generator (docs/population-generator.md): shares, income bands, contracts and stays as the scenario gives them, else the generator's defaults",
      reason: "a synthetic population, not observed children: every figure that depends on who the children are is an assumption"
    }
  ]
}

/**
 * Price the scenario's design: the cost model's cost price per child-hour for every group of the
 * design (so a change of group size flows through to every stream): a plus child's into
 * `costPrices.byGroup`, a child's without support needs into `costPrices.regularByGroup`; hand-set
 * cost prices on top; and a kindplek price "cost-model" resolved per group to the cost model's price
 * of a plus place above the regular price (`plusPricePerPlace`, seed 004 §X).
 */
const priceDesign = (
  spec: ScenarioFile,
  policy: Policy,
  params: ParameterSet,
  uses: ReadonlyArray<DefaultUse>
): { policy: Policy; design: DesignSpec | undefined; cost: CostModelResult | undefined; assumptions: ReadonlyArray<Assumption> } => {
  const period = spec.period
  let design = spec.design
  let cost: CostModelResult | undefined
  const assumptions: Array<Assumption> = []
  const byGroup = { ...policy.costPrices.byGroup }
  const regularByGroup = { ...policy.costPrices.regularByGroup }
  // The design's dated defaults it used (the cost model lists its own; the policy's are in the policy's assumptions).
  for (const u of uses)
    if (u.field.startsWith("design.") && u.default.assumption)
      assumptions.push({ path: u.field, value: String(u.default.value), source: u.default.source, reason: "not in our public sources: a default the scenario may replace" })
  if (design !== undefined) {
    // docs/designs.md "Place sharing": how many children a place holds is an assumption, not a published rule.
    assumptions.push({
      path: "design.placeSharing",
      value: String(design.placeSharing),
      source: design.placeSharing
        ? "part-time children share places: a child placed d days a week takes min(d, 5)/5 of a place (seed 004 §X); group size per day (seed 002 'Hybride groepen')"
        : "every child takes a whole place for its whole stay, whatever its days a week",
      reason: "weekdays are not in the events: how providers fill places is assumed"
    })
    if (design.placeSharing)
      assumptions.push({
        path: "design.maxChildrenPerPlace",
        value: String(design.maxChildrenPerPlace),
        source: "at most this many different children per place of a kind: intake, mentor and care coordination are per child (seed 004 §IX.3)",
        reason: "not in our public sources: a default the scenario may replace"
      })
  }
  if (design !== undefined && spec.costModel !== undefined) {
    cost = costModel(spec.costModel, design, designGroups(design, period).map((g) => g.opened), params)
    // Derived prices are not listed one by one: the cost model's inputs are, as assumptions.
    for (const [g, v] of Object.entries(cost.byGroup))
      byGroup[g] = { value: v.value, source: `cost model (${spec.costModel.year}): ${v.source}`, assumption: false }
    for (const [g, v] of Object.entries(cost.regularByGroup))
      regularByGroup[g] = { value: v.value, source: `cost model (${spec.costModel.year}): ${v.source}`, assumption: false }
    assumptions.push(...cost.assumptions)
    if (design.kindplek?.pricePerPlace === "cost-model") {
      // Per group: the yearly cost of a plus place above the regular price; prices the scenario names per group win.
      const pricePerGroup: Record<string, string> = {}
      for (const [g, v] of Object.entries(cost.plusPricePerPlace)) pricePerGroup[g] = v.value.toFixed(2)
      Object.assign(pricePerGroup, design.kindplek.pricePerGroup)
      design = { ...design, kindplek: { ...design.kindplek, pricePerGroup } }
      const prices = Object.values(pricePerGroup).map((p) => new Dec(p))
      const low = prices.reduce((a, b) => (b.lessThan(a) ? b : a), prices[0] ?? ZERO)
      const high = prices.reduce((a, b) => (b.greaterThan(a) ? b : a), prices[0] ?? ZERO)
      assumptions.push({
        path: "design.kindplek.pricePerPlace",
        value: low.equals(high) ? low.toFixed(2) : `${low.toFixed(2)} to ${high.toFixed(2)} (per group)`,
        source:
          "cost model, per group: the yearly cost of a plus place above the regular price, (plus cost per child-hour − hourly price) × a place's hours a year, seed 004 §X",
        reason: "priced by the cost model, whose inputs are assumptions"
      })
    }
  }
  const manual = spec.costPrices
  const byDesign = { ...policy.costPrices.byDesign }
  if (manual !== undefined) {
    for (const [k, v] of Object.entries(manual.byDesign)) if (v) byDesign[k] = { ...v, value: new Dec(v.value) }
    for (const [k, v] of Object.entries(manual.byGroup)) byGroup[k] = { ...v, value: new Dec(v.value) }
  }
  return { policy: { ...policy, costPrices: { byDesign, byGroup, regularByGroup } }, design, cost, assumptions }
}
