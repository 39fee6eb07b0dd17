/**
 * Numbers and text for the screen, in the chosen language. Money arrives as
 * the comparison document's exact two-decimal strings; only grouping and the
 * decimal mark change here (nl: € 1.234,56; en: €1,234.56). Percentages and
 * chart scales are display values, never fed back into a computation.
 */
import type { Lang } from "./i18n"

const group = (whole: string, mark: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, mark)

/** A two-decimal amount ("-1234.5" or "1234.56") as euros. */
export const money = (lang: Lang, amount: string): string => {
  const negative = amount.startsWith("-")
  const [whole = "0", frac = "00"] = amount.replace("-", "").split(".")
  const cents = frac.padEnd(2, "0").slice(0, 2)
  const body = lang === "nl" ? `€ ${group(whole, ".")},${cents}` : `€${group(whole, ",")}.${cents}`
  return negative ? `-${body}` : body
}

const isZero = (s: string) => /^-?0*(\.0*)?$/.test(s)

/** A difference: +€…, -€… or ±0. */
export const signedMoney = (lang: Lang, amount: string): string =>
  isZero(amount) ? "±0" : amount.startsWith("-") ? money(lang, amount) : `+${money(lang, amount)}`

const decimal = (lang: Lang, n: number, digits: number) => {
  const s = n.toFixed(digits)
  return lang === "nl" ? s.replace(".", ",") : s
}

/** A share (0.978) as a percentage ("97.8 %"). */
export const pct = (lang: Lang, share: string | number, digits = 1): string => `${decimal(lang, Number(share) * 100, digits)} %`

/** A difference of shares in percentage points. */
export const signedPoints = (lang: Lang, share: string | number): string => {
  const n = Number(share) * 100
  return Math.abs(n) < 0.05 ? "±0" : `${n > 0 ? "+" : ""}${decimal(lang, n, 1)} pp`
}

export const signedCount = (n: number): string => (n === 0 ? "±0" : n > 0 ? `+${n}` : String(n))

/** An amount for a chart axis: €950, €12.3k, €1.2M. */
export const shortMoney = (lang: Lang, amount: number): string => {
  const abs = Math.abs(amount)
  const sign = amount < 0 ? "-" : ""
  const euro = lang === "nl" ? "€ " : "€"
  if (abs >= 1e6) return `${sign}${euro}${decimal(lang, abs / 1e6, 1)}M`
  if (abs >= 1e4) return `${sign}${euro}${decimal(lang, abs / 1e3, 0)}k`
  if (abs >= 1e3) return `${sign}${euro}${decimal(lang, abs / 1e3, 1)}k`
  return `${sign}${euro}${abs.toFixed(0)}`
}

/** A whole number with thousands grouped: 30,000 (nl 30.000). */
export const count = (lang: Lang, n: number): string => group(String(Math.round(n)), lang === "nl" ? "." : ",")

/** Text cut to `width` columns (ending in …) or padded with spaces. */
export const fit = (s: string, width: number): string => {
  const cs = Array.from(s)
  if (width <= 0) return ""
  if (cs.length > width) return `${cs.slice(0, width - 1).join("")}…`
  return s + " ".repeat(width - cs.length)
}

/** Like `fit`, aligned to the right. */
export const rfit = (s: string, width: number): string => {
  const cs = Array.from(s)
  if (width <= 0) return ""
  if (cs.length > width) return `${cs.slice(0, width - 1).join("")}…`
  return " ".repeat(width - cs.length) + s
}

/** Words wrapped to `width` columns; words longer than a line are broken. `indent` prefixes continuation lines. */
export const wrap = (text: string, width: number, indent = ""): Array<string> => {
  const w = Math.max(8, width)
  const out: Array<string> = []
  let current = /^\s*/.exec(text)?.[0] ?? ""
  const push = () => {
    out.push(current)
    current = indent
  }
  for (const word of text.split(/\s+/).filter((x) => x !== "")) {
    let rest = word
    const room = () => w - Array.from(current).length - (current.trim() === "" ? 0 : 1)
    if (Array.from(rest).length > room() && current.trim() !== "") push()
    while (Array.from(rest).length > w - Array.from(current).length) {
      const take = w - Array.from(current).length
      current += Array.from(rest).slice(0, take).join("")
      rest = Array.from(rest).slice(take).join("")
      push()
    }
    current = current.trim() === "" ? current + rest : `${current} ${rest}`
  }
  if (current.trim() !== "" || out.length === 0) out.push(current)
  return out
}

/** A period of months, short when it stays in one year: "2026-01..12", else "2026-01..2029-12". */
export const period = (from: string, to: string): string => (from.slice(0, 4) === to.slice(0, 4) ? `${from}..${to.slice(5)}` : `${from}..${to}`)

/** A duration for people: "8 s", "2 min 05 s", "1 h 03 min". */
export const duration = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`
}
