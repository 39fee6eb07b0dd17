/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) and months (`YYYY-MM`).
 *
 * Dates are civil dates without a time zone: a valid time in geldstroom is
 * "the day it happened in the world". Internally a date is a day number
 * (days since 1970-01-01), which makes intervals and proration exact integers.
 */

import { Kept } from "./keptTable"

export type IsoDate = string
export type YearMonth = string

const DAY_MS = 86_400_000

/** Dates and day numbers kept at most (a year's dates are 366 of them). */
const DAY_NUMBERS_KEPT = 100_000

/** Day numbers of dates seen, kept: a replay turns the same few thousand dates into numbers millions of times. */
const dayNumbers = new Kept<string, number>(DAY_NUMBERS_KEPT)

const dayNumberOf = (date: IsoDate): number =>
  Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS)

/** The digit at a position of a text, or -1 when it holds no digit. */
const digitAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : -1
}

/**
 * Day number of a `YYYY-MM-DD` text with a year from 100 and a month from 01 to 12, worked out from
 * its digits (days from the civil date, proleptic Gregorian, as Date.UTC counts them; any two-digit
 * day, as Date.UTC carries a day past the month's end into the next): no lookup, no Date. Else
 * undefined, and the Date.UTC path (`dayNumberOf`) answers.
 */
const civilDayNumber = (date: string): number | undefined => {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return undefined
  const y3 = digitAt(date, 0), y2 = digitAt(date, 1), y1 = digitAt(date, 2), y0 = digitAt(date, 3)
  const m1 = digitAt(date, 5), m0 = digitAt(date, 6), d1 = digitAt(date, 8), d0 = digitAt(date, 9)
  if ((y3 | y2 | y1 | y0 | m1 | m0 | d1 | d0) < 0) return undefined
  let y = y3 * 1000 + y2 * 100 + y1 * 10 + y0
  const m = m1 * 10 + m0
  const d = d1 * 10 + d0
  if (y < 100 || m < 1 || m > 12) return undefined
  if (m <= 2) y -= 1
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Days since 1970-01-01 of an ISO date: from its digits (`civilDayNumber`), else by Date.UTC, kept. */
export const dayNumber = (date: IsoDate): number => civilDayNumber(date) ?? dayNumbers.get(date, dayNumberOf)

/** The Date.UTC path alone (for the tests that hold `dayNumber` to it). */
export const dayNumberByDate = dayNumberOf

/** ISO dates of day numbers seen, kept: every event's dates are checked (`isValidIsoDate`) by turning them back into text. */
const isoDates = new Kept<number, IsoDate>(DAY_NUMBERS_KEPT)

const isoDateOf = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10)

export const fromDayNumber = (day: number): IsoDate => isoDates.get(day, isoDateOf)

export const isValidIsoDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  return fromDayNumber(dayNumber(value)) === value
}

export const isValidYearMonth = (value: string): boolean =>
  /^\d{4}-(0[1-9]|1[0-2])$/.test(value)

export const yearOf = (date: IsoDate | YearMonth): number => Number(date.slice(0, 4))

export const firstDayOfMonth = (month: YearMonth): IsoDate => `${month}-01`

export const daysInMonth = (month: YearMonth): number => {
  const i = monthInterval(month)
  return i.to - i.from + 1
}

export const lastDayOfMonth = (month: YearMonth): IsoDate =>
  `${month}-${String(daysInMonth(month)).padStart(2, "0")}`

export const daysInYear = (year: number): number =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365

export const addMonths = (month: YearMonth, n: number): YearMonth => {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7)) - 1 + n
  const year = y + Math.floor(m / 12)
  const mm = ((m % 12) + 12) % 12
  return `${String(year).padStart(4, "0")}-${String(mm + 1).padStart(2, "0")}`
}

export const addDays = (date: IsoDate, n: number): IsoDate => fromDayNumber(dayNumber(date) + n)

/** Months from `from` to `to`, both included, in order. */
export const monthsBetween = (from: YearMonth, to: YearMonth): ReadonlyArray<YearMonth> => {
  const out: Array<YearMonth> = []
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m)
  return out
}

/** A closed interval of days, `from` and `to` both included (day numbers). `to` may be +Infinity. */
export interface DayInterval {
  readonly from: number
  readonly to: number
}

const monthIntervals = new Map<string, DayInterval>()

/** The days of a month (kept per month: the rules ask for them for every child-month). */
export const monthInterval = (month: YearMonth): DayInterval => {
  let i = monthIntervals.get(month)
  if (i === undefined) {
    const y = Number(month.slice(0, 4))
    const m = Number(month.slice(5, 7))
    const from = Math.floor(Date.UTC(y, m - 1, 1) / DAY_MS)
    const to = Math.floor(Date.UTC(y, m, 0) / DAY_MS)
    i = Object.freeze({ from, to })
    if (monthIntervals.size >= DAY_NUMBERS_KEPT) monthIntervals.clear()
    monthIntervals.set(month, i)
  }
  return i
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1

/** Monday–Friday days inside an interval: the opening days of a childcare group. */
export const weekdaysIn = (i: DayInterval): number => {
  let n = 0
  for (let d = i.from; d <= i.to; d++) if (isoWeekday(d) <= 5) n++
  return n
}
