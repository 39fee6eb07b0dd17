/**
 * Every parameter and policy difference between two scenarios, baseline value
 * beside scenario value (PolicyEngine's "one screen listing every change",
 * ../shared/ANCHORS.md). Scenario specs, policies and parameter overrides are
 * flattened to `path = value` pairs and compared.
 */
import type { LoadedScenario } from "../scenario/load"

export interface Difference {
  readonly path: string
  readonly baseline: string | null
  readonly scenario: string | null
}

const flatten = (value: unknown, prefix: string, out: Map<string, string>): void => {
  if (value === null || value === undefined) return
  if (typeof value === "object" && "toDecimalPlaces" in (value as object)) {
    out.set(prefix, (value as { toDecimalPlaces: (n: number) => { toString(): string } }).toDecimalPlaces(6).toString())
    return
  }
  if (Array.isArray(value)) {
    const named = value.every((v) => v && typeof v === "object" && ("name" in v || "path" in v || "stream" in v || "id" in v))
    value.forEach((v, i) => {
      const key = named ? String((v as Record<string, unknown>).name ?? (v as Record<string, unknown>).path ?? (v as Record<string, unknown>).stream ?? (v as Record<string, unknown>).id) : String(i)
      flatten(v, `${prefix}[${key}]`, out)
    })
    return
  }
  if (typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
    return
  }
  out.set(prefix, String(value))
}

/** The settings of a scenario as flat `path = value` pairs (names and descriptions left out). */
export const settingsOf = (s: LoadedScenario): ReadonlyMap<string, string> => {
  const out = new Map<string, string>()
  const { name: _n, description: _d, policy: _p, extends: _e, ...spec } = s.spec as Record<string, unknown>
  flatten(spec, "scenario", out)
  const { name: _pn, description: _pd, source: _ps, costPrices, ...policy } = s.policy as unknown as Record<string, unknown>
  flatten(policy, "policy", out)
  // Cost prices the cost model derived are not settings: its inputs (scenario.costModel.*) are.
  const derived = (v: unknown) => typeof (v as { source?: unknown })?.source === "string" && (v as { source: string }).source.startsWith("cost model")
  const prices = costPrices as Record<string, Record<string, unknown> | undefined>
  for (const [kind, entries] of Object.entries(prices ?? {}))
    for (const [k, v] of Object.entries(entries ?? {})) if (!derived(v)) flatten(v, `policy.costPrices.${kind}.${k}`, out)
  for (const k of [...out.keys()])
    if (k.endsWith(".source") || k.endsWith(".assumption") || k.endsWith(".description") || k.includes(".label.")) out.delete(k)
  // A sourced value reads as its value: `x.value` → `x`.
  for (const [k, v] of [...out.entries()])
    if (k.endsWith(".value")) {
      out.delete(k)
      out.set(k.slice(0, -".value".length), v)
    }
  return out
}

export const differences = (baseline: LoadedScenario, scenario: LoadedScenario): ReadonlyArray<Difference> => {
  const a = settingsOf(baseline)
  const b = settingsOf(scenario)
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort()
  return keys.filter((k) => a.get(k) !== b.get(k)).map((k) => ({ path: k, baseline: a.get(k) ?? null, scenario: b.get(k) ?? null }))
}
