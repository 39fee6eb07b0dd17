/**
 * Groups as the rules see them: design, capacity, cost price and kindplek
 * awards, derived from the group's facts (the statement recorded last wins).
 */
import type { EventData } from "../../events/catalogue"
import { Dec } from "../money"
import { decimalOf } from "./kept"
import type { Sourced } from "../policy/types"
import { latestRecorded } from "../timeline/facts"
import type { GroupState } from "../timeline/state"

export interface KindplekAward {
  readonly awardId: string
  readonly year: number
  readonly places: number
  readonly pricePerPlace: Dec
  readonly eventId: string
}

export interface GroupInfo {
  readonly groupId: string
  readonly providerId: string
  readonly locationId: string
  readonly design: EventData<"group-opened">["design"]
  readonly careType: EventData<"group-opened">["careType"]
  readonly capacity: number
  readonly staffing: EventData<"group-opened">["staffing"]
  readonly from: number
  readonly to: number
  /** The group's own cost price per child-hour, when its events give one. */
  readonly costPricePerHour: Sourced<Dec> | undefined
  readonly awards: ReadonlyArray<KindplekAward>
  readonly events: ReadonlyArray<string>
}

export const groupInfo = (group: GroupState): GroupInfo | undefined => {
  const opened = latestRecorded(group.opened)
  if (opened === undefined) return undefined
  const closed = latestRecorded(group.closed)
  const awards: Array<KindplekAward> = []
  for (const [awardId, facts] of [...group.awards.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const award = latestRecorded(facts)
    if (award === undefined) continue
    awards.push({
      awardId,
      year: award.data.year,
      places: award.data.places,
      pricePerPlace: decimalOf(award.data.pricePerPlace),
      eventId: award.eventId
    })
  }
  const d = opened.data
  return {
    groupId: group.groupId,
    providerId: d.providerId,
    locationId: d.locationId,
    design: d.design,
    careType: d.careType,
    capacity: d.capacity,
    staffing: d.staffing,
    from: opened.day,
    to: closed === undefined ? Infinity : closed.day,
    costPricePerHour:
      d.costPricePerHour === undefined
        ? undefined
        : { value: new Dec(d.costPricePerHour), source: `group-opened event ${opened.eventId}`, assumption: false },
    awards,
    events: [opened.eventId, ...(closed ? [closed.eventId] : [])]
  }
}

export const groupInfos = (groups: ReadonlyMap<string, GroupState>): ReadonlyMap<string, GroupInfo> => {
  const out = new Map<string, GroupInfo>()
  for (const [id, g] of groups) {
    const info = groupInfo(g)
    if (info !== undefined) out.set(id, info)
  }
  return out
}

export const awardsInYear = (group: GroupInfo, year: number): ReadonlyArray<KindplekAward> =>
  group.awards.filter((a) => a.year === year)
