/**
 * The `design:` part of a scenario file: how care is provided (seed 002
 * "Aanbod — Componenten"; DOMAIN.md "Group designs to compare"). One of
 *
 * - homogeneous: plus groups of only children with support needs, Rotterdam
 *   KOplus style: at most 11 children, 2 pedagogical staff continuously, at
 *   least one HBO-trained (seed 004 §IV, §IX.1-2);
 * - heterogeneous: children with support needs spread over regular groups,
 *   with an extra staff member for every k of them and coaching hours;
 * - hybrid: pedagogical staff plus a jeugdhulp specialist on the group whose
 *   hours do not count in the staff-child ratio (seed 002 "Hybride groepen").
 *
 * Every default says where it comes from; docs/designs.md lists them.
 */
import { z } from "zod"
import { CareType, IsoDate, PseudonymousId } from "../../events/fields"
import { DESIGN_DEFAULTS_FILE, defaultsFile } from "../../parameters/defaults"
import { AmountText as AmountField } from "../fields"

const AmountText = AmountField.describe("an amount in EUR, e.g. 10.50")

/** The design's defaults that are figures about the world, dated and sourced (src/parameters/defaults/design.yaml). */
export const DESIGN_DEFAULTS = defaultsFile(DESIGN_DEFAULTS_FILE, { hourlyPrice: AmountText })

const IdPrefix = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,15}$/, { message: "an id prefix is a letter and up to 15 letters or digits" })

const AgeBand = z
  .string()
  .regex(/^\d{1,2}-\d{1,2}$/, { message: "an age band is written 'from-to' in whole years, e.g. '0-4'" })
  .describe("the age band of the group, as in the staff-child ratio tables (bkr.*)")

export const KindplekAwardSpec = z.strictObject({
  // Default: every place of the group (homogeneous, hybrid) or its plus places (heterogeneous).
  placesPerGroup: z.number().int().positive().optional(),
  // No default: the price per kindplek is set yearly by the municipality and not public (seed 004 §X).
  // "cost-model": the scenario's cost model prices it (its cost per kindplek above the regular price).
  pricePerPlace: z.union([AmountText, z.literal("cost-model")]),
  // A price per group id, over pricePerPlace (awards are per group, seed 004 §X). The loader fills it for
  // "cost-model" from the cost model's price of a plus place of each group (src/scenario/load.ts).
  pricePerGroup: z.record(z.string(), AmountText).optional(),
  // Default: every year of the scenario's period in which the group is open.
  years: z.array(z.number().int().min(2000).max(2100)).min(1).optional()
})

const common = {
  // Assumption: one group at one location unless the scenario says more.
  groups: z.number().int().positive().max(10_000).default(1),
  locations: z.number().int().positive().max(10_000).default(1),
  // Assumption: one provider runs every group.
  providerId: PseudonymousId.default("P-1"),
  groupPrefix: IdPrefix.default("G"),
  locationPrefix: IdPrefix.default("L"),
  // Plus care 0-4 is dagopvang (seed 004 §V).
  careType: CareType.default("dagopvang"),
  // The regular price the provider invoices; placement-requested carries no price, so it belongs to the
  // provision. Default: src/parameters/defaults/design.yaml (PARAMETERS.md "Market prices"), an assumption.
  hourlyPrice: AmountText.default(() => DESIGN_DEFAULTS.get().hourlyPrice.value),
  // Default: the first day of the scenario's period.
  opensOn: IsoDate.optional(),
  // Seed 000 §2.2: a plus placement of 6 to 9 months; used for requests that carry no expectedStayMonths.
  defaultStayMonths: z.number().int().positive().default(9),
  // Assumption (docs/designs.md "Place sharing"): part-time children share places, as Dutch providers do; a
  // group's size is a number of children per day (seed 002 "Hybride groepen", Swazoom: "maximaal 10 peuters per dag").
  // A child placed d days a week takes min(d, 5)/5 of a place (the kindplek rule, seed 004 §X). false: a whole place.
  placeSharing: z.boolean().default(true),
  // Assumption: with place sharing, at most this many children (headcount) per place of a kind, so a group of
  // 11 holds at most 22 different children: each child has a mentor, an intake and 1.5 h of care coordination
  // a week (seed 004 §IX.3) that the cost model prices per place. Ignored without sharing (one child a place).
  maxChildrenPerPlace: z.number().min(1).max(5).default(2),
  kindplek: KindplekAwardSpec.optional()
}

