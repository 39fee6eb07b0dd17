/**
 * The group-level line of a month: occupancy, the kindplek subsidy, the share
 * for empty places (vacancy) and the share children's plus layers could not
 * absorb (surplus), with the policy's flags (seed 004 §III, §X, §XI).
 */
import type { GroupMonth } from "../ledger/types"
import { type Dec, toCents, ZERO } from "../money"
import type { Policy } from "../policy/types"
import { eur, pct } from "./claim"
import { type GroupAllocation, KINDPLEK_SOURCE } from "./kindplek"
import { sourcedRead, untraced } from "../ledger/trace"

export const groupMonthLine = (policy: Policy, a: GroupAllocation, vacancy: Dec, claimed: Dec, paid: Dec, traced = true): GroupMonth => {
  const rate = a.capacityPlaceDays.isZero() ? ZERO : a.occupiedPlaceDays.dividedBy(a.capacityPlaceDays)
  const averageChildren = a.openingDays === 0 ? ZERO : ZERO.plus(a.childOpeningDays).dividedBy(a.openingDays)
  const surplus = claimed.minus(paid)
  const flags: Array<string> = []
  const k = policy.kindplek
  if (k !== undefined && a.basis === "awarded-places") {
    if (rate.lessThan(k.occupancyFloor.value)) flags.push(`occupancy ${pct(rate)} below ${pct(k.occupancyFloor.value)}`)
    if (averageChildren.lessThan(k.minAverageChildren.value))
      flags.push(`average ${averageChildren.toDecimalPlaces(1)} children, below ${k.minAverageChildren.value}`)
  }
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
