/**
 * Deterministic event ids: a name-based UUID (RFC 9562 version 5, SHA-1) of a
 * stable name such as "import:placements.csv:12:placement-started". Importing
 * the same row twice gives the same id, so the store's idempotent append makes
 * a second import change nothing.
 */
import { createHash } from "node:crypto"

/** The namespace of geldstroom's name-based ids (a fixed, random UUID). */
export const GELDSTROOM_NAMESPACE = "5d1f6c2e-8a47-4b0e-9f3c-6a2d71e4b9c0"

const bytesOf = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ""), "hex")

export const uuidV5 = (name: string, namespace: string = GELDSTROOM_NAMESPACE): string => {
  const hash = createHash("sha1").update(bytesOf(namespace)).update(name, "utf8").digest()
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString("hex")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}
