/**
 * Running a command's Effect program at the edge: provide the store, run, and
 * turn each kind of failure into a clear message and an exit code.
 */
import { Cause, Effect, Exit, type Layer } from "effect"
import type { EventStore, StoreFailure } from "../store/EventStore"
import { UsageError } from "../store/select"
import { InvalidFile } from "../io/yamlFile"
import { EXIT } from "./command"

export const errorExit = (e: unknown): { code: number; message: string } => {
  const tag = (e as { _tag?: string })?._tag
  const message = e instanceof Error ? e.message : String(e)
  if (e instanceof UsageError) return { code: EXIT.usage, message }
  switch (tag) {
    case "MissingParameters":
      return { code: EXIT.missingParameters, message }
    case "InvalidFile":
    case "InvalidEventsFile":
    case "InvalidEvent":
    case "InvalidImport":
      return { code: EXIT.invalidInput, message }
    case "StoreFailure":
    case "StoreNotFound":
    case "CorruptEvent":
    case "WrongExpectedRevision":
    case "DuplicateEventId":
      return { code: EXIT.store, message }
    default:
      return { code: EXIT.invalidInput, message }
  }
}

/** Run an effect; on failure print the error to stderr and return its exit code. */
export const runCli = async <A, E>(
  program: Effect.Effect<A, E, never>,
  onSuccess: (a: A) => number | Promise<number>
): Promise<number> => {
  const exit = await Effect.runPromiseExit(program)
  if (Exit.isSuccess(exit)) return onSuccess(exit.value)
  const failure = Cause.findErrorOption(exit.cause)
  if (failure._tag === "Some") {
    const { code, message } = errorExit(failure.value)
    process.stderr.write(`geldstroom: ${message}\n`)
    return code
  }
  process.stderr.write(`geldstroom: unexpected failure:\n${Cause.pretty(exit.cause)}\n`)
  return EXIT.unexpected
}

/**
 * A failure thrown out of a command rather than failed in its Effect program (that is `runCli`):
 * a wrong command line exits 2 with `who` ("geldstroom run") before the message; a tagged error
 * as `errorExit` says, `context` before its message; anything else is a bug (70, with its stack).
 */
export const thrownExit = (e: unknown, who: string, context = ""): number => {
  if (e instanceof UsageError || (e as { code?: string })?.code?.startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`${who}: ${(e as Error).message}\n`)
    return EXIT.usage
  }
  if (typeof (e as { _tag?: unknown })?._tag === "string") {
    const { code, message } = errorExit(e)
    process.stderr.write(`geldstroom: ${context}${message}\n`)
    return code
  }
  process.stderr.write(`geldstroom: unexpected failure:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  return EXIT.unexpected
}

export const withStore = <A, E>(
  program: Effect.Effect<A, E, EventStore>,
  layer: Layer.Layer<EventStore, StoreFailure>
): Effect.Effect<A, E | StoreFailure, never> => Effect.scoped(Effect.provide(program, layer))

export const fromLoad = <A>(value: A | InvalidFile): Effect.Effect<A, InvalidFile> =>
  value instanceof InvalidFile ? Effect.fail(value) : Effect.succeed(value)
