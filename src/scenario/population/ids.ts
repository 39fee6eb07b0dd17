/**
 * Event ids for generated events, cheaply: one name-based UUID (version 5,
 * SHA-1, geldstroom's namespace; see src/events/ids.ts) per CHILD, of the
 * content of all the child's events, with the event's index in the last byte.
 *
 * So ids stay content-based (the same spec and period give the same ids; any
 * change to a child's events gives that child new ids) while a million
 * children cost a million hashes rather than six million: hashing was most of
 * the generator's time per event. Ids of one child differ in their last byte;
 * ids of different children differ in the other 120 bits of their hashes.
 */
import { hash as oneShotHash } from "node:crypto"
import { GELDSTROOM_NAMESPACE } from "../../events/ids"

const NAMESPACE = Buffer.from(GELDSTROOM_NAMESPACE.replace(/-/g, ""), "hex")

/** `count` (at most 256) UUIDs for the events named together by `name`. */
export const groupIds = (name: string, count: number): Array<string> => {
  if (count > 256) throw new Error("at most 256 events share one name-based id group")
  const hash = oneShotHash("sha1", Buffer.concat([NAMESPACE, Buffer.from(name, "utf8")]), "buffer")
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hash.subarray(0, 15).toString("hex")
  const head = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 30)}`
  const last = hash[15]!
  const ids: Array<string> = []
  for (let k = 0; k < count; k++) ids.push(head + ((last ^ k) & 0xff).toString(16).padStart(2, "0"))
  return ids
}
