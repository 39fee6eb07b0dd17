/**
 * The benchmark's phases (docs/benchmarks.md says what each times):
 *
 *   (a) read floor: read every event of the store and decode it, nothing else;
 *   (b) replay: replay, apportion and check the whole population (a projection build);
 *   (c) municipal compare: two scenarios over the same children, from their projections;
 *   (d) incremental: append events and bring the ledger up to date.
 */
import { Effect, Stream } from "effect"
import type { EventEnvelope } from "../../src/events"
import {
  buildProjection,
  catchUpProjection,
  compareProjections,
  openProjection,
  type Projection,
  projectionSpecOf,
  saveProjection,
  storeFile
} from "../../src/projection"
import type { LoadedScenario } from "../../src/scenario/load"
import type { ParallelOptions } from "../../src/projection/parallelReplay"
import { EventStore } from "../../src/store/EventStore"
import { SqliteEventStore } from "../../src/store/sqlite"
import { openDatabase } from "../../src/store/sqlite/open"
import { appendChronologically } from "./append"
import type { StoreSpec } from "./config"
import { type Day, incrementalEvents } from "./incremental"

export interface Timed<A> {
  readonly value: A
  readonly ms: number
  /** CPU time of the process in the phase (user + system), to see how much of the wall time was ours. */
  readonly cpuMs: number
}

/**
 * Time a phase. A full garbage collection first (when the process runs with --expose-gc), so a phase
 * does not pay for the garbage the one before left behind.
 */
export const timed = async <A>(f: () => Promise<A>): Promise<Timed<A>> => {
  ;(globalThis as { gc?: () => void }).gc?.()
  const cpu = process.cpuUsage()
  const t = performance.now()
  const value = await f()
  const ms = performance.now() - t
  const used = process.cpuUsage(cpu)
  return { value, ms, cpuMs: (used.user + used.system) / 1000 }
}

const run = <A, E>(program: Effect.Effect<A, E, never>): Promise<A> => Effect.runPromise(program)

const specOf = (s: LoadedScenario) => {
  const spec = projectionSpecOf(s)
  if ("_tag" in spec) throw new Error(spec.message)
  return spec
}

/** (a) Every event read from the store and decoded (zod-validated and upcast), as any replay reads them. */
export const readFloor = (file: string): Promise<number> =>
  run(
    Effect.scoped(
      Effect.provide(
        Effect.gen(function* () {
          const store = yield* EventStore
          let n = 0
          yield* Stream.runForEachArray(store.readAll(), (events) => Effect.sync(() => void (n += events.length)))
          return n
        }),
        SqliteEventStore.layer(file)
      )
    )
  )

/**
 * (b) The whole population replayed into a projection: folded, measured, apportioned, rounded, checked;
 * the children shared out over worker threads as the product does it (`workers`: how many; 1 keeps to
 * one thread, for comparison).
 */
export const replay = (
  file: string,
  scenario: LoadedScenario,
  options: Pick<ParallelOptions, "workers" | "onShares" | "onStep"> & { readonly onProgress?: (children: number) => void } = {}
): Promise<Projection> =>
  run(Effect.scoped(Effect.flatMap(storeFile(file), (store) => buildProjection(store, specOf(scenario), options))))

/** The projection written to the store with its checkpoint. */
export const save = (file: string, p: Projection): Promise<void> =>
  run(Effect.scoped(Effect.flatMap(storeFile(file), (store) => saveProjection(store, p))))

/** (c), cold: both scenarios' projections built and written. */
export const buildBoth = (file: string, a: LoadedScenario, b: LoadedScenario): Promise<void> =>
  run(
    Effect.scoped(
      Effect.gen(function* () {
        const store = yield* storeFile(file)
        for (const s of [a, b]) yield* openProjection(store, specOf(s))
      })
    )
  )

/** (c), warm: open the store, both projections up to date, the comparison document. */
export const compareWarm = (file: string, a: LoadedScenario, b: LoadedScenario) =>
  run(
    Effect.scoped(
      Effect.gen(function* () {
        const store = yield* storeFile(file)
        const pa = yield* openProjection(store, specOf(a))
        const pb = yield* openProjection(store, specOf(b))
        if (pa.built || pb.built) throw new Error("the warm comparison found no projection to reuse")
        return compareProjections([
          { id: "koplus", scenario: a, projection: pa.projection },
          { id: "model5", scenario: b, projection: pb.projection }
        ])
      })
    )
  )

/** (d), part 1: the new events appended through the store's ordinary path (validated, one transaction per chunk). */
export const append = (file: string, events: ReadonlyArray<EventEnvelope>): Promise<void> =>
  run(Effect.scoped(Effect.provide(appendChronologically(events), SqliteEventStore.layer(file))))

/** (d), part 2: the projection caught up, its changed groups, totals and checkpoint written in one transaction. */
export const catchUp = (file: string, p: Projection) =>
  run(Effect.scoped(Effect.flatMap(storeFile(file), (store) => catchUpProjection(store, p))))

/**
 * (d) as a whole: a day's `count` events made from the store (./incremental.ts), appended (part 1),
 * then the projection caught up (part 2), each part timed.
 */
export const update = async (file: string, p: Projection, spec: StoreSpec, count: number, day: Day) => {
  const db = openDatabase(file)
  const events = incrementalEvents(db, spec, count, day)
  db.close()
  const appended = await timed(() => append(file, events))
  const caughtUp = await timed(() => catchUp(file, p))
  return { events, appended, caughtUp }
}

export { buildProjection }
