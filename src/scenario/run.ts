/**
 * Running a scenario: replay its events as an Effect Stream into the world,
 * compute the ledger, check the invariants, fingerprint the whole.
 */
import { createHash, hash } from "node:crypto"
import { Effect, Result, Stream } from "effect"
import type { EventEnvelope } from "../events"
import { checkInvariants } from "../domain/invariants/check"
import { canonicalLedger } from "../domain/ledger/canonical"
import type { Ledger, Violation } from "../domain/ledger/types"
import { type ComputeInput, computeLedgerSteps, type ComputeStep, type MissingParameters } from "../domain/rules/compute"
import { RULES_VERSION } from "../domain/rules/version"
import { replay, type World, WorldBuilder } from "../domain/timeline/world"
import { asOfInstant, type LoadedScenario } from "./load"

export interface RunResult {
  readonly scenario: LoadedScenario
  readonly world: World
  readonly ledger: Ledger
  readonly violations: ReadonlyArray<Violation>
  readonly fingerprint: string
  readonly eventCount: number
  /** Whether invariant 8 was checked at run time (replaying in reverse order gave the same ledger). */
  readonly determinismChecked: boolean
}

/** Up to this many events, a run keeps them to check determinism by a second, reversed replay. */
export const DETERMINISM_CHECK_LIMIT = 200_000

/** Event digests are sums modulo 2^256 (`addToDigest`). */
export const DIGEST_MODULUS = 1n << 256n
const MOD = DIGEST_MODULUS

/** An order-independent digest of a set of events: the sum of their hashes modulo 2^256. */
export const eventHash = (e: EventEnvelope): bigint =>
  BigInt(`0x${hash("sha256", JSON.stringify([e.eventId, e.type, e.schemaVersion, e.stream, e.validTime, e.recordedTime, e.data, e.metadata]), "hex")}`)

const parametersText = (s: LoadedScenario): string =>
  JSON.stringify([...s.params.parameters.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, p]) => [k, p.values]))

export const fingerprintOf = (s: LoadedScenario, eventsDigest: bigint): string =>
  createHash("sha256")
    .update(JSON.stringify({ rules: RULES_VERSION, scenario: s.texts, policy: s.policy, parameters: parametersText(s), events: eventsDigest.toString(16) }, (_k, v) => (typeof v === "bigint" ? v.toString() : v)))
    .digest("hex")

/** Yield to the event loop (a macrotask), so a terminal UI can draw and read keys. */
const nextTick = Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))

/**
 * Run the computation step by step. With an `onStep` callback (an interactive caller) the run
 * yields to the event loop between steps; without one it runs straight through (synchronously).
 */
const computeYielding = (input: ComputeInput, onStep?: (step: ComputeStep) => void) =>
  Effect.gen(function* () {
    const steps = computeLedgerSteps(input)
    for (;;) {
      const r = steps.next()
      if (r.done) return r.value
      if (onStep === undefined) continue
      onStep(r.value)
      yield* nextTick
    }
  })

interface Fold {
  readonly builder: WorldBuilder
  digest: bigint
  count: number
  kept: Array<EventEnvelope> | undefined
}

export const runScenario = <E, R>(
  scenario: LoadedScenario,
  events: Stream.Stream<EventEnvelope, E, R>,
  options: {
    readonly onProgress?: (events: number) => void
    readonly onEvent?: (event: EventEnvelope) => void
    /** Called at each step of the computation; a run yields to the event loop there (the TUI stays responsive). */
    readonly onStep?: (step: ComputeStep) => void
  } = {}
): Effect.Effect<RunResult, E | MissingParameters, R> =>
  Effect.gen(function* () {
    const asOf = asOfInstant(scenario)
    const fold = yield* Stream.runFold(
      events,
      (): Fold => ({ builder: new WorldBuilder(), digest: 0n, count: 0, kept: [] }),
      (acc, e) => {
        if (asOf !== undefined && new Date(e.recordedTime).toISOString() > asOf) return acc
        acc.builder.add(e)
        options.onEvent?.(e)
        acc.digest = (acc.digest + eventHash(e)) % MOD
        acc.count++
        if (acc.kept !== undefined) acc.kept = acc.count <= DETERMINISM_CHECK_LIMIT ? (acc.kept.push(e), acc.kept) : undefined
        if (acc.count % 10_000 === 0) options.onProgress?.(acc.count)
        return acc
      }
    )
    const world = fold.builder.build()
    const input = { world, params: scenario.params, policy: scenario.policy, months: scenario.months }
    const computed = yield* computeYielding(input, options.onStep)
    if (Result.isFailure(computed)) return yield* Effect.fail(computed.failure)
    const ledger = { ...computed.success, assumptions: [...computed.success.assumptions, ...scenario.assumptions] }
    if (options.onStep) yield* nextTick
    const violations = [...checkInvariants(input, ledger)]
    let determinismChecked = false
    if (fold.kept !== undefined) {
      determinismChecked = true
      if (options.onStep) yield* nextTick
      const again = yield* computeYielding({ ...input, world: replay([...fold.kept].reverse()) }, options.onStep)
      if (Result.isFailure(again) || canonicalLedger(again.success) !== canonicalLedger(ledger))
        violations.push({ invariant: 8, name: "determinism", subject: "ledger", month: undefined, detail: "replaying the events in reverse order gave a different ledger" })
    }
    return { scenario, world, ledger, violations, fingerprint: fingerprintOf(scenario, fold.digest), eventCount: fold.count, determinismChecked }
  })
