/**
 * The accountability report of a KOplus provider (seed 004 §XI "Verantwoording"):
 * occupancy of the kindplekken per group, location and in total; inflow,
 * outflow and drop-out; actual against budget per budget line with every
 * deviation over 10 % marked "explain"; and the costs and income of the
 * period from the ledger. Pure: a run over the report's months in, tables out.
 */
import { lastDayOfMonth } from "../domain/calendar"
import type { Dec } from "../domain/money"
import { RULES_VERSION } from "../domain/rules/version"
import { groupLineTotalsOf, totalsOf } from "../output/runDocument"
import type { RunResult } from "../scenario/run"
import type { Column, Table } from "../export/table"
import type { Accountability } from "./accountability"
import { budgetRows } from "./budget"
import { DESTINATIONS, flowRows } from "./flows"
import { occupancyRows, plusGroupMonths } from "./occupancy"
import type { ReportPeriod } from "./period"

export const SEED_004_XI = "seed 004 §XI"
export const SEED_004_TITLE = "seed 004 §XI (Gemeente Rotterdam, Beleidskader Kinderopvang Plus 0-4 jaar, 2024, 'Verantwoording')"

export interface ReportSection {
  readonly heading: string
  readonly text: ReadonlyArray<string>
  readonly table: Table
}

export interface ProviderReport {
  readonly title: string
  readonly period: ReportPeriod
  readonly about: Table
  readonly notes: ReadonlyArray<string>
  readonly sections: ReadonlyArray<ReportSection>
  /** Budget lines to explain (deviation over the threshold). */
  readonly explain: ReadonlyArray<string>
  /** Invariant violations of the run (DOMAIN.md invariants). */
  readonly violations: number
}

const pct = (d: Dec) => `${d.times(100).toDecimalPlaces(1).toFixed(1)} %`

const occupancySection = (run: RunResult, period: ReportPeriod): ReportSection => {
  const floor = run.scenario.policy.kindplek?.occupancyFloor.value
  const rows = occupancyRows(run.ledger.groups, run.ledger.children, new Set(period.covered), period.openingDays, floor)
  const columns: ReadonlyArray<Column> = [
    { key: "level", header: "level", kind: "text" },
    { key: "provider", header: "provider", kind: "text" },
    { key: "location", header: "location", kind: "text" },
    { key: "group", header: "group", kind: "text" },
    { key: "places", header: "kindplekken", kind: "decimal" },
    { key: "occupiedPlaces", header: "occupiedPlaces", kind: "decimal" },
    { key: "rate", header: "occupancy", kind: "rate" },
    { key: "capacityPlaceDays", header: "capacityPlaceDays", kind: "decimal" },
    { key: "occupiedPlaceDays", header: "occupiedPlaceDays", kind: "decimal" },
    { key: "averageChildren", header: "averageChildren", kind: "decimal" },
    { key: "childrenPlaced", header: "childrenPlaced", kind: "integer" },
    { key: "norm", header: "norm", kind: "text" }
  ]
  return {
    heading: "Occupancy of the kindplekken (bezettingsgraad)",
    text: [
      `Per group, location and in total for all plus groups, in absolute numbers and as a percentage (${SEED_004_XI}). ` +
        `Averages are over the ${period.openingDays} opening days (Monday to Friday) of the period; a child placed d days a week occupies d/5 of a place.`,
      floor === undefined ? "The policy sets no occupancy norm." : `Norm: occupancy of ${pct(floor)} or more (seed 004 §X).`
    ],
    table: {
      name: "occupancy",
      title: "Occupancy of the kindplekken",
      columns,
      rows: rows.map((r) => ({ ...r, norm: r.belowFloor && floor !== undefined ? `below ${pct(floor)} (seed 004 §X)` : "" }))
    }
  }
}

const flowSection = (run: RunResult, period: ReportPeriod): ReportSection => {
  const plus = new Set(plusGroupMonths(run.ledger.groups, new Set(period.covered)).map((g) => g.groupId))
  const from = `${period.covered[0] ?? period.months[0]}-01`
  const to = lastDayOfMonth(period.covered[period.covered.length - 1] ?? period.months[period.months.length - 1]!)
  const rows = flowRows(run.world, plus, from, to)
  return {
    heading: "Inflow, outflow and drop-out (in- en uitstroom, uitval)",
    text: [
      `Placements in the plus groups that started (inflow) or ended (outflow, by destination; drop-out = outflow 'dropout', uitval) between ${from} and ${to} (${SEED_004_XI}; destinations seed 004 §IX.8). ` +
        "A placement's last day of care is its end; a corrected end counts as corrected."
    ],
    table: {
      name: "flows",
      title: "Inflow, outflow and drop-out",
      columns: [
        { key: "group", header: "group", kind: "text" },
        { key: "inflow", header: "inflow", kind: "integer" },
        ...DESTINATIONS.map((d): Column => ({ key: `out:${d}`, header: `outflow ${d}`, kind: "integer" })),
        { key: "outflowTotal", header: "outflow", kind: "integer" },
        { key: "dropout", header: "dropout", kind: "integer" }
      ],
      rows: rows.map((r) => ({
        group: r.group,
        inflow: r.inflow,
        ...Object.fromEntries(DESTINATIONS.map((d) => [`out:${d}`, r.outflow[d] ?? 0])),
        outflowTotal: r.outflowTotal,
        dropout: r.dropout
      }))
    }
  }
}

