/**
 * Loading a policy file: validate its shape, then check it against the stream
 * catalogue and reject conflicting settings instead of resolving them silently
 * (EUROMOD, ../shared/ANCHORS.md): unknown streams, Jeugdwet money on the
 * regular layer, a payer kind on a layer it cannot pay.
 */
import { resolve } from "node:path"
import { Dec } from "../domain/money"
import { type Layer, LAYERS, type Policy, type PayerRule, type Sourced, type StreamDefinition } from "../domain/policy/types"
import { type ExtendsRules, readExtendsChain } from "../io/extendsChain"
import { InvalidFile, lineOf, zodProblems } from "../io/yamlFile"
import { loadStreamCatalogue } from "../parameters/load"
import { type PolicyFile, POLICY_DEFAULTS, PolicySchema } from "./schema"

/** Where each payer kind may pay (DOMAIN.md "How the money flows"; invariants 2-4). */
const ALLOWED_LAYERS: Record<PayerRule["kind"], ReadonlyArray<Layer>> = {
  kot: ["regular"],
  smi: ["regular"],
  kindplek: ["plus"],
  overbrugging: ["jeugdhulp"],
  bouwsteen: ["jeugdhulp"],
  direct: ["regular", "plus", "jeugdhulp"]
}

const dec = (s: { value: string; source: string; assumption: boolean }): Sourced<Dec> => ({ ...s, value: new Dec(s.value) })

/** `extends:` (src/io/extendsChain.ts): a policy's identity is its own, never inherited. */
export const POLICY_EXTENDS: ExtendsRules = { own: ["id", "name", "description", "source"] }

export const toPolicy = (p: PolicyFile, catalogue: ReadonlyArray<StreamDefinition>): Policy => ({
  id: p.id,
  name: p.name,
  description: p.description,
  source: p.source,
  regularRate: p.regularRate,
  contractWeeksPerYear: dec(p.contractWeeksPerYear),
  streams: [...catalogue.filter((c) => !p.streams.some((s) => s.name === c.name)), ...p.streams],
  layers: Object.fromEntries(
    LAYERS.map((layer) => [
      layer,
      {
        residual: p.layers[layer].residual,
        payers: p.layers[layer].payers.map((r): PayerRule => {
          switch (r.kind) {
            case "direct":
              return { kind: "direct", stream: r.stream, share: dec(r.share), condition: r.condition }
            case "overbrugging":
            case "bouwsteen":
              return { kind: r.kind, stream: r.stream, ...(r.maxPerMonth ? { maxPerMonth: dec(r.maxPerMonth) } : {}) }
            default:
              return { kind: r.kind, stream: r.stream }
          }
        })
      }
    ])
  ) as unknown as Policy["layers"],
  ...(p.smi
    ? {
        smi: {
          model: p.smi.model,
          source: p.smi.source,
          priceCap: p.smi.priceCap,
          ...(p.smi.maxHoursPerMonth ? { maxHoursPerMonth: dec(p.smi.maxHoursPerMonth) } : {}),
          ...(p.smi.maxMonths ? { maxMonths: p.smi.maxMonths } : {}),
          ...(p.smi.smiPlusMaxDaysPerWeek ? { smiPlusMaxDaysPerWeek: p.smi.smiPlusMaxDaysPerWeek } : {}),
          ownContribution: (() => {
            const oc = p.smi.ownContribution
            switch (oc.kind) {
              case "none":
                return oc
              case "share":
                return { kind: "share" as const, share: dec(oc.share) }
              case "share-above-threshold":
                return { kind: oc.kind, share: dec(oc.share), threshold: dec(oc.threshold) }
              case "kot-table-above-threshold":
                return { kind: oc.kind, threshold: dec(oc.threshold) }
              case "income-table":
                return { kind: oc.kind, source: oc.source, assumption: oc.assumption, rows: oc.rows.map((r) => ({ upTo: r.upTo === null ? null : new Dec(r.upTo), share: new Dec(r.share) })) }
            }
          })()
        }
      }
    : {}),
  ...(p.kindplek ? { kindplek: { occupancyFloor: dec(p.kindplek.occupancyFloor), minAverageChildren: dec(p.kindplek.minAverageChildren) } } : {}),
  ...(p.jeugdhulpExpertise
    ? { jeugdhulpExpertise: { hoursPerWeek: dec(p.jeugdhulpExpertise.hoursPerWeek), hourlyRate: dec(p.jeugdhulpExpertise.hourlyRate) } }
    : {}),
  costPrices: {
    byDesign: Object.fromEntries(Object.entries(p.costPrices.byDesign).map(([k, v]) => [k, dec(v!)])),
    byGroup: Object.fromEntries(Object.entries(p.costPrices.byGroup).map(([k, v]) => [k, dec(v)]))
  }
})

