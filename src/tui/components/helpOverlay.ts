/** The keyboard help (`?`): the keys of the screen on view, then those that work everywhere, in a box over the screen. */
import type { Labels } from "../i18n"
import type { Screen } from "../state"
import { box } from "./box"
import { line, overlay, type Row, seg } from "./row"
import { maxScroll, windowAt } from "./scroll"

const keysFor = (t: Labels, screen: Screen): ReadonlyArray<readonly [string, string]> => {
  const k = t.help.keys
  switch (screen) {
    case "picker":
      return [["↑/↓ j/k", k.move], ["Space", k.toggle], ["a", k.all], ["Enter", k.run], ["Esc", k.toCompare]]
    case "progress":
      return [["Esc", k.cancel], ["Ctrl-C", k.ctrlC]]
    case "compare":
      return [
        ["Tab / Shift-Tab", k.sections],
        ["1 … 5", k.sectionN],
        ["←/→ h/l", k.focus],
        ["↑/↓ j/k", k.scroll],
        ["PgUp/PgDn", k.page],
        ["g/G Home/End", k.topBottom],
        ["b", k.baseline],
        ["Enter / d", k.drill],
        ["w", k.differs],
        ["r", k.rerun],
        ["p", k.picker]
      ]
    case "drill":
      return [["↑/↓ j/k", k.move], ["PgUp/PgDn", k.page], ["Enter", k.down], ["Esc / Backspace", k.up]]
    case "differs":
      return [["↑/↓ j/k", k.move], ["←/→ h/l", k.focus], ["Esc / Backspace", k.back]]
    case "error":
      return [["Enter / Esc", k.picker]]
  }
}

const helpRows = (t: Labels, screen: Screen): Array<Row> => {
  const item = ([key, what]: readonly [string, string]): Row => [seg(key.padEnd(18), { bold: true, color: "yellow" }), seg(what)]
  return [
    line(t.screens[screen], { bold: true, color: "cyan" }),
    ...keysFor(t, screen).map(item),
    [],
    line(t.help.global, { bold: true, color: "cyan" }),
    ...([["?", t.help.keys.help], ["L", t.help.keys.lang], ["q", t.help.keys.quit], ["Ctrl-C", t.help.keys.ctrlC]] as const).map(item),
    [],
    line(t.readOnly, { dim: true })
  ]
}

/** The help box laid over the body rows, scrolled to `scroll`; returns the rows and the largest scroll. */
export const withHelp = (body: ReadonlyArray<Row>, t: Labels, screen: Screen, width: number, height: number, scroll: number): { rows: Array<Row>; maxScroll: number } => {
  const content = helpRows(t, screen)
  const w = Math.min(width - 2, 72)
  const room = Math.max(1, height - 2)
  const max = maxScroll(content.length, room)
  const b = box(t.help.title, windowAt(content, scroll, room), w, t.help.close)
  const base = [...body]
  while (base.length < height) base.push([])
  return { rows: overlay(base.slice(0, height), b, Math.max(0, Math.floor((width - w) / 2)), Math.max(0, Math.floor((height - b.length) / 2)), width), maxScroll: max }
}
