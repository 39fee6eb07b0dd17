/**
 * A store of generated children placed by a provision design, for tests of projections and the
 * commands that use them: the demand of a seeded population over 2026, and its placements (with
 * the design's groups and kindplek awards the first time, into the groups already there after).
 */
import type { EventEnvelope } from "../../src/events"
import { applyDesign, type DesignSpec } from "../../src/scenario/design"
import { generatePopulation, PopulationSpec, type PopulationSpecInput } from "../../src/scenario/population"
import { appendToStore } from "./appendToStore"

export const PERIOD_2026 = { from: "2026-01", to: "2026-12" }

/** A seeded population's events over 2026: `atStart` children on 1 January and one new request a month. */
export const demandOf = (seed: number, idPrefix: string, atStart: number, more: Partial<PopulationSpecInput> = {}): ReadonlyArray<EventEnvelope> =>
  [...generatePopulation(PopulationSpec.parse({ seed, idPrefix, children: { atStart, inflowPerMonth: 1 }, ...more }), PERIOD_2026)]

/** The design's events for the demand: its groups and awards too, or (`newGroups: false`) only the placements. */
export const placed = (design: DesignSpec, demand: ReadonlyArray<EventEnvelope>, newGroups = true): ReadonlyArray<EventEnvelope> => {
  const events = applyDesign(design, demand, PERIOD_2026)
  return newGroups ? events : events.filter((e) => e.type !== "group-opened" && e.type !== "kindplek-subsidy-awarded")
}

/** Append the demand and its placements to the store at `path`. */
export const appendPlaced = (path: string, design: DesignSpec, demand: ReadonlyArray<EventEnvelope>, newGroups = true): Promise<void> =>
  appendToStore(path, [...demand, ...placed(design, demand, newGroups)])
