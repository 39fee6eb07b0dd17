/**
 * Every value in a policy that is not a published figure, listed for the
 * run's `assumptions` (DOMAIN.md "Numbers": what is not public is a scenario
 * input, and the program must say so).
 */
import type { Assumption } from "../ledger/types"
import { payerFieldPath } from "./paths"
import type { Layer, Policy, Sourced } from "./types"

const add = (out: Array<Assumption>, path: string, v: Sourced<{ toString(): string }> | undefined) => {
  if (v !== undefined && v.assumption)
    out.push({ path, value: v.value.toString(), source: v.source, reason: "a policy input, not a confirmed public figure" })
}

export const policyAssumptions = (policy: Policy): ReadonlyArray<Assumption> => {
  const out: Array<Assumption> = []
  const p = `policy ${policy.id}`
  add(out, `${p}.contractWeeksPerYear`, policy.contractWeeksPerYear)
  for (const [layer, l] of Object.entries(policy.layers))
    for (const r of l.payers) {
      if (r.kind === "direct") add(out, `${p}.${payerFieldPath(layer as Layer, r.stream, "share")}`, r.share)
      if ((r.kind === "overbrugging" || r.kind === "bouwsteen") && r.maxPerMonth) add(out, `${p}.${payerFieldPath(layer as Layer, r.stream, "maxPerMonth")}`, r.maxPerMonth)
    }
  const smi = policy.smi
  if (smi) {
    add(out, `${p}.smi.maxHoursPerMonth`, smi.maxHoursPerMonth)
    add(out, `${p}.smi.maxMonths`, smi.maxMonths)
    add(out, `${p}.smi.smiPlusMaxDaysPerWeek`, smi.smiPlusMaxDaysPerWeek)
    const oc = smi.ownContribution
    if (oc.kind === "share" || oc.kind === "share-above-threshold") add(out, `${p}.smi.ownContribution.share`, oc.share)
    if (oc.kind === "share-above-threshold" || oc.kind === "kot-table-above-threshold") add(out, `${p}.smi.ownContribution.threshold`, oc.threshold)
    if (oc.kind === "income-table" && oc.assumption)
      out.push({ path: `${p}.smi.ownContribution.rows`, value: `${oc.rows.length} rows`, source: oc.source, reason: "a policy input, not a confirmed public figure" })
  }
  if (policy.kindplek) {
    add(out, `${p}.kindplek.occupancyFloor`, policy.kindplek.occupancyFloor)
    add(out, `${p}.kindplek.minAverageChildren`, policy.kindplek.minAverageChildren)
  }
  if (policy.jeugdhulpExpertise) {
    add(out, `${p}.jeugdhulpExpertise.hoursPerWeek`, policy.jeugdhulpExpertise.hoursPerWeek)
    add(out, `${p}.jeugdhulpExpertise.hourlyRate`, policy.jeugdhulpExpertise.hourlyRate)
  }
  for (const [design, v] of Object.entries(policy.costPrices.byDesign)) add(out, `${p}.costPrices.byDesign.${design}`, v)
  for (const [group, v] of Object.entries(policy.costPrices.byGroup)) add(out, `${p}.costPrices.byGroup.${group}`, v)
  return out
}
