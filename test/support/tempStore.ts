/** A fresh SQLite store file in its own temporary directory, removed afterwards. */
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"

export interface TempStore {
  readonly dir: string
  readonly path: string
  readonly cleanup: () => Promise<void>
}

export const tempStore = async (): Promise<TempStore> => {
  const dir = await mkdtemp(join(tmpdir(), "geldstroom-store-"))
  return { dir, path: join(dir, "events.sqlite"), cleanup: () => rm(dir, { recursive: true, force: true }) }
}
