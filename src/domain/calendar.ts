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

export const dayNumber = (date: IsoDate): number => dayNumbers.get(date, dayNumberOf)

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