/** Problems in a policy's use of streams; each names the path where it stands. */
export const policyConflicts = (p: Policy): Array<{ path: Array<string | number>; message: string }> => {
  const out: Array<{ path: Array<string | number>; message: string }> = []
  const known = new Map(p.streams.map((s) => [s.name, s]))
  for (const layer of LAYERS) {
    const l = p.layers[layer]
    if (!known.has(l.residual)) out.push({ path: ["layers", layer, "residual"], message: `unknown stream '${l.residual}'` })
    if (known.get(l.residual)?.jeugdwet && layer === "regular")
      out.push({ path: ["layers", layer, "residual"], message: `'${l.residual}' is Jeugdwet money and may not pay the regular layer (seed 002 'Jeugdwet')` })
    const seen = new Set<string>()
    l.payers.forEach((r, i) => {
      const at = ["layers", layer, "payers", i]
      const def = known.get(r.stream)
      if (def === undefined) out.push({ path: [...at, "stream"], message: `unknown stream '${r.stream}': add it under 'streams:'` })
      if (!ALLOWED_LAYERS[r.kind].includes(layer)) out.push({ path: [...at, "kind"], message: `a ${r.kind} payer cannot pay the ${layer} layer` })
      if (def?.jeugdwet && layer === "regular")
        out.push({ path: [...at, "stream"], message: `'${r.stream}' is Jeugdwet money and may not pay the regular layer: opvang is not jeugdhulp (seed 002 'Jeugdwet'; Wko art. 1.1 lid 2)` })
      if (seen.has(r.stream)) out.push({ path: [...at, "stream"], message: `'${r.stream}' pays this layer twice` })
      seen.add(r.stream)
    })
  }
  if (p.layers.regular.payers.some((r) => r.kind === "smi") && p.smi === undefined)
    out.push({ path: ["smi"], message: "the regular layer has an smi payer but the policy has no 'smi:' model" })
  return out
}

export const loadPolicy = (file: string, catalogue?: ReadonlyArray<StreamDefinition>): Policy | InvalidFile => {
  const { raw, parsed, problems } = readExtendsChain(resolve(file), POLICY_EXTENDS)
  if (parsed instanceof InvalidFile || problems.length > 0) return new InvalidFile({ file, problems })
  // The defaults a policy may leave out (src/parameters/defaults/policy.yaml), checked before they fill it.
  const defaults = POLICY_DEFAULTS.load()
  if (defaults instanceof InvalidFile) return defaults
  const result = PolicySchema.safeParse(raw)
  if (!result.success) return new InvalidFile({ file, problems: zodProblems(parsed, result.error) })
  const streams = catalogue ?? loadStreamCatalogue()
  if (streams instanceof InvalidFile) return streams
  const policy = toPolicy(result.data, streams)
  const conflicts = policyConflicts(policy)
  if (conflicts.length > 0)
    return new InvalidFile({ file, problems: conflicts.map((c) => ({ file, line: lineOf(parsed, c.path), path: c.path.join("."), message: c.message })) })
  return policy
}
