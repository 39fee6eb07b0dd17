import { MemoryEventStore } from "../../src/store/memory"
import { describeEmbeddedStoreContract, describeEventStoreContract } from "./contract"

describeEventStoreContract("memory", () => ({ layer: MemoryEventStore.layer }))
describeEmbeddedStoreContract("memory", () => ({ layer: MemoryEventStore.layer }))