const budgetSection = (run: RunResult, period: ReportPeriod, a: Accountability): { section: ReportSection; explain: Array<string> } => {
  const threshold = a.budgetDeviationToExplain.value
  const rows = budgetRows(run.ledger.budgets, period.year, period.days, period.daysInYear, threshold)
  const full = period.days === period.daysInYear
  return {
    explain: rows.filter((r) => r.explain).map((r) => r.id),
    section: {
      heading: "Actual against budget (begroting en realisatie)",
      text: [
        `Every budget line deviating more than ${pct(threshold)} is marked 'explain' (${a.budgetDeviationToExplain.source}).`,
        full
          ? "The budget is the line's yearly budget."
          : `The budget for the period is the yearly budget pro rata: × ${period.days}/${period.daysInYear} days. The seed asks for the financial overview in the final (yearly) report; a half-year shows the progress.`,
        "Actual is what the line's funding streams paid in the period, including kindplek subsidy for empty places (vacancy)."
      ],
      table: {
        name: "budget",
        title: "Actual against budget",
        columns: [
          { key: "id", header: "budgetLine", kind: "text" },
          { key: "label", header: "label", kind: "text" },
          { key: "streams", header: "streams", kind: "list" },
          { key: "yearBudget", header: "yearBudget", kind: "money" },
          { key: "budget", header: "budgetForPeriod", kind: "money" },
          { key: "actual", header: "actual", kind: "money" },
          { key: "deviation", header: "deviation", kind: "money" },
          { key: "deviationShare", header: "deviationShare", kind: "rate" },
          { key: "flag", header: "flag", kind: "text" },
          { key: "explanation", header: "explanation", kind: "text" }
        ],
        rows: rows.map((r) => ({ ...r, flag: r.explain ? "explain" : "", explanation: "" }))
      }
    }
  }
}

const financeSection = (run: RunResult): ReportSection => {
  const { cost, streams } = totalsOf(run.ledger.streamOrder, run.ledger.children)
  const labels = new Map(run.scenario.policy.streams.map((s) => [s.name, s.label.nl]))
  const { vacancy, surplus } = groupLineTotalsOf(run.ledger.groups)
  return {
    heading: "Costs and income of the period (kosten en opbrengsten)",
    text: ["From the ledger: the cost of care of the children and who paid it, and the kindplek subsidy paid at group level (empty places, surplus)."],
    table: {
      name: "finance",
      title: "Costs and income",
      columns: [
        { key: "item", header: "item", kind: "text" },
        { key: "label", header: "label", kind: "text" },
        { key: "amount", header: "amount", kind: "money" }
      ],
      rows: [
        ...[...streams].map(([s, v]) => ({ item: s, label: labels.get(s) ?? s, amount: v })),
        { item: "cost", label: "total cost of care (sum of the streams)", amount: cost },
        { item: "vacancy", label: "kindplek subsidy for empty places", amount: vacancy },
        { item: "surplus", label: "kindplek subsidy not absorbed by plus layers", amount: surplus }
      ]
    }
  }
}

export const providerReport = (run: RunResult, period: ReportPeriod, a: Accountability): ProviderReport => {
  const budget = budgetSection(run, period, a)
  const notes: Array<string> = []
  if (period.covered.length < period.months.length)
    notes.push(`The scenario covers ${period.covered.length} of the ${period.months.length} months of the period (${period.covered.join(", ") || "none"}); the figures are for those months only.`)
  if (!run.ledger.groups.some((g) => g.occupancy.basis === "awarded-places"))
    notes.push("No group has awarded kindplekken in the period (or the policy pays no kindplek subsidy): there is no occupancy of kindplekken to report.")
  if (run.violations.length > 0) notes.push(`The run has ${run.violations.length} invariant violation(s): see 'geldstroom run'.`)
  const s = run.scenario
  const title = `Accountability report KOplus, ${period.label}`
  return {
    title,
    period,
    notes,
    explain: budget.explain,
    violations: run.violations.length,
    sections: [occupancySection(run, period), flowSection(run, period), budget.section, financeSection(run)],
    about: {
      name: "about",
      title: "About this report",
      columns: [
        { key: "key", header: "key", kind: "text" },
        { key: "value", header: "value", kind: "text" }
      ],
      rows: [
        ["report", title],
        ["asked by", SEED_004_TITLE],
        ["scenario", s.spec.name],
        ["file", s.file],
        ["policy", s.policy.id],
        ["period", period.label],
        ["asOf", s.spec.asOf ?? "latest (all recorded events)"],
        ["fingerprint", run.fingerprint],
        ["rulesVersion", RULES_VERSION],
        ...notes.map((n): [string, string] => ["note", n])
      ].map(([key, value]) => ({ key, value }))
    }
  }
}
