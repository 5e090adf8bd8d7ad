package io.swarmgrid.storage.consensus;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One shard of the CP commit log: the last outcomes committed through it, oldest first, and the
 * newest proposal creation time among those it has forgotten. Lives in a CP {@code
 * IAtomicReference}; changed only by functions that run inside the Raft state machine, which read
 * and rewrite the whole shard on every operation, so it holds only a small fingerprint per decision
 * (the full decision is in {@code swarm.decisions}) in flat arrays. Compact type name {@code
 * swarmgrid.CommitShard}.
 *
 * @param proposalIds committed proposals, oldest first
 * @param decidedAts each one's {@code decidedAt}
 * @param outcomes each one's winning option (-1: none)
 * @param ends each one's {@link DecisionEnd} ordinal
 * @param predicted each one's learned success prediction (NaN: none)
 * @param thresholds each one's learned threshold (NaN: none)
 * @param createdAts each one's proposal creation time
 * @param forgottenCreatedAt largest {@code createdAt} of a forgotten decision (0 if none): a
 *     decision of a proposal created at or before it can no longer be checked for exactly-once, and
 *     is refused
 */
public record CommitShard(
    String[] proposalIds,
    long[] decidedAts,
    int[] outcomes,
    int[] ends,
    double[] predicted,
    double[] thresholds,
    long[] createdAts,
    long forgottenCreatedAt) {

  /** An empty shard. */
  public static final CommitShard EMPTY =
      new CommitShard(
          new String[0],
          new long[0],
          new int[0],
          new int[0],
          new double[0],
          new double[0],
          new long[0],
          0);

  /**
   * What the log remembers of a committed decision: enough to tell whether a candidate decision is
   * the committed one, and to rebuild it from the tally it came from.
   *
   * @param proposalId the proposal
   * @param decidedAt when it was decided
   * @param outcome winning option, -1 if none
   * @param end how it ended
   * @param predicted learned success prediction, or NaN
   * @param threshold learned threshold, or NaN
   * @param createdAt proposal creation time
   */
  public record Committed(
      String proposalId,
      long decidedAt,
      int outcome,
      DecisionEnd end,
      double predicted,
      double threshold,
      long createdAt)
      implements Serializable {

    /** The fingerprint of {@code d}. */
    public static Committed of(Decision d) {
      return new Committed(
          d.proposalId(),
          d.decidedAt(),
          d.outcome(),
          d.end(),
          d.predictedSuccess(),
          d.threshold(),
          d.createdAt());
    }

    /** Whether {@code d} is the decision this fingerprint was taken of. */
    public boolean matches(Decision d) {
      return d.proposalId().equals(proposalId)
          && d.decidedAt() == decidedAt
          && d.end() == end
          && d.outcome() == outcome;
    }
  }

  /**
   * This shard with each decision of {@code batch} added unless its proposal already has one,
   * forgetting the oldest beyond {@code capacity}.
   */
  public CommitShard commit(List<Committed> batch, int capacity) {
    Map<String, Committed> byId = new LinkedHashMap<>();
    for (int i = 0; i < proposalIds.length; i++) {
      byId.put(proposalIds[i], entry(i));
    }
    long forgotten = forgottenCreatedAt;
    for (Committed c : batch) {
      if (!byId.containsKey(c.proposalId()) && c.createdAt() > forgotten) {
        byId.put(c.proposalId(), c);
      }
    }
    List<Committed> kept = new ArrayList<>(byId.values());
    int drop = Math.max(0, kept.size() - capacity);
    for (int i = 0; i < drop; i++) {
      forgotten = Math.max(forgotten, kept.get(i).createdAt());
    }
    return of(kept.subList(drop, kept.size()), forgotten);
  }

  /** The committed fingerprint of each of {@code ids} that this shard remembers. */
  public HashMap<String, Committed> lookup(List<String> ids) {
    HashMap<String, Committed> found = new HashMap<>();
    for (int i = 0; i < proposalIds.length; i++) {
      if (ids.contains(proposalIds[i])) {
        found.put(proposalIds[i], entry(i));
      }
    }
    return found;
  }

  /** Decisions remembered. */
  public int size() {
    return proposalIds.length;
  }

  private Committed entry(int i) {
    return new Committed(
        proposalIds[i],
        decidedAts[i],
        outcomes[i],
        DecisionEnd.values()[ends[i]],
        predicted[i],
        thresholds[i],
        createdAts[i]);
  }

  private static CommitShard of(List<Committed> list, long forgotten) {
    int n = list.size();
    String[] ids = new String[n];
    long[] decided = new long[n];
    int[] outcomes = new int[n];
    int[] ends = new int[n];
    double[] predicted = new double[n];
    double[] thresholds = new double[n];
    long[] created = new long[n];
    for (int i = 0; i < n; i++) {
      Committed c = list.get(i);
      ids[i] = c.proposalId();
      decided[i] = c.decidedAt();
      outcomes[i] = c.outcome();
      ends[i] = c.end().ordinal();
      predicted[i] = c.predicted();
      thresholds[i] = c.threshold();
      created[i] = c.createdAt();
    }
    return new CommitShard(ids, decided, outcomes, ends, predicted, thresholds, created, forgotten);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CommitShard s
        && Arrays.equals(proposalIds, s.proposalIds)
        && Arrays.equals(decidedAts, s.decidedAts)
        && forgottenCreatedAt == s.forgottenCreatedAt;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(proposalIds);
  }

  @Override
  public String toString() {
    return "CommitShard["
        + proposalIds.length
        + " decisions, forgotten up to "
        + forgottenCreatedAt
        + "]";
  }
}
