/**
 * One generated child: its draws and its demand and indication events.
 *
 * Every child draws the same fixed sequence of random numbers from its own
 * stream (./random.ts), whatever the branches: changing one share (say the
 * bouwsteen advice) changes only what that share decides, never the other
 * attributes of the same child. Comparing two scenarios thus compares like
 * with like (common random numbers).
 */
import { type DomainEvent, envelope, type EventEnvelope, noonOf } from "../../events"
import { addMonthsToDay, isoOf, lastDayOfStay, wholeMonthsBetween } from "./dates"
import { groupIds } from "./ids"
import type { Funding, OutflowKind, PreparedPopulation } from "./prepare"
import { intAt, pick, streamFor } from "./random"

const DAYS_PER_YEAR = 365.25
/** VE (voorschoolse educatie) is for children from 2.5 years (seed 001: "Peuters 2,5-4,0 jaar"). */
const VE_FROM_MONTHS = 30

/** The drawn attributes of a child (also what tests check the distributions on). */
export interface ChildDraw {
  readonly childId: string
  readonly requestDay: number
  readonly ageDays: number
  readonly plus: boolean
  readonly kind: string | undefined
  readonly funding: Funding
  readonly income: number
  readonly firstChild: boolean
  readonly daysPerWeek: number
  readonly hoursPerDay: number
  readonly stayMonths: number
  readonly outflow: OutflowKind
  readonly plusAdvice: boolean
  readonly jeugdhulpWaitMonths: number | undefined
  readonly bouwsteenAdvice: boolean
  readonly ve: boolean
  /** The 4th birthday (day number): dagopvang ends there. */
  readonly fourthBirthday: number
}

export const childIdOf = (p: PreparedPopulation, n: number): string =>
  `${p.spec.idPrefix}${p.spec.seed}-${String(n).padStart(7, "0")}`

/**
 * Draw child number `n`, asking for care on `requestDay`. A child already in
 * care at the start (`atStart`) has been there a while: its remaining stay is
 * drawn uniformly from 1 month to the whole stay.
 */
export const drawChild = (p: PreparedPopulation, n: number, requestDay: number, atStart: boolean): ChildDraw => {
  const spec = p.spec
  const random = streamFor(spec.seed, n)
  // The fixed sequence of draws (never reorder: it would change every child).
  const uAge = random()
  const uAgeIn = random()
  const uPlus = random()
  const uKind = random()
  const uFunding = random()
  const uBand = random()
  const uIncome = random()
  const uRank = random()
  const uDays = random()
  const uHours = random()
  const uStay = random()
  const uRemaining = random()
  const uOutflow = random()
  const uPlusAdvice = random()
  const uWaiting = random()
  const uWaitMonths = random()
  const uBouwsteen = random()
  const uVe = random()

  const age = pick(uAge, p.ages)
  const ageDays = Math.floor((age.from + uAgeIn * (age.to - age.from)) * DAYS_PER_YEAR)
  const plus = uPlus < spec.supportNeeds.share
  const kind = plus ? pick(uKind, p.kinds) : undefined
  const funding = pick(uFunding, p.funding)
  const bands = funding === "smi" ? p.smiIncome : p.kotIncome
  const band = pick(uBand, bands)
  const income = Math.round(band.from + uIncome * (band.to - band.from))
  const drawnDays = pick(uDays, p.days)
  // Seed 004 §IX.4: an SMI+ placement is at most maxDaysPerWeek (4) days a week.
  const daysPerWeek = funding === "smi" ? Math.min(drawnDays, spec.funding.smi.maxDaysPerWeek) : drawnDays
  const stayRange = spec.stayMonths
  const fullStay = intAt(uStay, stayRange.min, stayRange.max)
  let stayMonths = atStart ? 1 + Math.floor(uRemaining * fullStay) : fullStay
  let outflow = pick(uOutflow, kind ? kind.outflow : p.outflow)
  const birthDay = requestDay - ageDays
  const fourthBirthday = addMonthsToDay(birthDay, 48)
  if (p.untilFour) {
    // Dagopvang is for 0-4; children leave for school at 4 (seed 001: "uitstroom ... vanaf de leeftijd van 4;0 jaar").
    const untilFour = Math.max(1, wholeMonthsBetween(requestDay, fourthBirthday))
    if (stayMonths > untilFour) {
      stayMonths = untilFour
      if (outflow === "regular-ko") outflow = "school-regular"
    }
  }
  const waiting = plus && kind !== undefined && uWaiting < kind.jeugdhulpWaiting
  const wait = spec.supportNeeds.jeugdhulpWaiting.months
  return {
    childId: childIdOf(p, n),
    requestDay,
    ageDays,
    plus,
    kind: kind?.name,
    funding,
    income,
    firstChild: uRank < spec.funding.kot.firstChildShare,
    daysPerWeek,
    hoursPerDay: pick(uHours, p.hours),
    stayMonths,
    outflow,
    plusAdvice: plus && uPlusAdvice < spec.supportNeeds.plusAdvice,
    jeugdhulpWaitMonths: waiting ? intAt(uWaitMonths, wait.min, wait.max) : undefined,
    // Seed 004 §VII: the bouwsteen is for children WITHOUT a jeugdhulp indication (invariant 4).
    bouwsteenAdvice: plus && !waiting && kind !== undefined && uBouwsteen < kind.bouwsteenAdvice,
    // VE is for children from 2.5 to 4 (seed 001).
    ve: ageDays >= (VE_FROM_MONTHS * DAYS_PER_YEAR) / 12 && requestDay < fourthBirthday && uVe < spec.veIndication,
    fourthBirthday
  }
}