export const HomogeneousDesign = z.strictObject({
  kind: z.literal("homogeneous"),
  ...common,
  // Seed 004 §IX.1: "Maximaal elf kinderen per groep".
  capacity: z.number().int().positive().max(11, { message: "a homogeneous plus group has at most 11 children (seed 004 §IX.1)" }).default(11),
  // Seed 004 §V: KOplus is for children of 0-4.
  ageBand: AgeBand.default("0-4")
})

export const HeterogeneousDesign = z
  .strictObject({
    kind: z.literal("heterogeneous"),
    ...common,
    // Besluit kwaliteit kinderopvang, bijlage 1: at most 16 children in a 0-4 group (bkr.dagopvang
    // maxGroupSize; PARAMETERS.md). Seed 002 "Minder kinderen": fewer, e.g. 10 instead of 16.
    capacity: z.number().int().positive().max(30).default(16),
    // PARAMETERS.md / bkr.dagopvang band 0-4: 4 staff for 16 children (2 for up to 12). Lower it with the capacity.
    pedagogicalStaff: z.number().positive().max(10).default(4),
    // Assumption: the regular staff include no HBO requirement.
    hbo: z.number().nonnegative().max(10).default(0),
    // Assumption (not public): places per group reserved for children with support needs.
    plusPlacesPerGroup: z.number().int().positive().default(3),
    // Seed 002 "Extra medewerker": an extra professional lowers the ratio. Assumption: one extra staff
    // member (fte on the group) for every 3 plus places, proportionally (3 plus places → 1 extra).
    extraStaffPerPlusChildren: z.number().positive().default(3),
    // Seed 002 "Coaching en advies": intensive coaching of the group's professionals. Assumption: 2 h a week per group.
    coachingHoursPerWeek: z.number().nonnegative().max(168).default(2),
    ageBand: AgeBand.default("0-4")
  })
  .refine((d) => d.plusPlacesPerGroup <= d.capacity, { message: "plusPlacesPerGroup cannot exceed capacity", path: ["plusPlacesPerGroup"] })

export const HybridDesign = z.strictObject({
  kind: z.literal("hybrid"),
  ...common,
  // Seed 000 §2.2 (Hero, peuterplusgroep): at most 8 children.
  capacity: z.number().int().positive().max(30).default(8),
  // Seed 000 §2.2: one pedagogical worker of the provider with a jeugdzorgwerker on the group.
  pedagogicalStaff: z.number().positive().max(10).default(1),
  // Assumption: no HBO requirement on the pedagogical side.
  hbo: z.number().nonnegative().max(10).default(0),
  // No default: the specialist's hours on the group are a scenario input (not in the seeds). They do NOT
  // count in the staff-child ratio (seed 002 "Hybride groepen"; PARAMETERS.md "Staff-child ratios").
  specialistHoursPerWeek: z.number().nonnegative().max(168),
  // Seed 000 §2.2: "peuters (2-4 jaar)".
  ageBand: AgeBand.default("2-4")
})

export const DesignSpec = z.discriminatedUnion("kind", [HomogeneousDesign, HeterogeneousDesign, HybridDesign])

export type DesignSpec = z.output<typeof DesignSpec>
export type DesignSpecInput = z.input<typeof DesignSpec>
export type HomogeneousDesign = z.output<typeof HomogeneousDesign>
export type HeterogeneousDesign = z.output<typeof HeterogeneousDesign>
export type HybridDesign = z.output<typeof HybridDesign>

/** Staffing of the homogeneous plus group: 2 pedagogical staff continuously, at least one HBO (seed 004 §IV, §IX.2). */
export const HOMOGENEOUS_STAFFING = { pedagogical: 2, hbo: 1 } as const
