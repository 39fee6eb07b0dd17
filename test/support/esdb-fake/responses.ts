/**
 * The fake server's answers to appends, as the real server words them: success
 * with revision and position, wrong expected version (classic Append: in the
 * response; BatchAppend: a google.rpc.Status with the details packed in an Any),
 * and maximum append size exceeded.
 */
import type { AppendOutcome, FakeExpected } from "./log"
import { anyPb, sharedPb, statusPb, streamsPb } from "./protos"
import { googleEmpty, sharedEmpty, streamIdentifier, uuidMessage } from "./wire"

type AppendResp = InstanceType<typeof streamsPb.AppendResp>
type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>

export const appendResponse = (outcome: AppendOutcome, expected: FakeExpected): AppendResp => {
  const response = new streamsPb.AppendResp()
  if (outcome._tag === "Success") {
    const success = new streamsPb.AppendResp.Success()
    if (outcome.currentRevision === undefined) success.setNoStream(sharedEmpty())
    else success.setCurrentRevision(outcome.currentRevision.toString())
    if (outcome.position === undefined) success.setNoPosition(sharedEmpty())
    else
      success.setPosition(
        new streamsPb.AppendResp.Position()
          .setCommitPosition(outcome.position.commit.toString())
          .setPreparePosition(outcome.position.prepare.toString())
      )
    return response.setSuccess(success)
  }
  const wrong = new streamsPb.AppendResp.WrongExpectedVersion()
  if (outcome.currentRevision === undefined) wrong.setCurrentNoStream(sharedEmpty())
  else wrong.setCurrentRevision(outcome.currentRevision.toString())
  if (expected._tag === "Revision") wrong.setExpectedRevision(expected.revision.toString())
  else if (expected._tag === "NoStream") wrong.setExpectedNoStream(sharedEmpty())
  else if (expected._tag === "StreamExists") wrong.setExpectedStreamExists(sharedEmpty())
  else wrong.setExpectedAny(sharedEmpty())
  return response.setWrongExpectedVersion(wrong)
}

export const batchResponse = (correlationId: string, stream: string, outcome: AppendOutcome, expected: FakeExpected): BatchAppendResp => {
  const response = new streamsPb.BatchAppendResp()
  response.setCorrelationId(uuidMessage(correlationId, false))
  response.setStreamIdentifier(streamIdentifier(stream))
  if (expected._tag === "Revision") response.setStreamPosition(expected.revision.toString())
  else if (expected._tag === "NoStream") response.setNoStream(googleEmpty())
  else if (expected._tag === "StreamExists") response.setStreamExists(googleEmpty())
  else response.setAny(googleEmpty())

  if (outcome._tag === "Success") {
    const success = new streamsPb.BatchAppendResp.Success()
    if (outcome.currentRevision === undefined) success.setNoStream(googleEmpty())
    else success.setCurrentRevision(outcome.currentRevision.toString())
    if (outcome.position === undefined) success.setNoPosition(googleEmpty())
    else
      success.setPosition(
        new sharedPb.AllStreamPosition()
          .setCommitPosition(outcome.position.commit.toString())
          .setPreparePosition(outcome.position.prepare.toString())
      )
    return response.setSuccess(success)
  }
  const wrong = new sharedPb.WrongExpectedVersion()
  if (outcome.currentRevision === undefined) wrong.setCurrentNoStream(googleEmpty())
  else wrong.setCurrentStreamRevision(outcome.currentRevision.toString())
  if (expected._tag === "Revision") wrong.setExpectedStreamPosition(expected.revision.toString())
  else if (expected._tag === "NoStream") wrong.setExpectedNoStream(googleEmpty())
  else if (expected._tag === "StreamExists") wrong.setExpectedStreamExists(googleEmpty())
  else wrong.setExpectedAny(googleEmpty())
  const details = new anyPb.Any()
  details.pack(wrong.serializeBinary(), "event_store.client.WrongExpectedVersion")
  const status = new statusPb.Status().setCode(9 /* google.rpc.Code.FAILED_PRECONDITION */).setMessage("Wrong expected version.")
  return response.setError(status.setDetails(details))
}

export const batchTooLarge = (correlationId: string, stream: string, maxAppendSize: number): BatchAppendResp => {
  const details = new anyPb.Any()
  details.pack(new sharedPb.MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize).serializeBinary(), "event_store.client.MaximumAppendSizeExceeded")
  const status = new statusPb.Status().setCode(3 /* google.rpc.Code.INVALID_ARGUMENT */).setMessage("Maximum Append Size Exceeded.")
  return new streamsPb.BatchAppendResp()
    .setCorrelationId(uuidMessage(correlationId, false))
    .setStreamIdentifier(streamIdentifier(stream))
    .setError(status.setDetails(details))
}
