package io.swarmgrid.storage.consensus;

/**
 * The answer to a vote.
 *
 * @param proposalId the proposal
 * @param voter the voter
 * @param status what happened
 * @param reason in words, naming the field and value when the vote was refused
 * @param decision the decision if this vote completed the quorum, else null
 */
public record VoteReceipt(
    String proposalId, String voter, VoteStatus status, String reason, Decision decision) {

  /** Whether the vote counted. */
  public boolean counted() {
    return status.counted();
  }
}
