/** A colour per funder, the same in every chart and legend. */
import type { Funder } from "../domain/policy/types"

const FUNDER_COLORS: Readonly<Record<Funder, string>> = {
  rijk: "blue",
  gemeente: "green",
  jeugdhulp: "magenta",
  onderwijs: "yellow",
  zorg: "cyan",
  ouders: "#ff8700",
  aanbieder: "red",
  overig: "gray"
}

export const funderColor = (f: string): string => FUNDER_COLORS[f as Funder] ?? "gray"

/** Colour of a difference: more cost is red, less is green (`goodWhenUp` flips it, e.g. for children served). */
export const deltaColor = (delta: string | number, goodWhenUp = false): string | undefined => {
  const n = Number(delta)
  if (n === 0 || Number.isNaN(n)) return undefined
  return n > 0 === goodWhenUp ? "green" : "red"
}
