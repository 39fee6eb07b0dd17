/**
 * The `population:` part of a scenario file: what an analyst knows about the
 * children who will ask for care (seed 002 "Informatie verzamelen": numbers of
 * children per age group, with extra support needs by kind, indications,
 * waiting lists and how long they wait). The generator
 * (./generate.ts) turns it into demand and indication events.
 *
 * Every default below says where it comes from. Most shares are NOT in our
 * public sources: they are assumptions, to be replaced by the municipality's
 * own figures (docs/population-generator.md lists them all).
 */
import { z } from "zod"
import { CareType, Outflow, PseudonymousId } from "../../events/fields"

const SHARE_TOLERANCE = 1e-6

const Share = z.number().min(0).max(1).describe("a fraction between 0 and 1")

const addsUpToOne = (values: Iterable<number>): boolean => {
  let total = 0
  for (const v of values) total += v
  return Math.abs(total - 1) <= SHARE_TOLERANCE
}

/** Checks a record's keys (not by a key schema) so a bad key is reported with its own message. */
const keysChecked =
  (keyProblem: (key: string) => string | undefined) =>
  (r: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    for (const key of Object.keys(r)) {
      const problem = keyProblem(key)
      if (problem !== undefined) ctx.addIssue({ code: "custom", path: [key], message: problem })
    }
  }

/** A map of category → share, the shares adding up to 1, each key checked by `keyProblem`. */
const sharesOf = (what: string, keyProblem: (key: string) => string | undefined) =>
  z
    .record(z.string(), Share)
    .superRefine(keysChecked(keyProblem))
    .refine((r) => Object.keys(r).length > 0, { message: `name at least one ${what}` })
    .refine((r) => addsUpToOne(Object.values(r)), { message: `the ${what} shares must add up to 1` })

const ageBandProblem = (b: string): string | undefined => {
  if (!/^\d{1,2}-\d{1,2}$/.test(b)) return `'${b}' is not an age band: write 'from-to' in whole years, e.g. '2-3'`
  const [from, to] = b.split("-").map(Number) as [number, number]
  return from < to && to <= 13 ? undefined : `age band '${b}' must run from a lower to a higher age, at most 13`
}

const numberProblem = (what: string, max: number) => (k: string): string | undefined =>
  /^\d{1,2}(\.\d+)?$/.test(k) && Number(k) > 0 && Number(k) <= max ? undefined : `${what} '${k}' must be a number above 0 and at most ${max}`

const kindProblem = (k: string): string | undefined =>
  /^[a-z][a-z0-9-]{0,39}$/.test(k) ? undefined : `'${k}' is not a kind of support need: use a lower-case word, e.g. 'behaviour'`

export const OutflowShares = z
  .partialRecord(Outflow, Share)
  .refine((r) => Object.keys(r).length > 0, { message: "name at least one outflow destination" })
  .refine((r) => addsUpToOne(Object.values(r) as Array<number>), { message: "the outflow shares must add up to 1" })

export const MonthRange = z
  .strictObject({ min: z.number().int().positive(), max: z.number().int().positive() })
  .refine((r) => r.min <= r.max, { message: "min must not be above max" })

export const IncomeBand = z
  .strictObject({
    from: z.number().nonnegative().describe("lowest household income (toetsingsinkomen) in the band, EUR a year"),
    to: z.number().positive().describe("highest household income in the band, EUR a year"),
    share: Share
  })
  .refine((b) => b.from < b.to, { message: "an income band's 'from' must be below its 'to'" })

const IncomeBands = z
  .array(IncomeBand)
  .min(1)
  .refine((bands) => addsUpToOne(bands.map((b) => b.share)), { message: "the income band shares must add up to 1" })

const SupportKind = z.strictObject({
  share: Share.describe("share of the children with support needs who have this kind"),
  bouwsteenAdvice: Share.optional().describe("overrides supportNeeds.bouwsteenAdvice for this kind"),
  jeugdhulpWaiting: Share.optional().describe("overrides supportNeeds.jeugdhulpWaiting.share for this kind"),
  outflow: OutflowShares.optional().describe("overrides the outflow shares for this kind")
})

