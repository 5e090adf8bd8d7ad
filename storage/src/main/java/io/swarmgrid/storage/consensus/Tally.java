package io.swarmgrid.storage.consensus;

import java.util.Arrays;
import java.util.List;

/**
 * The running count of a proposal's votes ({@code swarm.votes}, same key and so the same partition
 * as the proposal). It carries a snapshot of the electorate taken when the proposal was made — ids,
 * weights (reputations) and public keys — so that every vote is checked and weighed next to the
 * tally, without reading other partitions. Compact type name {@code swarmgrid.Tally}.
 *
 * @param proposalId the proposal
 * @param type what is decided
 * @param options the proposal's options
 * @param deadline epoch millis; no vote counts after it
 * @param createdAt epoch millis the proposal was made
 * @param quorumFraction share of the eligible weight an option needs, more than this
 * @param eligible voter ids
 * @param weights each voter's reputation at proposal time, in the order of {@code eligible}
 * @param publicKeys each voter's 32-byte Ed25519 public key, concatenated in the same order
 * @param votes accepted votes, in arrival order
 * @param conflicting second, different votes of equivocating voters (evidence)
 * @param status open, decided or committed
 * @param decision the decision once decided, else null
 */
public record Tally(
    String proposalId,
    DecisionType type,
    List<String> options,
    long deadline,
    long createdAt,
    double quorumFraction,
    List<String> eligible,
    double[] weights,
    byte[] publicKeys,
    List<Vote> votes,
    List<Vote> conflicting,
    TallyStatus status,
    Decision decision) {

  /** Copies the lists. */
  public Tally {
    options = List.copyOf(options);
    eligible = List.copyOf(eligible);
    votes = List.copyOf(votes);
    conflicting = List.copyOf(conflicting);
  }

  /** Index of {@code nodeId} in the electorate, or -1. */
  public int voterIndex(String nodeId) {
    return eligible.indexOf(nodeId);
  }

  /** The public key of the voter at {@code index}. */
  public byte[] publicKey(int index) {
    return Arrays.copyOfRange(publicKeys, index * 32, index * 32 + 32);
  }

  /** Sum of the electorate's weights. */
  public double eligibleWeight() {
    return Arrays.stream(weights).sum();
  }
}
