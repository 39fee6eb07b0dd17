/**
 * An in-process EventStoreDB gRPC server, good enough for the real
 * `@eventstore/db-client` (v6): server features, Streams.Read (stream and
 * `$all`, forwards and backwards), Streams.Append (client streaming) and
 * Streams.BatchAppend (bidi: the client uses it for `appendToStream` whenever
 * the server lists it in its features). Everything else answers UNIMPLEMENTED.
 *
 * Test support only: it listens on 127.0.0.1 on an ephemeral port, insecure,
 * without authentication. Connect with `esdb://127.0.0.1:PORT?tls=false`.
 */
import * as grpc from "@grpc/grpc-js"
import { FakeLog, type AppendOutcome, type FakeExpected, type FakeLogOptions, type FakePosition, type ProposedEvent } from "./log"
import { serverFeaturesGrpc, serverFeaturesPb, streamsGrpc, streamsPb } from "./protos"
import { appendResponse, batchResponse, batchTooLarge } from "./responses"
import { appendExpected, batchExpected, proposedOf, readResponse, streamIdentifier, streamNameOf, uuidOf } from "./wire"

type ReadReq = InstanceType<typeof streamsPb.ReadReq>
type ReadResp = InstanceType<typeof streamsPb.ReadResp>
type AppendReq = InstanceType<typeof streamsPb.AppendReq>
type AppendResp = InstanceType<typeof streamsPb.AppendResp>
type BatchAppendReq = InstanceType<typeof streamsPb.BatchAppendReq>
type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>

export interface FakeServerOptions extends FakeLogOptions {
  /**
   * "batch-append": list Streams.BatchAppend in the server features, as current
   * servers do, so the client appends over BatchAppend.
   * "unimplemented": answer the features call with UNIMPLEMENTED, as the oldest
   * gRPC servers (20.x) did, so the client falls back to the classic Append call.
   */
  readonly features?: "batch-append" | "unimplemented"
  /** Seed a few system events (`$`-streams, `$`-types) first, as a fresh server has. Default true. */
  readonly systemEvents?: boolean
  /**
   * Refuse appends whose events total more bytes (data + metadata + type) than
   * this, as the server's MaxAppendSize does (1 MiB by default on a real
   * server). Default: no limit.
   */
  readonly maxAppendSize?: number
}

/** One Read call as the fake saw it: lets tests check that reads are paged. */
export interface FakeReadRequest {
  readonly target: string
  readonly direction: "forwards" | "backwards"
  readonly count: number
}

/** Test hooks, settable at any time. */
export interface FakeHooks {
  /**
   * Runs when an append request has arrived, just before the log decides it:
   * lets a test play a concurrent writer that gets in first.
   */
  beforeAppend: ((stream: string) => void) | undefined
}

export interface FakeEventStoreDb {
  readonly url: string
  readonly port: number
  readonly log: FakeLog
  readonly hooks: FakeHooks
  /** Every Read call, in order. */
  readonly reads: Array<FakeReadRequest>
  /** Appends decided, by call kind (a BatchAppend call counts once per batch). */
  readonly appendCalls: { classic: number; batch: number }
  /** BatchAppend streams the client holds open right now (the client keeps one open until disposed). */
  readonly openBatchStreams: () => number
  readonly stop: () => Promise<void>
}

const serviceError = (code: grpc.status, details: string): Partial<grpc.ServiceError> => ({ code, details, message: details })

const seedSystemEvents = (log: FakeLog): void => {
  const raw = (id: string, type: string, data: string): ProposedEvent => ({
    id,
    type,
    contentType: "application/json",
    data: Buffer.from(data, "utf8"),
    metadata: new Uint8Array()
  })
  log.appendRaw("$$$stats-127.0.0.1:2113", raw("0b6f1e2a-35c9-4a57-9d0e-3d1f6f0c0001", "$metadata", `{"$maxAge":86400}`))
  log.appendRaw("$projections-$all", raw("0b6f1e2a-35c9-4a57-9d0e-3d1f6f0c0002", "$ProjectionsInitialized", ""))
  log.appendRaw("$stats-127.0.0.1:2113", raw("0b6f1e2a-35c9-4a57-9d0e-3d1f6f0c0003", "$statsCollected", "not json {"))
}

