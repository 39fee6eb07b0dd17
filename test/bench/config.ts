/**
 * What the benchmark generates (docs/benchmarks.md): populations made with
 * the population generator and placed by a provision design, region by
 * region (a region is one population and one design, like a municipality),
 * so generating a million children never holds more than one region.
 *
 * The shares are the generator's assumptions, tuned for a large population
 * in inclusive (heterogeneous) groups: most events of a real national
 * store are children's requests, entitlements, indications and placements,
 * and so are these.
 */
import type { DesignSpecInput } from "../../src/scenario/design"
import type { PopulationSpecInput } from "../../src/scenario/population"

export interface Region {
  readonly population: PopulationSpecInput
  readonly design: DesignSpecInput
}

export interface StoreSpec {
  /** Part of the cached store's file name. */
  readonly name: string
  readonly period: { readonly from: string; readonly to: string }
  readonly regions: ReadonlyArray<Region>
}

export const PERIOD = { from: "2026-01", to: "2026-12" } as const

const pad = (n: number, width: number) => String(n).padStart(width, "0")

/**
 * One region of `children` children: 60 % already in care on 1 January, the rest asking through the
 * year; 70 % with extra support needs (so the plus layer, kindplek, overbrugging and bouwsteen all have
 * work); heterogeneous groups of 16 with 11 plus places, sized so every child is placed.
 */
export const region = (prefix: string, seed: number, children: number): Region => {
  const groups = Math.ceil((children * 0.7) / 16) + 10
  return {
    population: {
      seed,
      idPrefix: prefix,
      providerId: `P-${prefix}`,
      children: { atStart: Math.round(children * 0.6), inflowPerMonth: (children - Math.round(children * 0.6)) / 12 },
      supportNeeds: { share: 0.7, bouwsteenAdvice: 0.3, jeugdhulpWaiting: { share: 0.15, months: { min: 3, max: 9 } } },
      veIndication: 0.6
    },
    design: {
      kind: "heterogeneous",
      groups,
      locations: Math.ceil(groups / 3),
      providerId: `P-${prefix}`,
      groupPrefix: `G${prefix}`,
      locationPrefix: `L${prefix}`,
      capacity: 16,
      plusPlacesPerGroup: 11,
      extraStaffPerPlusChildren: 4,
      coachingHoursPerWeek: 2,
      // Every place is a kindplek (awarded places = capacity), so no group-month is over-full by design.
      kindplek: { pricePerPlace: "24000", placesPerGroup: 16 }
    }
  }
}

/** `regions` regions of `perRegion` children each, prefixes N001, N002, ... */
export const national = (regions: number, perRegion: number): StoreSpec => ({
  name: `national-${regions * perRegion}`,
  period: PERIOD,
  regions: Array.from({ length: regions }, (_, i) => region(`N${pad(i + 1, 3)}`, 1000 + i, perRegion))
})

/** One municipality of `children` children. */
export const municipal = (children: number): StoreSpec => ({
  name: `municipal-${children}`,
  period: PERIOD,
  regions: [region("M", 77, children)]
})

export interface BenchConfig {
  readonly national: StoreSpec
  readonly municipal: StoreSpec
  /** Events appended for the incremental phase. */
  readonly incrementalEvents: number
}

export const FULL: BenchConfig = { national: national(100, 10_000), municipal: municipal(50_000), incrementalEvents: 1_000 }
export const QUICK: BenchConfig = { national: national(2, 4_000), municipal: municipal(3_000), incrementalEvents: 1_000 }
