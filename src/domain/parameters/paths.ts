/**
 * Paths of the shipped parameters the rules read (src/parameters/nl/**), named
 * once so the rules, their traces and the invariant checks read the same ones.
 */
import { Kept } from "../keptTable"

/** The KOT hours cap per child per month (Besluit kinderopvangtoeslag art. 8a lid 1 b; Staatsblad 2022, 386). */
export const KOT_HOURS_PATH = "kot.maximum-uren-per-maand"

/** The KOT percentage table (Besluit kinderopvangtoeslag art. 6 and bijlage I). */
export const KOT_TABLE_PATH = "kot.percentages"

/** The care type whose parameters a care type follows: peuteropvang is dagopvang (Wko art. 1.1). */
export const parameterCareType = (careType: string): string => (careType === "peuteropvang" ? "dagopvang" : careType)

/** Paths by care type, made once and kept (the rules ask for one for every placement of every child-month). */
const uurprijsPaths = new Kept<string, string>()
const uurprijsPathOf = (careType: string): string => `kot.maximum-uurprijs.${parameterCareType(careType)}`

/** The KOT maximum uurprijs of a care type (Besluit kinderopvangtoeslag art. 4 lid 1, re-set yearly; PARAMETERS.md "Maximum uurprijs"). */
export const maximumUurprijsPath = (careType: string): string => uurprijsPaths.get(careType, uurprijsPathOf)
