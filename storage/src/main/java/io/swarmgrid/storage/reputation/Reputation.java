package io.swarmgrid.storage.reputation;

/**
 * A node's reputation ({@code swarm.reputation}): a score in 0..1, whether the node is quarantined,
 * and a summary of its history. Compact type name {@code swarmgrid.Reputation}. {@link
 * ReputationRule} says how events move it.
 *
 * @param nodeId the node
 * @param score 0 (never trusted) .. 1 (fully trusted); {@link #NEUTRAL} for a new node
 * @param successes outcomes that went well (successful tasks, votes the outcome proved correct)
 * @param failures tasks that failed
 * @param evidenceCount pieces of verified evidence against the node
 * @param updatedAt epoch millis of the last change
 * @param timeouts calls or tasks the node did not answer in time
 * @param wrongVotes votes that the reported outcome proved wrong
 * @param quarantined whether the node is quarantined: it gets no vote weight and no new work
 */
public record Reputation(
    String nodeId,
    double score,
    long successes,
    long failures,
    long evidenceCount,
    long updatedAt,
    long timeouts,
    long wrongVotes,
    boolean quarantined) {

  /** The score a node starts with and that votes weigh by when no record exists. */
  public static final double NEUTRAL = 1.0;

  /** Checks the ranges. */
  public Reputation {
    if (nodeId == null || nodeId.isEmpty()) {
      throw new IllegalArgumentException("nodeId: must not be empty");
    }
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score: " + score + " is outside 0..1");
    }
    if (successes < 0 || failures < 0 || evidenceCount < 0 || timeouts < 0 || wrongVotes < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: successes="
              + successes
              + ", failures="
              + failures
              + ", evidenceCount="
              + evidenceCount
              + ", timeouts="
              + timeouts
              + ", wrongVotes="
              + wrongVotes);
    }
  }

  /** A reputation without timeouts, wrong votes or quarantine (the original six fields). */
  public Reputation(
      String nodeId,
      double score,
      long successes,
      long failures,
      long evidenceCount,
      long updatedAt) {
    this(nodeId, score, successes, failures, evidenceCount, updatedAt, 0, 0, false);
  }

  /** The record of a node nobody has judged yet. */
  public static Reputation neutral(String nodeId) {
    return new Reputation(nodeId, NEUTRAL, 0, 0, 0, 0);
  }

  /** The weight of the node's vote before confidence: 0 when quarantined, else the score. */
  public double voteWeight() {
    return quarantined ? 0.0 : score;
  }
}
