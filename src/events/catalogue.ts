/**
 * The event catalogue: every fact geldstroom is built from.
 *
 * Type names are stable domain words (`placement-started`), never code class
 * names; each has a schema version. Older versions are upcast on read
 * (see ./upcasters.ts). docs/events.md is generated from this file
 * (`npm run docs:events`) and a test keeps it in step.
 *
 * Valid time: every event's `validTime` is the day the fact took effect in the
 * world. Intervals are closed: for *-ended, *-left and *-closed events the valid
 * time is the LAST day on which the thing still applied ("t/m").
 */
import { z } from "zod"
import {
  Amount,
  CareType,
  ChildRank,
  GroupDesign,
  IndicationKind,
  IsoDate,
  Outflow,
  PseudonymousId,
  WaitingList
} from "./fields"

const positive = (max: number, what: string) =>
  z.number().positive().max(max).describe(what)

const daysPerWeek = z.number().positive().max(7).describe("days of care per week")
const hoursPerDay = z.number().positive().max(24).describe("hours of care per day")

export const PlacementRequested = z.strictObject({
  placementId: PseudonymousId,
  childId: PseudonymousId,
  providerId: PseudonymousId,
  locationId: PseudonymousId.optional(),
  careType: CareType,
  plus: z.boolean().describe("whether plus care (extra support) is asked for"),
  daysPerWeek,
  hoursPerDay,
  expectedStayMonths: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("months the child is expected to stay once placed (plus groups: typically 6-9 months, seed 000 §2.2); a provision design plans the placement's end with it"),
  intendedOutflow: Outflow.optional().describe(
    "where the child is expected to go after the placement (uitstroomdoel, set at placement, seed 004 §IX.8)"
  )
})

export const PlacementStarted = z.strictObject({
  placementId: PseudonymousId,
  childId: PseudonymousId,
  providerId: PseudonymousId,
  locationId: PseudonymousId,
  groupId: PseudonymousId,
  careType: CareType,
  daysPerWeek,
  hoursPerDay,
  hourlyPrice: Amount.describe("the regular hourly price the provider invoices the parents (EUR)"),
  plus: z
    .boolean()
    .optional()
    .describe("false for a child without extra support needs in an inclusive group: its cost is the group's regular cost price")
})

/** Version 1 of placement-started, as written before 2026: price in whole cents. Upcast on read. */
export const PlacementStartedV1 = z.strictObject({
  placementId: PseudonymousId,
  childId: PseudonymousId,
  providerId: PseudonymousId,
  locationId: PseudonymousId,
  groupId: PseudonymousId,
  careType: CareType,
  daysPerWeek,
  hoursPerDay,
  hourlyRateCents: z.number().int().nonnegative()
})

export const PlacementChanged = z.strictObject({
  placementId: PseudonymousId,
  childId: PseudonymousId,
  groupId: PseudonymousId.optional(),
  daysPerWeek: daysPerWeek.optional(),
  hoursPerDay: hoursPerDay.optional(),
  hourlyPrice: Amount.optional()
})

export const PlacementEnded = z.strictObject({
  placementId: PseudonymousId,
  childId: PseudonymousId,
  outflow: Outflow
})

export const IndicationIssued = z.strictObject({
  indicationId: PseudonymousId,
  childId: PseudonymousId,
  kind: IndicationKind,
  validUntil: IsoDate.optional().describe("last day the indication is valid (inclusive); open-ended when absent"),
  maxDaysPerWeek: positive(7, "most days of care per week the indication allows").optional(),
  maxHoursPerWeek: positive(168, "most hours of care per week the indication allows").optional(),
  householdIncome: Amount.optional().describe("household income (toetsingsinkomen) used for the own contribution")
})

export const IndicationExtended = z.strictObject({
  indicationId: PseudonymousId,
  childId: PseudonymousId,
  validUntil: IsoDate.describe("new last valid day (inclusive)")
})

export const IndicationEnded = z.strictObject({
  indicationId: PseudonymousId,
  childId: PseudonymousId
})

export const WaitingListEntered = z.strictObject({
  childId: PseudonymousId,
  list: WaitingList
})

export const WaitingListLeft = z.strictObject({
  childId: PseudonymousId,
  list: WaitingList,
  reason: z.enum(["placed", "care-started", "withdrawn", "other"]).optional()
})

export const KotEntitlementStarted = z.strictObject({
  childId: PseudonymousId,
  householdIncome: Amount.describe("toetsingsinkomen: the household's combined yearly income (EUR)"),
  childRank: ChildRank
})

export const KotEntitlementChanged = z.strictObject({
  childId: PseudonymousId,
  householdIncome: Amount.optional(),
  childRank: ChildRank.optional()
})

export const KotEntitlementEnded = z.strictObject({
  childId: PseudonymousId
})

export const GroupOpened = z.strictObject({
  groupId: PseudonymousId,
  providerId: PseudonymousId,
  locationId: PseudonymousId,
  design: GroupDesign,
  careType: CareType,
  capacity: z.number().int().positive().max(30).describe("most children present at once"),
  staffing: z.strictObject({
    pedagogical: z.number().nonnegative().describe("pedagogical staff present continuously (fte on the group)"),
    hbo: z.number().nonnegative().describe("of which HBO-trained"),
    specialistHoursPerWeek: z
      .number()
      .nonnegative()
      .optional()
      .describe("jeugdhulp specialist hours on the group (not in the staff-child ratio, seed 002)")
  }),
  costPricePerHour: Amount.optional().describe("full cost price per child-hour of this group, when known (EUR)")
})