/** Write with backpressure; stop quietly when the client cancels. */
const sendAll = async (call: grpc.ServerWritableStream<ReadReq, ReadResp>, messages: Iterable<ReadResp>) => {
  for (const message of messages) {
    if (call.cancelled) return
    if (!call.write(message)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          call.off("drain", done)
          call.off("cancelled", done)
          resolve()
        }
        call.on("drain", done)
        call.on("cancelled", done)
      })
    }
  }
  if (!call.cancelled) call.end()
}

function* readResponses(log: FakeLog, request: ReadReq, reads: Array<FakeReadRequest>): Generator<ReadResp> {
  const options = request.getOptions()
  if (options === undefined) throw serviceError(grpc.status.INVALID_ARGUMENT, "read without options")
  if (options.hasSubscription()) throw serviceError(grpc.status.UNIMPLEMENTED, "the fake server has no subscriptions")
  if (options.hasFilter()) throw serviceError(grpc.status.UNIMPLEMENTED, "the fake server has no server-side filters")
  const count = options.hasCount() ? Number(options.getCount()) : Number.MAX_SAFE_INTEGER
  const direction = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS ? "backwards" : "forwards"
  const structuredUuid = options.getUuidOption()?.hasStructured() ?? false

  const stream = options.getStream()
  if (stream !== undefined) {
    const name = streamNameOf(stream.getStreamIdentifier())
    reads.push({ target: name, direction, count })
    const from = stream.hasRevision() ? BigInt(stream.getRevision()) : stream.hasEnd() ? "end" : "start"
    const records = log.readStream(name, from, direction, count)
    if (records === undefined) {
      const notFound = new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name))
      yield new streamsPb.ReadResp().setStreamNotFound(notFound)
      return
    }
    for (const record of records) yield readResponse(record, { structuredUuid, fromAll: false })
    return
  }

  const all = options.getAll()
  if (all === undefined) throw serviceError(grpc.status.INVALID_ARGUMENT, "read of neither a stream nor $all")
  reads.push({ target: "$all", direction, count })
  const position = all.getPosition()
  const from: "start" | "end" | FakePosition =
    position !== undefined
      ? { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) }
      : all.hasEnd()
        ? "end"
        : "start"
  for (const record of log.readAll(from, direction, count)) yield readResponse(record, { structuredUuid, fromAll: true })
}

