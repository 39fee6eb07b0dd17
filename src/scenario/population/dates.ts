/**
 * Day arithmetic for scenario generators, on day numbers (days since
 * 1970-01-01, as in src/domain/calendar.ts), without Date objects: the
 * generator does this a few times per child for a million children.
 * Civil-date conversion after Howard Hinnant's `days_from_civil` /
 * `civil_from_days` (proleptic Gregorian calendar).
 */
import { dayNumber, firstDayOfMonth, lastDayOfMonth, type YearMonth } from "../../domain/calendar"

export interface Civil {
  readonly year: number
  /** 1-12 */
  readonly month: number
  /** 1-31 */
  readonly day: number
}

export const dayFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

export const civilFromDay = (dayNo: number): Civil => {
  const z = dayNo + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const monthLength = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!)

/**
 * The same day of the month `n` months later; clamped to the month's last day
 * (31 January + 1 month = 28 or 29 February).
 */
export const addMonthsToDay = (dayNo: number, n: number): number => {
  const c = civilFromDay(dayNo)
  const m0 = c.month - 1 + n
  const year = c.year + Math.floor(m0 / 12)
  const month = (((m0 % 12) + 12) % 12) + 1
  return dayFromCivil(year, month, Math.min(c.day, monthLength(year, month)))
}

/** The last day of a stay of `months` months that starts on `from` ("t/m"). */
export const lastDayOfStay = (from: number, months: number): number => addMonthsToDay(from, months) - 1

/** Whole months from `from` until `to` (how many months fit before `to`). */
export const wholeMonthsBetween = (from: number, to: number): number => {
  if (to <= from) return 0
  const a = civilFromDay(from)
  const b = civilFromDay(to)
  let months = (b.year - a.year) * 12 + (b.month - a.month)
  while (months > 0 && addMonthsToDay(from, months) > to) months--
  return months
}

const isoCache = new Map<number, string>()

/** A day number as YYYY-MM-DD (cached: a population spans a few thousand distinct days). */
export const isoOf = (dayNo: number): string => {
  let s = isoCache.get(dayNo)
  if (s === undefined) {
    const c = civilFromDay(dayNo)
    s = `${String(c.year).padStart(4, "0")}-${String(c.month).padStart(2, "0")}-${String(c.day).padStart(2, "0")}`
    if (isoCache.size < 100_000) isoCache.set(dayNo, s)
  }
  return s
}

/** First and last day of a period of months. */
export const periodDays = (period: { readonly from: YearMonth; readonly to: YearMonth }) => ({
  first: dayNumber(firstDayOfMonth(period.from)),
  last: dayNumber(lastDayOfMonth(period.to))
})
