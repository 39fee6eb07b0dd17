import { SqliteEventStore, type SqliteOptions } from "../../src/store/sqlite"
import { tempStore } from "../support/tempStore"
import { describeEmbeddedStoreContract, describeEventStoreContract } from "./contract"

const make = (options?: SqliteOptions) => async () => {
  const temp = await tempStore()
  return { layer: SqliteEventStore.layer(temp.path, options), cleanup: temp.cleanup }
}

describeEventStoreContract("sqlite", make())
// Tiny pages: every read crosses page boundaries (including a corrupt row mid-page elsewhere).
describeEventStoreContract("sqlite, 3 rows a page", make({ pageSize: 3 }))
describeEmbeddedStoreContract("sqlite", make())
