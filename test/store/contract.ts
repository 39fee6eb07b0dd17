/**
 * The one contract every EventStore adapter passes (memory, SQLite,
 * EventStoreDB): call `describeEventStoreContract` from the adapter's test
 * file. Each test gets a fresh store from `make`, uses streams of its own
 * (random pseudonyms), and reads `$all` only after a marker event it wrote
 * itself, so the suite also runs against a shared real server.
 *
 * The cases live in ./contract/ (appends.ts, reads.ts); embedded stores also
 * pass ./contract/embedded.ts.
 */
import { describe, expect, it } from "vitest"
import { appendCases } from "./contract/appends"
import { type MakeStore, useFreshStore } from "./contract/harness"
import { readCases } from "./contract/reads"

export { describeEmbeddedStoreContract } from "./contract/embedded"
export { collect, failureOf, run, type StoreUnderTest } from "./contract/harness"

export const describeEventStoreContract = (name: string, make: MakeStore): void => {
  describe(`EventStore contract: ${name}`, () => {
    const harness = useFreshStore(make)

    it("has a name", () => {
      expect(harness.store().name).toMatch(/\S/)
    })

    appendCases(harness)
    readCases(harness)
  })
}
