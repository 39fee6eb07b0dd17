/** Field schemas the parts of a scenario file share. */
import { z } from "zod"

/** An amount in EUR, written as text ("10.50") or as a number (10.5); read as text. */
export const AmountText = z
  .union([z.string().regex(/^\d{1,12}(\.\d{1,6})?$/), z.number().nonnegative()])
  .transform((v) => (typeof v === "number" ? String(v) : v))
