/** A bordered box of rows with a title, for overlays (help, the baseline chooser). */
import { padRow, type Row, seg, textWidth } from "./row"

export const box = (title: string, body: ReadonlyArray<Row>, width: number, footer = ""): Array<Row> => {
  const inner = Math.max(4, width - 4)
  const top = `╭─ ${title} `
  const bottomText = footer ? `─ ${footer} ` : ""
  return [
    [seg(top + "─".repeat(Math.max(0, width - textWidth(top) - 1)) + "╮", { color: "cyan", bold: true })],
    ...body.map((r): Row => [seg("│ ", { color: "cyan" }), ...padRow(r, inner), seg(" │", { color: "cyan" })]),
    [seg(`╰${bottomText}${"─".repeat(Math.max(0, width - 2 - textWidth(bottomText)))}╯`, { color: "cyan" })]
  ]
}
