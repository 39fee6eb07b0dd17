/**
 * What makes two imported rows "the same fact" (docs/decisions/0007-import-row-identity.md):
 * the same kind, the same valid time and the same data, whatever file, line,
 * column order or amount notation ("10.5" or "10.50") they came in. The
 * recorded time counts only when the row gives one: without it the import
 * instant would make every import new. So re-importing a file, or a later
 * export that repeats earlier rows, adds nothing; a deliberate restatement of a
 * fact (a correction back to an earlier value) is written with its own
 * `recordedTime` and is a new event.
 *
 * The event id is `uuidV5(identity)` in geldstroom's namespace.
 */
import { canonicalInstant } from "../domain/timeline/facts"
import type { EventType } from "../events/catalogue"
import { DATA_COLUMNS } from "./importColumns"

/** An amount in its shortest decimal writing: 10.50 → 10.5, 12000.00 → 12000, 007 → 7. */
export const canonicalAmount = (amount: string): string => {
  const [whole, fraction = ""] = amount.split(".")
  const w = whole!.replace(/^0+(?=\d)/, "")
  const f = fraction.replace(/0+$/, "")
  return f === "" ? w : `${w}.${f}`
}

const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`
  return JSON.stringify(value)
}

const withCanonicalAmounts = (kind: EventType, data: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = structuredClone(data)
  for (const c of DATA_COLUMNS[kind]) {
    if (c.type !== "amount") continue
    let at: Record<string, unknown> | undefined = out
    for (const key of c.path.slice(0, -1)) at = at?.[key] as Record<string, unknown> | undefined
    const last = c.path[c.path.length - 1]!
    if (at !== undefined && typeof at[last] === "string") at[last] = canonicalAmount(at[last] as string)
  }
  return out
}

/** The identity of a row: `import/v1|kind|validTime|data[|recordedTime]`. */
export const rowIdentity = (kind: EventType, validTime: string, data: Record<string, unknown>, recordedTime: string | undefined): string =>
  ["import/v1", kind, validTime, canonicalJson(withCanonicalAmounts(kind, data)), ...(recordedTime === undefined ? [] : [canonicalInstant(recordedTime)])].join("|")
