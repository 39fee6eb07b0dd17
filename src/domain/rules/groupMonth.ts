/**
 * The group-level line of a month: occupancy, the kindplek subsidy, the share
 * for empty places (vacancy) and the share children's plus layers could not
 * absorb (surplus), with the policy's flags (seed 004 §III, §X, §XI).
 */
import type { GroupMonth } from "../ledger/types"
import { Dec, toCents, ZERO } from "../money"
import type { Policy } from "../policy/types"
import { eur, pct } from "./claim"
import { type GroupAllocation, KINDPLEK_SOURCE } from "./kindplek"
import { sourcedRead, untraced } from "../ledger/trace"

/**
 * The policy's flags on the occupancy of awarded kindplekken: a rate below the occupancy floor, fewer
 * children a day on average than the minimum (seed 004 §III, §X, §XI; the thresholds are policy data).
 * The one definition and wording, for a group's month and for a location over a period (src/output/runDocument.ts).
 */
export const occupancyFlags = (kindplek: Policy["kindplek"], rate: Dec, averageChildren: Dec): Array<string> => {
  const flags: Array<string> = []
  if (kindplek === undefined) return flags
  // A figure below its threshold is shown rounded down, so it never reads as the threshold itself (79.996 % as 79.99 %).
  if (rate.lessThan(kindplek.occupancyFloor.value))
    flags.push(`occupancy ${rate.times(100).toDecimalPlaces(2, Dec.ROUND_DOWN).toString()} % below ${pct(kindplek.occupancyFloor.value)}`)
  if (averageChildren.lessThan(kindplek.minAverageChildren.value))
    flags.push(`average ${averageChildren.toDecimalPlaces(1, Dec.ROUND_DOWN)} children, below ${kindplek.minAverageChildren.value}`)
  return flags
}

export const groupMonthLine = (policy: Policy, a: GroupAllocation, vacancy: Dec, claimed: Dec, paid: Dec, traced = true): GroupMonth => {
  const rate = a.capacityPlaceDays.isZero() ? ZERO : a.occupiedPlaceDays.dividedBy(a.capacityPlaceDays)
  const averageChildren = a.openingDays === 0 ? ZERO : ZERO.plus(a.childOpeningDays).dividedBy(a.openingDays)
  const surplus = claimed.minus(paid)
  const k = policy.kindplek
  const flags = a.basis === "awarded-places" ? occupancyFlags(k, rate, averageChildren) : []
  return {
    groupId: a.group.groupId,
    providerId: a.group.providerId,
    locationId: a.group.locationId,
    design: a.group.design,
    month: a.month,
    occupancy: {
      places: a.places,
      basis: a.basis,
      capacityPlaceDays: a.capacityPlaceDays,
      occupiedPlaceDays: a.occupiedPlaceDays,
      rate,
      averageChildren,
      openingDays: a.openingDays
    },
    subsidy: a.subsidy,
    allocated: claimed,
    vacancy,
    surplus,
    vacancyCents: toCents(vacancy),
    surplusCents: toCents(surplus),
    flags,
    trace: !traced ? untraced("kindplek-group") : {
      rule: "kindplek-group",
      description: "The group's kindplek subsidy for the month and how it splits into children's shares, empty places (vacancy) and what children's plus layers could not absorb (surplus).",
      source: KINDPLEK_SOURCE,
      formula: [
        ...a.formula,
        `vacancy: ${eur(a.subsidy)} × empty place-days / ${a.denominator.toDecimalPlaces(2)} = ${eur(vacancy)}`,
        `surplus: allocated ${eur(claimed)} − paid into plus layers ${eur(paid)} = ${eur(surplus)}`
      ],
      parameters: k ? [sourcedRead("policy.kindplek.occupancyFloor", k.occupancyFloor), sourcedRead("policy.kindplek.minAverageChildren", k.minAverageChildren)] : [],
      events: [...a.group.events, ...a.awardEvents]
    }
  }
}