export const GroupClosed = z.strictObject({
  groupId: PseudonymousId
})

export const KindplekSubsidyAwarded = z.strictObject({
  awardId: PseudonymousId,
  providerId: PseudonymousId,
  groupId: PseudonymousId,
  year: z.number().int().min(2000).max(2100),
  places: z.number().int().positive().describe("awarded kindplekken"),
  pricePerPlace: Amount.describe("yearly price per kindplek (seed 004 §X; not public: a scenario input)")
})

export const BudgetLineSet = z.strictObject({
  budgetLineId: PseudonymousId,
  year: z.number().int().min(2000).max(2100),
  label: z.string().min(1).max(200),
  amount: Amount,
  streams: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).min(1).describe("funding streams charged to this line")
})

export interface EventDefinition {
  readonly type: string
  readonly version: number
  readonly schema: z.ZodObject
  readonly stream: (data: any) => string
  readonly description: string
  readonly source: string
}

const child = (d: { childId: string }) => `child-${d.childId}`
const group = (d: { groupId: string }) => `group-${d.groupId}`

const define = <S extends z.ZodObject>(
  type: string,
  version: number,
  schema: S,
  stream: (data: z.infer<S>) => string,
  description: string,
  source: string
) => ({ type, version, schema, stream, description, source }) as const

/** The current version of every event type. */
export const catalogue = {
  "placement-requested": define("placement-requested", 1, PlacementRequested, child,
    "A parent or referrer asked for a place.", "DOMAIN.md events outline"),
  "placement-started": define("placement-started", 2, PlacementStarted, child,
    "A child started in a group; valid time is the first day of care.", "DOMAIN.md events outline; seed 004 §IX.4"),
  "placement-changed": define("placement-changed", 1, PlacementChanged, child,
    "Days, hours, price or group of a running placement changed from the valid time on.", "DOMAIN.md events outline"),
  "placement-ended": define("placement-ended", 1, PlacementEnded, child,
    "A placement ended; valid time is the last day of care; outflow names where the child went.", "seed 004 §IX.8, §XI"),
  "indication-issued": define("indication-issued", 1, IndicationIssued, child,
    "An indication or advice was issued, valid from the valid time.", "seed 004 §VI, §VII, §IX.4; seed 002 'Financiering'"),
  "indication-extended": define("indication-extended", 1, IndicationExtended, child,
    "An indication's last valid day moved.", "seed 004 §IX.4"),
  "indication-ended": define("indication-ended", 1, IndicationEnded, child,
    "An indication ended early; valid time is its last valid day.", "seed 004 §IX.4"),
  "waiting-list-entered": define("waiting-list-entered", 1, WaitingListEntered, child,
    "The child was put on a waiting list from the valid time on.", "seed 004 §VII"),
  "waiting-list-left": define("waiting-list-left", 1, WaitingListLeft, child,
    "The child left a waiting list; valid time is the last day on the list.", "seed 004 §VII"),
  "kot-entitlement-started": define("kot-entitlement-started", 1, KotEntitlementStarted, child,
    "The household is entitled to kinderopvangtoeslag for this child from the valid time on.",
    "Wet kinderopvang art. 1.5; Besluit kinderopvangtoeslag art. 4, 6"),
  "kot-entitlement-changed": define("kot-entitlement-changed", 1, KotEntitlementChanged, child,
    "Household income or child rank changed from the valid time on.", "Besluit kinderopvangtoeslag art. 6"),
  "kot-entitlement-ended": define("kot-entitlement-ended", 1, KotEntitlementEnded, child,
    "KOT entitlement ended; valid time is the last entitled day.", "Wet kinderopvang art. 1.5"),
  "group-opened": define("group-opened", 1, GroupOpened, group,
    "A group opened with a design, capacity and staffing.", "seed 004 §IX.1-3; seed 002 'Aanbod — Componenten'"),
  "group-closed": define("group-closed", 1, GroupClosed, group,
    "A group closed; valid time is its last open day.", "DOMAIN.md events outline"),
  "kindplek-subsidy-awarded": define("kindplek-subsidy-awarded", 1, KindplekSubsidyAwarded, group,
    "The municipality awarded kindplekken for a year at a price per place.", "seed 004 §X"),
  "budget-line-set": define("budget-line-set", 1, BudgetLineSet,
    (d) => `budget-${d.budgetLineId}`,
    "A municipal budget line for a year, and the streams charged to it.", "seed 004 §III, §XI")
} as const

export type EventType = keyof typeof catalogue
export const eventTypes = Object.keys(catalogue) as ReadonlyArray<EventType>

export type EventData<T extends EventType> = z.infer<(typeof catalogue)[T]["schema"]>

/** An event's type and data, discriminated on `type`. */
export type DomainEvent = { [T in EventType]: { readonly type: T; readonly data: EventData<T> } }[EventType]

export const isEventType = (type: string): type is EventType => Object.hasOwn(catalogue, type)
