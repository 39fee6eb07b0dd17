/**
 * The import row layout (docs/import.md): one table, a `kind` column naming the
 * event type, `validTime` (and optionally `recordedTime` and `source`), and one
 * column per data field of the catalogue's schemas. A field's column is its
 * name (`childId`, `hourlyPrice`); nested fields are dotted (`staffing.hbo`);
 * the indication's own `kind` is the column `indicationKind`. The columns of a
 * kind are read from its schema, so the layout follows the catalogue.
 */
import { z } from "zod"
import { catalogue, type EventType, eventTypes } from "../events/catalogue"

/** How a cell is read. */
export type ColumnType = "id" | "enum" | "number" | "integer" | "amount" | "date" | "instant" | "boolean" | "text" | "list"

/** Columns every row may have, besides its kind's data columns. */
export const ENVELOPE_COLUMNS = ["kind", "validTime", "recordedTime", "source"] as const

/** Data fields whose column name differs from the field name. */
const RENAMED: Readonly<Record<string, string>> = { kind: "indicationKind" }

/** The type of every column, data and envelope alike. test/io/importColumns.test.ts checks none is missing. */
export const COLUMN_TYPES: Readonly<Record<string, ColumnType>> = {
  kind: "enum",
  validTime: "date",
  recordedTime: "instant",
  source: "text",
  placementId: "id",
  childId: "id",
  providerId: "id",
  locationId: "id",
  groupId: "id",
  indicationId: "id",
  awardId: "id",
  budgetLineId: "id",
  careType: "enum",
  indicationKind: "enum",
  list: "enum",
  reason: "enum",
  outflow: "enum",
  design: "enum",
  childRank: "enum",
  plus: "boolean",
  daysPerWeek: "number",
  hoursPerDay: "number",
  expectedStayMonths: "integer",
  intendedOutflow: "enum",
  maxDaysPerWeek: "number",
  maxHoursPerWeek: "number",
  "staffing.pedagogical": "number",
  "staffing.hbo": "number",
  "staffing.specialistHoursPerWeek": "number",
  capacity: "integer",
  year: "integer",
  places: "integer",
  hourlyPrice: "amount",
  householdIncome: "amount",
  costPricePerHour: "amount",
  pricePerPlace: "amount",
  amount: "amount",
  validUntil: "date",
  label: "text",
  streams: "list"
}

/** One data column of one kind: where its value goes in the event's data. */
export interface DataColumn {
  readonly column: string
  readonly path: ReadonlyArray<string>
  readonly type: ColumnType
  readonly required: boolean
  readonly description: string
  /** The allowed values of an enum column. */
  readonly values?: ReadonlyArray<string>
}

const unwrap = (field: z.ZodType): { inner: z.ZodType; optional: boolean } =>
  field instanceof z.ZodOptional ? { inner: field.unwrap() as z.ZodType, optional: true } : { inner: field, optional: false }

const columnsOfShape = (shape: Record<string, z.ZodType>, prefix: ReadonlyArray<string>, parentOptional: boolean): Array<DataColumn> =>
  Object.entries(shape).flatMap(([key, field]) => {
    const { inner, optional } = unwrap(field)
    const path = [...prefix, key]
    if (inner instanceof z.ZodObject) return columnsOfShape(inner.shape as Record<string, z.ZodType>, path, optional || parentOptional)
    const column = prefix.length === 0 ? (RENAMED[key] ?? key) : path.join(".")
    const values = inner instanceof z.ZodEnum ? (inner.options as ReadonlyArray<string>) : undefined
    return [
      {
        column,
        path,
        type: COLUMN_TYPES[column] ?? "text",
        required: !optional && !parentOptional,
        description: field.description ?? inner.description ?? "",
        ...(values ? { values } : {})
      }
    ]
  })

/** The data columns of every event kind, in the catalogue's field order. */
export const DATA_COLUMNS: Readonly<Record<EventType, ReadonlyArray<DataColumn>>> = Object.fromEntries(
  eventTypes.map((t) => [t, columnsOfShape(catalogue[t].schema.shape as Record<string, z.ZodType>, [], false)])
) as unknown as Record<EventType, ReadonlyArray<DataColumn>>

/** Every column a file may have: the envelope's, then the ids, then the other data columns once each, in catalogue order. */
export const ALL_COLUMNS: ReadonlyArray<string> = (() => {
  const data = [...new Set(eventTypes.flatMap((t) => DATA_COLUMNS[t].map((c) => c.column)))]
  return [...ENVELOPE_COLUMNS, ...data.filter((c) => COLUMN_TYPES[c] === "id"), ...data.filter((c) => COLUMN_TYPES[c] !== "id")]
})()

/** The data column a zod issue path points at, for error messages. */
export const columnOfPath = (kind: EventType, path: ReadonlyArray<PropertyKey>): string | undefined => {
  const key = path.map(String)
  const columns = DATA_COLUMNS[kind]
  const within = columns.find((c) => c.path.length <= key.length && c.path.every((p, i) => p === key[i]))
  // A whole nested object missing (`staffing`): name its first column.
  return within?.column ?? columns.find((c) => key.length > 0 && key.every((p, i) => c.path[i] === p))?.column
}
