/**
 * The import's privacy guard. geldstroom holds pseudonymous ids only: no
 * citizen service number (BSN) and no names (docs/import.md "Privacy").
 * A value that looks like either is refused with advice on how to
 * pseudonymise, and the value itself is never echoed (an error message in a
 * terminal or a log would leak it).
 */
import { looksLikeBsn } from "../events/fields"

/** How to pseudonymise: printed once after the refusals of a file. */
export const PSEUDONYMISE_ADVICE =
  "How to pseudonymise: replace each BSN or name by a pseudonym before importing, either a keyed hash " +
  "(HMAC-SHA256 of the BSN with a secret key that stays outside geldstroom, e.g. the first 12 hex digits: K-3f9a0c51e2b7) " +
  "or the number the child has in your own administration, with the key or the register kept outside geldstroom. " +
  "The same child must get the same pseudonym in every file. See docs/import.md#privacy."

const WORD = "[\\p{L}'’-]+"
const CAPITALISED = "\\p{Lu}[\\p{L}'’-]*"

/**
 * A person's name as written in an id column: two or more words of letters
 * separated by spaces (or "Surname, First"), the first and the last capitalised:
 * "Jan de Vries", "Fatima El Amrani", "Vries, Jan de". Single words cannot be
 * told from pseudonyms and pass; ids may not contain spaces anyway.
 */
const NAME = new RegExp(`^${CAPITALISED}(?:,?\\s+${WORD})*,?\\s+${CAPITALISED}$`, "u")
const NAME_WITH_PARTICLE_LAST = new RegExp(`^${CAPITALISED},\\s+${WORD}(?:\\s+${WORD})*$`, "u")

export const looksLikeName = (value: string): boolean => {
  const v = value.trim()
  return NAME.test(v) || NAME_WITH_PARTICLE_LAST.test(v)
}

/** A 9-digit number passing the elfproef anywhere in a text (labels, sources). */
export const containsBsn = (text: string): boolean =>
  (text.match(/(?<![\d.,-])\d(?:[ .-]?\d){8}(?![\d]|[.,-]\d)/g) ?? []).some((token) => looksLikeBsn(token))

/** The short form each refusal ends with; the full advice is printed once per file. */
export const PSEUDONYMISE_HINT =
  "geldstroom keeps pseudonymous ids only: replace it by a keyed hash or a register number kept outside geldstroom (docs/import.md#privacy)"

/** Why a value in a column is refused, or undefined when it may be imported. */
export const privacyProblem = (columnType: "id" | "text", value: string): string | undefined => {
  if (columnType === "id") {
    if (looksLikeBsn(value)) return `refused: the value looks like a citizen service number (BSN: nine digits passing the elfproef); ${PSEUDONYMISE_HINT}`
    if (looksLikeName(value)) return `refused: the value looks like a person's name; ${PSEUDONYMISE_HINT}`
    return undefined
  }
  return containsBsn(value) ? `refused: the text contains what looks like a citizen service number (BSN); ${PSEUDONYMISE_HINT}` : undefined
}