export const startFakeEventStoreDb = async (options: FakeServerOptions = {}): Promise<FakeEventStoreDb> => {
  const log = new FakeLog(options)
  if (options.systemEvents ?? true) seedSystemEvents(log)
  const reads: Array<FakeReadRequest> = []
  const appendCalls = { classic: 0, batch: 0 }
  const hooks: FakeHooks = { beforeAppend: undefined }
  let openBatchStreams = 0
  const decide = (stream: string, expected: FakeExpected, proposed: ReadonlyArray<ProposedEvent>): AppendOutcome => {
    hooks.beforeAppend?.(stream)
    return log.append(stream, expected, proposed)
  }
  const tooLarge = (proposed: ReadonlyArray<ProposedEvent>): boolean =>
    options.maxAppendSize !== undefined &&
    proposed.reduce((n, e) => n + e.data.length + e.metadata.length + Buffer.byteLength(e.type), 0) > options.maxAppendSize
  const server = new grpc.Server()

  server.addService(streamsGrpc.StreamsService, {
    read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => {
      let responses: Array<ReadResp>
      try {
        // The log is in memory: materialising one read's answer is cheap; the
        // client still receives it with gRPC flow control (sendAll).
        responses = [...readResponses(log, call.request, reads)]
      } catch (error) {
        call.emit("error", error)
        return
      }
      void sendAll(call, responses)
    },
    append: (call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>) => {
      appendCalls.classic++
      let header: { stream: string; expected: FakeExpected } | undefined
      const proposed: Array<ProposedEvent> = []
      let failed = false
      call.on("data", (request: AppendReq) => {
        try {
          const opts = request.getOptions()
          if (opts !== undefined) header = { stream: streamNameOf(opts.getStreamIdentifier()), expected: appendExpected(opts) }
          const message = request.getProposedMessage()
          if (message !== undefined) proposed.push(proposedOf(message))
        } catch (error) {
          failed = true
          callback(serviceError(grpc.status.INVALID_ARGUMENT, String(error)))
        }
      })
      call.on("end", () => {
        if (failed) return
        if (header === undefined) return callback(serviceError(grpc.status.INVALID_ARGUMENT, "append without options"))
        if (tooLarge(proposed)) {
          // As the server's RpcExceptions.MaxAppendSizeExceeded: the client reads the trailers.
          const metadata = new grpc.Metadata()
          metadata.set("exception", "maximum-append-size-exceeded")
          metadata.set("maximum-append-size", String(options.maxAppendSize))
          return callback({ ...serviceError(grpc.status.INVALID_ARGUMENT, "Maximum Append Size Exceeded."), metadata })
        }
        callback(null, appendResponse(decide(header.stream, header.expected, proposed), header.expected))
      })
    },
    batchAppend: (call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => {
      const pending = new Map<string, { stream: string; expected: FakeExpected; proposed: Array<ProposedEvent> }>()
      openBatchStreams++
      let open = true
      const closed = () => {
        if (open) openBatchStreams--
        open = false
      }
      call.on("cancelled", closed)
      call.on("close", closed)
      call.on("data", (request: BatchAppendReq) => {
        try {
          const correlationId = uuidOf(request.getCorrelationId())
          const opts = request.getOptions()
          if (opts !== undefined) {
            pending.set(correlationId, { stream: streamNameOf(opts.getStreamIdentifier()), expected: batchExpected(opts), proposed: [] })
          }
          const batch = pending.get(correlationId)
          if (batch === undefined) throw new Error(`batch ${correlationId} without options`)
          for (const message of request.getProposedMessagesList()) batch.proposed.push(proposedOf(message))
          if (request.getIsFinal()) {
            pending.delete(correlationId)
            appendCalls.batch++
            if (tooLarge(batch.proposed)) {
              call.write(batchTooLarge(correlationId, batch.stream, options.maxAppendSize ?? 0))
              return
            }
            const outcome = decide(batch.stream, batch.expected, batch.proposed)
            call.write(batchResponse(correlationId, batch.stream, outcome, batch.expected))
          }
        } catch (error) {
          call.emit("error", serviceError(grpc.status.INVALID_ARGUMENT, String(error)))
        }
      })
      call.on("end", () => {
        closed()
        call.end()
      })
    },
    delete: (_call: unknown, callback: grpc.sendUnaryData<never>) =>
      callback(serviceError(grpc.status.UNIMPLEMENTED, "the fake server cannot delete streams")),
    tombstone: (_call: unknown, callback: grpc.sendUnaryData<never>) =>
      callback(serviceError(grpc.status.UNIMPLEMENTED, "the fake server cannot tombstone streams"))
  })

  server.addService(serverFeaturesGrpc.ServerFeaturesService, {
    getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<InstanceType<typeof serverFeaturesPb.SupportedMethods>>) => {
      if (options.features === "unimplemented") {
        return callback(serviceError(grpc.status.UNIMPLEMENTED, "server features are not implemented"))
      }
      const methods = new serverFeaturesPb.SupportedMethods().setEventStoreServerVersion("23.10.0-fake")
      for (const method of ["read", "append", "batchappend"]) {
        methods.addMethods(new serverFeaturesPb.SupportedMethod().setServiceName("event_store.client.streams.streams").setMethodName(method))
      }
      callback(null, methods)
    }
  })

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound)
    )
  )

  return {
    url: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    log,
    hooks,
    reads,
    appendCalls,
    openBatchStreams: () => openBatchStreams,
    stop: async () => {
      server.forceShutdown()
    }
  }
}
