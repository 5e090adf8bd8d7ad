package io.swarmgrid.storage.reputation;

/**
 * A node's reputation ({@code swarm.reputation}): a score in 0..1 and a summary of its history.
 * Compact type name {@code swarmgrid.Reputation}.
 *
 * @param nodeId the node
 * @param score 0 (never trusted) .. 1 (fully trusted); {@link #NEUTRAL} for a new node
 * @param successes outcomes that went well
 * @param failures outcomes that went badly
 * @param evidenceCount pieces of verified evidence against the node
 * @param updatedAt epoch millis of the last change
 */
public record Reputation(
    String nodeId, double score, long successes, long failures, long evidenceCount, long updatedAt) {

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
    if (successes < 0 || failures < 0 || evidenceCount < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: successes=" + successes + ", failures=" + failures
              + ", evidenceCount=" + evidenceCount);
    }
  }

  /** The record of a node nobody has judged yet. */
  public static Reputation neutral(String nodeId) {
    return new Reputation(nodeId, NEUTRAL, 0, 0, 0, 0);
  }
}