export const PopulationSpec = z.strictObject({
  // Assumption: any fixed number; the same seed always gives the same children.
  seed: z.number().int().min(0).max(4_294_967_295).default(1),
  // Pseudonymous ids only (STANDARDS.md): child ids are `<idPrefix><seed>-<number>`, e.g. K1-0000001.
  idPrefix: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,15}$/).default("K"),
  // Assumption: one provider receives the requests; the provision design decides where children go.
  providerId: PseudonymousId.default("P-1"),
  // KOplus 0-4 is dagopvang (seed 004 §V: kinderen van 0-4 jaar).
  careType: CareType.default("dagopvang"),
  // No default: how many children there are is the analyst's first input (seed 002 "Informatie verzamelen").
  children: z.strictObject({
    atStart: z.number().int().nonnegative().describe("children already in care on the first day of the period"),
    inflowPerMonth: z.number().nonnegative().describe("new requests per month (a fraction carries over to the next month)")
  }),
  // Assumption: equal shares (birth cohorts are of similar size); seed 002 asks for numbers per age group.
  ageBands: sharesOf("age band", ageBandProblem).default({ "0-1": 0.25, "1-2": 0.25, "2-3": 0.25, "3-4": 0.25 }),
  supportNeeds: z
    .strictObject({
      // Assumption: the population is the plus-care demand itself (seed 004 §V doelgroep); lower it to mix in
      // children without support needs, e.g. for a heterogeneous design.
      share: Share.default(1),
      // Kinds after seed 004 §V.1 a (ontwikkelingsachterstand), b ((gedrags)problemen), c (kwetsbare
      // opvoedingscontext); the shares are an assumption.
      kinds: z
        .record(z.string(), SupportKind)
        .superRefine(keysChecked(kindProblem))
        .refine((r) => Object.keys(r).length > 0, { message: "name at least one kind of support need" })
        .refine((r) => addsUpToOne(Object.values(r).map((k) => k.share)), { message: "the kinds' shares must add up to 1" })
        .default({ development: { share: 0.5 }, behaviour: { share: 0.3 }, context: { share: 0.2 } }),
      // Seed 004 §VI, §X: every KOplus registration passes the intake committee, which advises the place.
      plusAdvice: Share.default(1),
      // Assumption (not public): share of children with support needs and WITHOUT a jeugdhulp indication whose
      // intake advice includes the bouwsteen Jeugdhulp (seed 004 §VII).
      bouwsteenAdvice: Share.default(0.25),
      jeugdhulpWaiting: z
        .strictObject({
          // Assumption (not public): share of children with support needs who have a jeugdhulp indication and
          // wait for youth care (seed 001: "kinderopvang als wachtkamer"; seed 004 §VII overbrugging).
          share: Share.default(0.1),
          // Assumption: waiting times of 3 to 9 months (seed 002 asks for "duur wachttijd"; no figure given).
          months: MonthRange.default({ min: 3, max: 9 })
        })
        .prefault({})
    })
    .prefault({}),
  funding: z
    .strictObject({
      // Seed 004 §X: parents pay via KOT or via an SMI indication, so 'neither' is 0 by default;
      // the KOT/SMI split is an assumption.
      shares: z
        .strictObject({ kot: Share, smi: Share, neither: Share.default(0) })
        .refine((s) => addsUpToOne([s.kot, s.smi, s.neither]), { message: "the kot, smi and neither shares must add up to 1" })
        .default({ kot: 0.5, smi: 0.5, neither: 0 }),
      kot: z
        .strictObject({
          // Assumption: share of KOT children who are the household's 'first' child (most hours of care,
          // Besluit kinderopvangtoeslag art. 6).
          firstChildShare: Share.default(0.6),
          // Assumption: an illustrative spread of working households' incomes (no public distribution in our sources).
          income: IncomeBands.default([
            { from: 25_000, to: 45_000, share: 0.25 },
            { from: 45_000, to: 70_000, share: 0.35 },
            { from: 70_000, to: 110_000, share: 0.25 },
            { from: 110_000, to: 180_000, share: 0.15 }
          ])
        })
        .prefault({}),
      smi: z
        .strictObject({
          // Assumption: SMI families are mostly on low incomes (no KOT: not both parents working).
          income: IncomeBands.default([
            { from: 15_000, to: 25_000, share: 0.5 },
            { from: 25_000, to: 40_000, share: 0.5 }
          ]),
          // Seed 004 §IX.4: with an SMI+ indication a placement is at most 4 days a week.
          maxDaysPerWeek: z.number().positive().max(7).default(4)
        })
        .prefault({})
    })
    .prefault({}),
  // Assumption: most plus placements are part-time (seed 004 §IX.4 warns against 4 full days for the youngest).
  daysPerWeek: sharesOf("days-per-week", numberProblem("days per week", 7)).default({ "2": 0.35, "3": 0.4, "4": 0.2, "5": 0.05 }),
  // Assumption: a full dagopvang day of 10 hours (Rotterdam SMI: at most 10.5 h a day, PARAMETERS.md).
  // Either one number or shares per number of hours.
  hoursPerDay: z.union([z.number().positive().max(24), sharesOf("hours-per-day", numberProblem("hours per day", 24))]).default(10),
  // Seed 000 §2.2 (Hero): a plus group placement of 6 to 9 months.
  stayMonths: MonthRange.default({ min: 6, max: 9 }),
  // Assumption: no VE indications unless the scenario says so (VE is for children from 2.5 years, seed 001).
  veIndication: Share.default(0),
  // Destinations from seed 004 §IV, §IX.8, §XI (uitstroom, uitval); the shares are an assumption.
  outflow: OutflowShares.default({
    "regular-ko": 0.4,
    "school-regular": 0.25,
    "school-special": 0.15,
    jeugdhulp: 0.15,
    dropout: 0.05
  })
})

export type PopulationSpec = z.output<typeof PopulationSpec>
export type PopulationSpecInput = z.input<typeof PopulationSpec>
