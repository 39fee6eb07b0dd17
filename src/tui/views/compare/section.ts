/** What the comparison's sections share: their input and the header of scenario columns. */
import type { Workbench } from "../../../app/workbench"
import type { CompareDocument } from "../../../compare/document"
import { type Row, type Seg, seg } from "../../components/row"
import { cell, columnWindow, tableRow } from "../../components/table"
import { fit } from "../../format"
import type { Labels, Lang } from "../../i18n"

export interface SectionInput {
  readonly workbench: Workbench
  readonly doc: CompareDocument
  readonly baseline: number
  readonly focus: number
  readonly lang: Lang
  readonly t: Labels
  readonly width: number
  /** Rows of the body, for charts sized to the window. */
  readonly height: number
  /** Scenario names for columns and rows: the ids without the prefix they all share. */
  readonly names: ReadonlyArray<string>
}

/**
 * Ids without the prefix they all share up to a `-` or `_` ("rotterdam-hybrid",
 * "rotterdam-2029" → "hybrid", "2029"), so columns stay readable on narrow screens.
 */
export const shortIds = (ids: ReadonlyArray<string>): Array<string> => {
  if (ids.length < 2) return [...ids]
  let prefix = ids[0]!
  for (const id of ids) while (!id.startsWith(prefix)) prefix = prefix.slice(0, -1)
  const cut = Math.max(prefix.lastIndexOf("-"), prefix.lastIndexOf("_")) + 1
  return cut > 0 && ids.every((id) => id.length > cut) ? ids.map((id) => id.slice(cut)) : [...ids]
}

/** Width of a scenario's label in a row: its name and the two marks (▸ focused, ◆ baseline). */
export const labelWidth = (input: SectionInput): number => Math.min(24, Math.max(8, ...input.names.map((n) => n.length))) + 2

/** A scenario's label at the start of a row: ▸ when focused, ◆ when it is the baseline. */
export const scenarioLabel = (input: SectionInput, i: number, width = labelWidth(input)): Array<Seg> => [
  seg(i === input.focus ? "▸" : " ", { color: "cyan", bold: true }),
  seg(i === input.baseline ? "◆" : " ", { color: "cyan" }),
  seg(fit(input.names[i] ?? "", width - 2), { bold: i === input.focus, color: i === input.baseline ? "cyan" : undefined })
]

export interface Columns {
  readonly labelWidth: number
  readonly colWidth: number
  readonly first: number
  readonly shown: number
}

/** The label column and as many scenario columns as fit, keeping the focused one in view. */
export const columnsFor = (input: SectionInput, labelWidth = 26): Columns => {
  const label = Math.min(labelWidth, Math.max(14, Math.floor(input.width * 0.34)))
  const count = Math.max(1, input.doc.scenarios.length)
  const colWidth = Math.max(15, Math.min(26, Math.floor((input.width - label) / count)))
  const win = columnWindow(input.doc.scenarios.length, input.focus, input.width - label, colWidth)
  return { labelWidth: label, colWidth, ...win }
}

/** The visible scenario indexes. */
export const visible = (c: Columns): Array<number> => Array.from({ length: c.shown }, (_, i) => c.first + i)

/** The header row: scenario ids, the focused one highlighted, the baseline marked ◆; arrows when columns are hidden. */
export const scenarioHeader = (input: SectionInput, c: Columns, title = ""): Row => {
  const more = c.first > 0 ? input.t.moreLeft : ""
  const right = c.first + c.shown < input.doc.scenarios.length ? ` ${input.t.moreRight}` : ""
  return [
    seg(fit(title || more, c.labelWidth), { bold: true }),
    ...visible(c).flatMap((i) => {
      const id = `${i === input.focus ? "▸" : ""}${i === input.baseline ? "◆ " : i === input.focus ? " " : ""}${input.names[i]}`
      return [seg(" "), ...tableRow([cell(id, c.colWidth - 1, "right", { bold: true, inverse: i === input.focus, color: i === input.baseline ? "cyan" : undefined })])]
    }),
    seg(right, { dim: true })
  ]
}

/** A metric row: its label, then one cell per visible scenario. */
export const metricRow = (c: Columns, label: string, values: (i: number) => { text: string; color?: string | undefined; dim?: boolean }, labelStyle = {}): Row => [
  seg(fit(label, c.labelWidth), labelStyle),
  ...visible(c).flatMap((i) => {
    const v = values(i)
    return [seg(" "), ...tableRow([cell(v.text, c.colWidth - 1, "right", { color: v.color, dim: v.dim })])]
  })
]

export const heading = (text: string): Row => [seg(text, { bold: true, color: "cyan" })]
