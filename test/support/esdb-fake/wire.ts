/**
 * Conversions between EventStoreDB's protobuf messages and the fake log's
 * plain values: uuids, stream names, expected revisions, recorded events.
 */
import type { FakeExpected, FakeRecord, ProposedEvent } from "./log"
import { emptyPb, sharedPb, streamsPb } from "./protos"

type SharedUuid = InstanceType<typeof sharedPb.UUID>
type StreamIdentifier = InstanceType<typeof sharedPb.StreamIdentifier>
type AppendProposed = InstanceType<typeof streamsPb.AppendReq.ProposedMessage>
type BatchProposed = InstanceType<typeof streamsPb.BatchAppendReq.ProposedMessage>

const hex = (n: bigint): string => BigInt.asUintN(64, n).toString(16).padStart(16, "0")

/** A uuid as the client sends it: as a string, or as two signed 64-bit halves. */
export const uuidOf = (uuid: SharedUuid | undefined): string => {
  if (uuid === undefined) throw new Error("missing uuid")
  if (uuid.hasString()) return uuid.getString()
  const s = uuid.getStructured()
  if (s === undefined) throw new Error("empty uuid")
  const h = hex(BigInt(s.getMostSignificantBits())) + hex(BigInt(s.getLeastSignificantBits()))
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export const uuidMessage = (id: string, structured: boolean): SharedUuid => {
  const uuid = new sharedPb.UUID()
  if (!structured) return uuid.setString(id)
  const h = id.replace(/-/g, "")
  const s = new sharedPb.UUID.Structured()
  s.setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${h.slice(0, 16)}`)).toString())
  s.setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${h.slice(16)}`)).toString())
  return uuid.setStructured(s)
}

export const streamNameOf = (identifier: StreamIdentifier | undefined): string => {
  if (identifier === undefined) throw new Error("missing stream identifier")
  return Buffer.from(identifier.getStreamName_asU8()).toString("utf8")
}

export const streamIdentifier = (name: string): StreamIdentifier =>
  new sharedPb.StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(name, "utf8")))

export const proposedOf = (message: AppendProposed | BatchProposed): ProposedEvent => {
  const metadata = message.getMetadataMap()
  const type = metadata.get("type")
  const contentType = metadata.get("content-type")
  if (type === undefined) throw new Error("proposed message without 'type'")
  if (contentType === undefined) throw new Error("proposed message without 'content-type'")
  return {
    id: uuidOf(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8()
  }
}

/** Expected revision of a classic Append request. */
export const appendExpected = (options: InstanceType<typeof streamsPb.AppendReq.Options>): FakeExpected => {
  if (options.hasRevision()) return { _tag: "Revision", revision: BigInt(options.getRevision()) }
  if (options.hasNoStream()) return { _tag: "NoStream" }
  if (options.hasStreamExists()) return { _tag: "StreamExists" }
  return { _tag: "Any" }
}

/** Expected revision of a BatchAppend request. */
export const batchExpected = (options: InstanceType<typeof streamsPb.BatchAppendReq.Options>): FakeExpected => {
  if (options.hasStreamPosition()) return { _tag: "Revision", revision: BigInt(options.getStreamPosition()) }
  if (options.hasNoStream()) return { _tag: "NoStream" }
  if (options.hasStreamExists()) return { _tag: "StreamExists" }
  return { _tag: "Any" }
}

export const googleEmpty = () => new emptyPb.Empty()
export const sharedEmpty = () => new sharedPb.Empty()

/** A stored event as a ReadResp, with the positions a 22.10+ server reports. */
export const readResponse = (record: FakeRecord, options: { structuredUuid: boolean; fromAll: boolean }) => {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
  recorded.setId(uuidMessage(record.id, options.structuredUuid))
  recorded.setStreamIdentifier(streamIdentifier(record.stream))
  recorded.setStreamRevision(record.revision.toString())
  recorded.setCommitPosition(record.position.commit.toString())
  recorded.setPreparePosition(record.position.prepare.toString())
  recorded.getMetadataMap().set("type", record.type)
  recorded.getMetadataMap().set("content-type", record.contentType)
  recorded.getMetadataMap().set("created", record.created.toString())
  recorded.setCustomMetadata(record.metadata)
  recorded.setData(record.data)
  const event = new streamsPb.ReadResp.ReadEvent()
  event.setEvent(recorded)
  if (options.fromAll) event.setCommitPosition(record.position.commit.toString())
  else event.setNoPosition(sharedEmpty())
  return new streamsPb.ReadResp().setEvent(event)
}
