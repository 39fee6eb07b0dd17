/**
 * A temporary directory for a test file's fixtures, made when the file is loaded and removed when
 * its tests are done (vitest's `afterAll`), so test runs leave nothing behind in the system's
 * temporary directory.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"

export const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}
