/**
 * Facts: what an event states, kept with its valid day and its recorded time.
 *
 * A state in geldstroom is a set of facts kept in one canonical order
 * (valid day, then recorded time, then event id) with each event id at most
 * once. Adding facts is therefore commutative and idempotent: replaying events
 * in any order, twice, or as a snapshot plus the rest gives the same state
 * (DOMAIN.md invariant 8).
 */
export interface Fact<T> {
  readonly eventId: string
  /** Day number of the valid time (see ../calendar.ts). */
  readonly day: number
  /** Recorded time, ISO 8601 (compares as text when written in UTC with the same precision). */
  readonly recorded: string
  readonly data: T
}

export const compareFacts = (a: Fact<unknown>, b: Fact<unknown>): number =>
  a.day - b.day || (a.recorded < b.recorded ? -1 : a.recorded > b.recorded ? 1 : 0) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)

/** Recorded-time order: which of two statements about the same thing was made last. */
export const compareRecorded = (a: Fact<unknown>, b: Fact<unknown>): number =>
  (a.recorded < b.recorded ? -1 : a.recorded > b.recorded ? 1 : 0) || a.day - b.day || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)

/** Insert a fact in canonical order; a fact whose event id is already there is ignored. */
export const insertFact = <T>(list: ReadonlyArray<Fact<T>>, fact: Fact<T>): ReadonlyArray<Fact<T>> => {
  let i = list.length
  while (i > 0 && compareFacts(list[i - 1]!, fact) > 0) i--
  for (let j = 0; j < list.length; j++) if (list[j]!.eventId === fact.eventId) return list
  return [...list.slice(0, i), fact, ...list.slice(i)]
}

/** The statement recorded last (a correction supersedes what it corrects). */
export const latestRecorded = <T>(list: ReadonlyArray<Fact<T>>): Fact<T> | undefined => {
  let best: Fact<T> | undefined
  for (const f of list) if (best === undefined || compareRecorded(f, best) > 0) best = f
  return best
}

/** Canonical texts of instants seen (a replay meets the same recorded times again and again). */
const canonicalTexts = new Map<string, string>()

/** Instant → canonical recorded-time text (UTC, millisecond precision), so text order is time order. */
export const canonicalInstant = (iso: string): string => {
  let text = canonicalTexts.get(iso)
  if (text === undefined) {
    text = new Date(iso).toISOString()
    if (canonicalTexts.size >= 100_000) canonicalTexts.clear()
    canonicalTexts.set(iso, text)
  }
  return text
}
