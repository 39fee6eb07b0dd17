/**
 * The V8 heap setting of a geldstroom process, made once at its start (the CLI's `main`, and the
 * benchmark's phases, which run the product's code as the CLI does).
 *
 * Allocation-site pretenuring off (docs/decisions/0014-no-allocation-site-pretenuring.md). V8 watches
 * where objects are allocated; a site whose objects mostly survive a young-generation collection is
 * switched to allocating straight into the old generation. A replay's objects live long enough to
 * be seen surviving (a page of events until its children are computed, a kept result until its
 * table is emptied) and then die, so pretenured they became old-generation garbage: more
 * mark-compacts of a heap that holds the whole projection, and old objects keeping young ones alive.
 * Nationally, off: the caller promotes about half as much, runs about half the mark-compacts, and the
 * replay takes about a fifth less time (docs/benchmarks.md, tenth round). It changes when memory is
 * reclaimed, never what is computed.
 *
 * V8's flags are the process's: set here, on the main thread before any worker starts, they hold
 * for the replay's worker threads too. Node leaves V8's flags open to change at run time
 * (`v8.setFlagsFromString`), and set so this one does what the command-line flag does: a national
 * replay's collector figures are the same either way (docs/benchmarks.md, tenth round).
 */
import { setFlagsFromString } from "node:v8"

/** Set the process's V8 heap flags (setting them again changes nothing). */
export const tuneHeap = (): void => setFlagsFromString("--no-allocation-site-pretenuring")
