/**
 * The protobuf messages and gRPC service definitions of EventStoreDB, taken
 * from the generated code that ships inside `@eventstore/db-client`.
 *
 * Loaded with `require` on purpose: the generated serializers check
 * `instanceof` against their own message classes, so the fake server must use
 * the very module instances the client uses (Node's CommonJS cache), not a
 * second copy.
 */
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)

const generated = (name: string): string => `@eventstore/db-client/generated/${name}.js`

export const streamsPb: typeof import("@eventstore/db-client/generated/streams_pb") = require(generated("streams_pb"))
export const streamsGrpc: typeof import("@eventstore/db-client/generated/streams_grpc_pb") = require(
  generated("streams_grpc_pb")
)
export const sharedPb: typeof import("@eventstore/db-client/generated/shared_pb") = require(generated("shared_pb"))
export const statusPb: typeof import("@eventstore/db-client/generated/status_pb") = require(generated("status_pb"))
export const serverFeaturesPb: typeof import("@eventstore/db-client/generated/serverfeatures_pb") = require(
  generated("serverfeatures_pb")
)
export const serverFeaturesGrpc: typeof import("@eventstore/db-client/generated/serverfeatures_grpc_pb") = require(
  generated("serverfeatures_grpc_pb")
)
export const anyPb: typeof import("google-protobuf/google/protobuf/any_pb") = require("google-protobuf/google/protobuf/any_pb.js")
export const emptyPb: typeof import("google-protobuf/google/protobuf/empty_pb") = require(
  "google-protobuf/google/protobuf/empty_pb.js"
)
