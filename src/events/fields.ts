/**
 * Field schemas shared by the event catalogue, scenario files and imports.
 * Every boundary validates with these, so a bad value is refused with the
 * same message wherever it enters.
 */
import { z } from "zod"
import { isValidIsoDate, isValidYearMonth } from "../domain/calendar"

export const IsoDate = z
  .string()
  .refine(isValidIsoDate, { message: "must be a calendar date written YYYY-MM-DD" })
  .describe("a calendar date, YYYY-MM-DD")

export const YearMonth = z
  .string()
  .refine(isValidYearMonth, { message: "must be a month written YYYY-MM" })
  .describe("a calendar month, YYYY-MM")

export const IsoDateTime = z.iso.datetime({ offset: true }).describe("an instant, ISO 8601 with time zone")

/** A non-negative decimal amount written as a string, so no binary float ever touches money. */
export const Amount = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,6})?$/, { message: "must be a non-negative decimal written like 1234.56" })
  .describe("a non-negative decimal amount in EUR, written as a string")

/** The Dutch citizen service number check (elfproef): 9 digits, weighted sum divisible by 11. */
export const looksLikeBsn = (value: string): boolean => {
  const digits = value.replace(/[\s.-]/g, "")
  if (!/^\d{8,9}$/.test(digits)) return false
  const d = digits.padStart(9, "0")
  let total = 0
  for (let i = 0; i < 8; i++) total += Number(d[i]) * (9 - i)
  total -= Number(d[8])
  return total % 11 === 0 && Number(d) !== 0
}

/**
 * A pseudonymous identifier. Children, providers, groups: geldstroom never holds
 * a citizen service number (BSN) or a name, only pseudonyms like `K-000123`.
 */
export const PseudonymousId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, {
    message: "must be a pseudonymous id: letters, digits and . _ : - (at most 64 characters)"
  })
  .refine((v) => !looksLikeBsn(v), {
    message: "looks like a citizen service number (BSN); use a pseudonymous id instead"
  })
  .describe("a pseudonymous identifier, never a BSN or a name")

export const CareType = z
  .enum(["dagopvang", "bso", "gastouderopvang", "peuteropvang"])
  .describe("kind of childcare (Wet kinderopvang): dagopvang 0-4, bso 4-12, gastouderopvang, peuteropvang 2-4")

export const IndicationKind = z
  .enum(["smi", "smi-plus", "ve", "plus-advice", "bouwsteen-advice", "jeugdhulp"])
  .describe(
    "smi / smi-plus: sociaal medische indicatie (SMI+ for KOplus, seed 004 §IX.4); ve: voorschoolse educatie; " +
      "plus-advice: intake-committee advice for plus care (seed 004 §VI); bouwsteen-advice: advice for the bouwsteen " +
      "Jeugdhulp (seed 004 §VII); jeugdhulp: an indication/arrangement under the Jeugdwet"
  )

export const WaitingList = z
  .enum(["jeugdhulp", "plus-place"])
  .describe("jeugdhulp: waiting for youth care (grounds overbrugging, seed 004 §VII); plus-place: waiting for a plus place")

export const Outflow = z
  .enum(["regular-ko", "school-regular", "school-special", "jeugdhulp", "other", "dropout"])
  .describe("where the child went after the placement (uitstroom, seed 004 §IX.8, §XI); dropout = uitval")

export const GroupDesign = z
  .enum(["homogeneous", "heterogeneous", "hybrid", "regular"])
  .describe("group design (seed 002 'Aanbod — Componenten'): homogeneous plus group, heterogeneous inclusive group, hybrid, or a regular group")

export const ChildRank = z
  .enum(["first", "further"])
  .describe("KOT column: 'first' is the household's child with the most hours of care (Besluit kinderopvangtoeslag art. 6)")
