// A worker thread of a parallel replay (./parallelReplay.ts): registers the TypeScript loader in
// this thread (workers do not inherit the main thread's loader) and runs ./replayWorker.ts.
import { register } from "tsx/esm/api"

register()
await import("./replayWorker.ts")
