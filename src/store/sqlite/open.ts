/**
 * Opening the embedded store: where the file lives, owner-only permissions,
 * the pragmas that make a commit durable, and the schema.
 * See docs/decisions/0001-embedded-event-store.md.
 */
import { chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, statSync } from "node:fs"
import { homedir } from "node:os"
import { dirname, isAbsolute, join, resolve } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { SCHEMA_VERSION, schemaSql } from "./schema"

/**
 * `$XDG_DATA_HOME/geldstroom/events.sqlite`, else `~/.local/share/geldstroom/events.sqlite`.
 * A relative XDG_DATA_HOME is ignored, as the XDG base directory spec asks.
 */
export const defaultStorePath = (env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string => {
  const xdg = env.XDG_DATA_HOME
  const base = xdg !== undefined && xdg !== "" && isAbsolute(xdg) ? xdg : join(home, ".local", "share")
  return join(base, "geldstroom", "events.sqlite")
}

/** How long a writer waits for another process's write transaction before giving up. */
const BUSY_TIMEOUT_MS = 5_000

const tightenToOwnerOnly = (path: string): void => {
  if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600)
}

/**
 * Create the directory (0700) and the database file (0600) before SQLite opens
 * it. SQLite gives the -wal and -shm files the database file's mode, so they
 * are owner-only too. An existing store that is readable by others is tightened.
 */
const prepareFile = (path: string): void => {
  const dir = dirname(path)
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 })
  try {
    closeSync(openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_RDWR, 0o600))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) tightenToOwnerOnly(file)
}

const pragma = (db: DatabaseSync, sql: string): unknown => {
  const row = db.prepare(`PRAGMA ${sql}`).get()
  return row === undefined ? undefined : Object.values(row)[0]
}

const migrate = (db: DatabaseSync, path: string): void => {
  db.exec("BEGIN IMMEDIATE")
  try {
    const version = Number(pragma(db, "user_version"))
    if (version > SCHEMA_VERSION) {
      throw new Error(`${path} was written by a newer geldstroom (store schema ${version}; this one knows ${SCHEMA_VERSION})`)
    }
    if (version < SCHEMA_VERSION) {
      db.exec(schemaSql)
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`)
    }
    db.exec("COMMIT")
  } catch (e) {
    if (db.isTransaction) db.exec("ROLLBACK")
    throw e
  }
}

/** Open (creating if needed) the store at `path`. Throws on failure; the caller wraps it. */
export const openDatabase = (path: string): DatabaseSync => {
  const file = resolve(path)
  prepareFile(file)
  const db = new DatabaseSync(file, { timeout: BUSY_TIMEOUT_MS })
  try {
    const mode = pragma(db, "journal_mode = WAL")
    if (mode !== "wal") throw new Error(`could not switch ${file} to WAL journal mode (got '${String(mode)}')`)
    // FULL: the WAL is synced on every commit, so an acknowledged append survives a power cut too.
    db.exec("PRAGMA synchronous = FULL")
    migrate(db, file)
    return db
  } catch (e) {
    db.close()
    throw e
  }
}
