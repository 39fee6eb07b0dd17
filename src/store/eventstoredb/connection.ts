/**
 * The EventStoreDB connection string: where it comes from (the environment
 * only, `EVENTSTORE_URL`), what it must look like, and how it is shown.
 *
 * Credentials live in the connection string and nowhere else: never in files
 * or flags. The password is never shown: `name`, log lines and errors use the
 * redacted form (`esdb://admin:***@localhost:2113?tls=false`), and the string
 * itself travels as an Effect `Redacted` value.
 */
import { Redacted, Result } from "effect"
import { z } from "zod"

export const CONNECTION_STRING_ENV = "EVENTSTORE_URL"

const ConnectionString = z
  .string()
  .trim()
  .regex(/^esdb(\+discover)?:\/\/\S+$/, {
    message: "must be an EventStoreDB connection string like esdb://admin:changeit@localhost:2113?tls=false"
  })

// scheme://user:password@... read the way @eventstore/db-client reads it: the user up to the
// first ':', the password up to the first '@' (a '@' inside a password must be written %40).
// Any scheme, so that a mistyped string (http://user:pw@...) is shown redacted as well.
const CREDENTIALS = /^(\s*[A-Za-z][A-Za-z0-9+.-]*:\/\/)([^:]+):([^@]+)@/

/** The connection string with its password replaced by `***`. */
export const redactConnectionString = (connectionString: string): string =>
  connectionString.replace(CREDENTIALS, (_all, scheme: string, user: string) => `${scheme}${user}:***@`)

/** The secret parts of a connection string (the password, raw and URL-decoded), to scrub from any text. */
export const secretsOf = (connectionString: string): ReadonlyArray<string> => {
  const match = CREDENTIALS.exec(connectionString)
  const password = match?.[3]
  if (password === undefined || password === "") return []
  let decoded = password
  try {
    decoded = decodeURIComponent(password)
  } catch {
    // not URL-encoded: the raw form is the secret
  }
  return decoded === password ? [password] : [password, decoded]
}

/** Replace every secret in `text` by `***`. */
export const scrub = (text: string, secrets: ReadonlyArray<string>): string =>
  secrets.reduce((out, secret) => out.split(secret).join("***"), text)

/** Check a connection string's shape; the message names the variable and shows only the redacted form. */
export const parseConnectionString = (
  raw: string | Redacted.Redacted<string>,
  source: string
): Result.Result<Redacted.Redacted<string>, string> => {
  const value = Redacted.isRedacted(raw) ? Redacted.value(raw) : raw
  const parsed = ConnectionString.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]?.message ?? "is not a connection string"
    return Result.fail(`${source} (${redactConnectionString(value)}) ${issue}`)
  }
  return Result.succeed(Redacted.make(parsed.data, { label: CONNECTION_STRING_ENV }))
}

/** The connection string from the environment (`EVENTSTORE_URL`), and only from there. */
export const connectionStringFromEnv = (
  env: Readonly<Record<string, string | undefined>> = process.env
): Result.Result<Redacted.Redacted<string>, string> => {
  const raw = env[CONNECTION_STRING_ENV]
  if (raw === undefined || raw.trim() === "") {
    return Result.fail(
      `${CONNECTION_STRING_ENV} is not set: set it to the EventStoreDB connection string, e.g. esdb://admin:changeit@localhost:2113?tls=false`
    )
  }
  return parseConnectionString(raw, CONNECTION_STRING_ENV)
}