interface Pending {
  readonly event: DomainEvent
  readonly validTime: string
}

/** Envelopes for a child's events: ids from one hash of all their content (./ids.ts). */
const envelopes = (pending: ReadonlyArray<Pending>, source: string): Array<EventEnvelope> => {
  const ids = groupIds(JSON.stringify(pending.map((p) => [p.event.type, p.event.data, p.validTime])), pending.length)
  const metadata = { source }
  return pending.map((p, k) =>
    envelope(p.event, { eventId: ids[k]!, validTime: p.validTime, recordedTime: noonOf(p.validTime), metadata })
  )
}

/** The events of a drawn child, in valid-time order; none after the period's last day. */
export const childEvents = (p: PreparedPopulation, c: ChildDraw, periodLast: number): Array<EventEnvelope> => {
  const spec = p.spec
  const validTime = isoOf(c.requestDay)
  const id = c.childId
  const out: Array<Pending> = [
    {
      validTime,
      event: {
        type: "placement-requested",
        data: {
          placementId: `PL-${id}`,
          childId: id,
          providerId: spec.providerId,
          careType: spec.careType,
          plus: c.plus,
          daysPerWeek: c.daysPerWeek,
          hoursPerDay: c.hoursPerDay,
          expectedStayMonths: c.stayMonths,
          intendedOutflow: c.outflow
        }
      }
    }
  ]
  const at = (event: DomainEvent, time: string = validTime) => out.push({ event, validTime: time })
  if (c.funding === "kot") {
    at({ type: "kot-entitlement-started", data: { childId: id, householdIncome: String(c.income), childRank: c.firstChild ? "first" : "further" } })
  } else if (c.funding === "smi") {
    // SMI+ for plus care (seed 004 §IX.4); its size and duration are those of the placement asked for.
    at({
      type: "indication-issued",
      data: {
        indicationId: `I-${id}-SMI`,
        childId: id,
        kind: c.plus ? "smi-plus" : "smi",
        validUntil: isoOf(lastDayOfStay(c.requestDay, c.stayMonths)),
        maxDaysPerWeek: c.daysPerWeek,
        maxHoursPerWeek: c.daysPerWeek * c.hoursPerDay,
        householdIncome: String(c.income)
      }
    })
  }
  if (c.plusAdvice) at({ type: "indication-issued", data: { indicationId: `I-${id}-PA`, childId: id, kind: "plus-advice" } })
  if (c.bouwsteenAdvice) at({ type: "indication-issued", data: { indicationId: `I-${id}-BS`, childId: id, kind: "bouwsteen-advice" } })
  if (c.ve) at({ type: "indication-issued", data: { indicationId: `I-${id}-VE`, childId: id, kind: "ve", validUntil: isoOf(c.fourthBirthday - 1) } })
  if (c.jeugdhulpWaitMonths !== undefined) {
    at({ type: "indication-issued", data: { indicationId: `I-${id}-JH`, childId: id, kind: "jeugdhulp" } })
    at({ type: "waiting-list-entered", data: { childId: id, list: "jeugdhulp" } })
    const lastWaiting = lastDayOfStay(c.requestDay, c.jeugdhulpWaitMonths)
    if (lastWaiting <= periodLast) at({ type: "waiting-list-left", data: { childId: id, list: "jeugdhulp", reason: "care-started" } }, isoOf(lastWaiting))
  }
  return envelopes(out, p.source)
}
