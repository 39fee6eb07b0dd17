/**
 * Projections kept beside the events in the embedded store: derived state
 * that can always be rebuilt from the events (`geldstroom store rebuild`),
 * kept so a run need not replay everything. Each projection has a name, a
 * key (what it is a projection of), a checkpoint (the highest position it has
 * applied), a text for its totals and one text per group. A projection and
 * its checkpoint are written in one transaction: after a crash either both
 * are there or neither.
 *
 * The tables are created on first use; they are not part of the event
 * schema (./schema.ts), and dropping them loses nothing that a rebuild does
 * not bring back.
 */
import type { DatabaseSync } from "node:sqlite"

const TABLES = `
CREATE TABLE IF NOT EXISTS projections (
  name          TEXT    PRIMARY KEY,
  key           TEXT    NOT NULL,
  scenario_file TEXT,
  checkpoint    INTEGER NOT NULL,
  totals        TEXT    NOT NULL,
  written_at    TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS projection_groups (
  name     TEXT NOT NULL,
  group_id TEXT NOT NULL,
  state    TEXT NOT NULL,
  PRIMARY KEY (name, group_id)
) WITHOUT ROWID;
`

export interface ProjectionRow {
  readonly name: string
  readonly key: string
  readonly scenarioFile: string | null
  readonly checkpoint: bigint
  readonly totals: string
  readonly writtenAt: string
}

export interface ProjectionWrite {
  readonly name: string
  readonly key: string
  readonly scenarioFile: string | null
  readonly checkpoint: bigint
  readonly totals: string
  /**
   * Group texts to write; a group mapped to undefined is deleted. Iterated once, inside the
   * transaction: a caller may make each text as it is asked for (a national projection's texts
   * together would be some 150 MB).
   */
  readonly groups: Iterable<readonly [string, string | undefined]>
  /** Replace every group of the projection (a rebuild), rather than only those given. */
  readonly replaceAll: boolean
}

const tablesMade = new WeakSet<DatabaseSync>()

const ensureTables = (db: DatabaseSync): void => {
  if (tablesMade.has(db)) return
  db.exec(TABLES)
  tablesMade.add(db)
}

const hasTables = (db: DatabaseSync): boolean =>
  db.prepare("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'projections'").get() !== undefined

/** Write a projection and its checkpoint in one transaction. */
export const writeProjection = (db: DatabaseSync, w: ProjectionWrite): void => {
  ensureTables(db)
  db.exec("BEGIN IMMEDIATE")
  try {
    db.prepare(
      `INSERT INTO projections (name, key, scenario_file, checkpoint, totals, written_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET key = excluded.key, scenario_file = excluded.scenario_file,
         checkpoint = excluded.checkpoint, totals = excluded.totals, written_at = excluded.written_at`
    ).run(w.name, w.key, w.scenarioFile, Number(w.checkpoint), w.totals, new Date().toISOString())
    if (w.replaceAll) db.prepare("DELETE FROM projection_groups WHERE name = ?").run(w.name)
    const put = db.prepare(
      "INSERT INTO projection_groups (name, group_id, state) VALUES (?, ?, ?) ON CONFLICT (name, group_id) DO UPDATE SET state = excluded.state"
    )
    const drop = db.prepare("DELETE FROM projection_groups WHERE name = ? AND group_id = ?")
    for (const [groupId, state] of w.groups) {
      if (state === undefined) drop.run(w.name, groupId)
      else put.run(w.name, groupId, state)
    }
    db.exec("COMMIT")
  } catch (e) {
    if (db.isTransaction) db.exec("ROLLBACK")
    throw e
  }
  // A whole projection is a large write: fold the write-ahead log into the file now, rather than
  // in whichever small commit comes next (an append would pay for it).
  if (w.replaceAll) db.exec("PRAGMA wal_checkpoint(TRUNCATE)")
}

/** A projection's row, or undefined when there is none by that name. */
export const readProjectionRow = (db: DatabaseSync, name: string): ProjectionRow | undefined => {
  if (!hasTables(db)) return undefined
  const row = db.prepare("SELECT name, key, scenario_file, checkpoint, totals, written_at FROM projections WHERE name = ?").get(name)
  if (row === undefined) return undefined
  return {
    name: row.name as string,
    key: row.key as string,
    scenarioFile: (row.scenario_file as string | null) ?? null,
    checkpoint: BigInt(row.checkpoint as number),
    totals: row.totals as string,
    writtenAt: row.written_at as string
  }
}

/** A projection's group texts, in group order. */
export const readProjectionGroups = (db: DatabaseSync, name: string): ReadonlyArray<readonly [string, string]> =>
  hasTables(db)
    ? db
        .prepare("SELECT group_id, state FROM projection_groups WHERE name = ? ORDER BY group_id")
        .all(name)
        .map((r) => [r.group_id as string, r.state as string] as const)
    : []

/** Every projection in the store (without its texts). */
export const listProjections = (db: DatabaseSync): ReadonlyArray<Omit<ProjectionRow, "totals">> =>
  hasTables(db)
    ? db
        .prepare("SELECT name, key, scenario_file, checkpoint, written_at FROM projections ORDER BY name")
        .all()
        .map((row) => ({
          name: row.name as string,
          key: row.key as string,
          scenarioFile: (row.scenario_file as string | null) ?? null,
          checkpoint: BigInt(row.checkpoint as number),
          writtenAt: row.written_at as string
        }))
    : []
