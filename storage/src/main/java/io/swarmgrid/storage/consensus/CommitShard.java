package io.swarmgrid.storage.consensus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One shard of the CP commit log: the last outcomes committed through it, oldest first. Lives in a
 * CP {@code IAtomicReference}; changed only by functions that run inside the Raft state machine,
 * which read and rewrite the whole shard on every operation, so it holds only a small fingerprint
 * per decision (the full decision is in {@code swarm.decisions}) in flat arrays. Compact type name
 * {@code swarmgrid.CommitShard}.
 *
 * <p>The window is in commit order and nothing is refused for being old: a proposal the shard does
 * not remember is committed. What the window guards is the short race between two committers of one
 * proposal (a migration, a committer that died between Raft and the publication, a split brain); a
 * proposal committed long ago is recognised by its published decision in {@code swarm.decisions},
 * which the committer reads before it commits. An earlier version refused proposals created before
 * the newest forgotten one: a proposal decided later than {@code capacity} newer commits was never
 * published, and one fast member clock refused everybody.
 *
 * @param proposalIds committed proposals, oldest first
 * @param decidedAts each one's {@code decidedAt}
 * @param outcomes each one's winning option (-1: none)
 * @param ends each one's {@link DecisionEnd} ordinal
 * @param predicted each one's learned success prediction (NaN: none)
 * @param thresholds each one's learned threshold (NaN: none)
 * @param forgotten decisions this shard has committed and no longer remembers
 */
public record CommitShard(
    String[] proposalIds,
    long[] decidedAts,
    int[] outcomes,
    int[] ends,
    double[] predicted,
    double[] thresholds,
    long forgotten) {

  /** Largest batch checked by scanning the shard rather than through a set of its ids. */
  static final int SMALL_BATCH = 8;

  /** An empty shard. */
  public static final CommitShard EMPTY =
      new CommitShard(
          new String[0], new long[0], new int[0], new int[0], new double[0], new double[0], 0);

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
   */
  public record Committed(
      String proposalId,
      long decidedAt,
      int outcome,
      DecisionEnd end,
      double predicted,
      double threshold) {

    /** The fingerprint of {@code d}. */
    public static Committed of(Decision d) {
      return new Committed(
          d.proposalId(), d.decidedAt(), d.outcome(), d.end(), d.predictedSuccess(), d.threshold());
    }

    boolean sameProposal(Committed other) {
      return proposalId.equals(other.proposalId);
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
   * forgetting the oldest beyond {@code capacity}. What was there before is forgotten first and the
   * batch never (a batch larger than the capacity is kept whole until the next one): the committer
   * reads its winners from the shard this returns.
   */
  public CommitShard commit(List<Committed> batch, int capacity) {
    // Runs on every CP member for every commit, on a shard of up to `capacity` entries: arrays
    // copied in bulk, no object per remembered decision (a map of them was most of its cost).
    List<Committed> added = new ArrayList<>(batch.size());
    if (batch.size() <= SMALL_BATCH) {
      // A scan is cheaper than a set of every remembered id for the usual few decisions.
      for (Committed c : batch) {
        if (!remembers(c.proposalId()) && added.stream().noneMatch(a -> a.sameProposal(c))) {
          added.add(c);
        }
      }
    } else {
      Set<String> known = new HashSet<>(Arrays.asList(proposalIds));
      for (Committed c : batch) {
        if (known.add(c.proposalId())) {
          added.add(c);
        }
      }
    }
    int before = proposalIds.length;
    int drop = Math.min(before, Math.max(0, before + added.size() - capacity));
    int keep = before - drop;
    int n = keep + added.size();
    String[] ids = Arrays.copyOfRange(proposalIds, drop, drop + n);
    long[] decided = Arrays.copyOfRange(decidedAts, drop, drop + n);
    int[] outs = Arrays.copyOfRange(outcomes, drop, drop + n);
    int[] endOrdinals = Arrays.copyOfRange(ends, drop, drop + n);
    double[] predictions = Arrays.copyOfRange(predicted, drop, drop + n);
    double[] thresholdsKept = Arrays.copyOfRange(thresholds, drop, drop + n);
    for (int i = 0; i < added.size(); i++) {
      Committed c = added.get(i);
      ids[keep + i] = c.proposalId();
      decided[keep + i] = c.decidedAt();
      outs[keep + i] = c.outcome();
      endOrdinals[keep + i] = c.end().ordinal();
      predictions[keep + i] = c.predicted();
      thresholdsKept[keep + i] = c.threshold();
    }
    return new CommitShard(
        ids, decided, outs, endOrdinals, predictions, thresholdsKept, forgotten + drop);
  }

  private boolean remembers(String proposalId) {
    for (String id : proposalIds) {
      if (id.equals(proposalId)) {
        return true;
      }
    }
    return false;
  }

  /** The part of this shard that holds {@code ids} (what a lookup sends back). */
  public CommitShard only(Collection<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    List<Committed> found = new ArrayList<>();
    for (int i = 0; i < proposalIds.length; i++) {
      if (wanted.contains(proposalIds[i])) {
        found.add(entry(i));
      }
    }
    return of(found, forgotten);
  }

  /** The fingerprints this shard remembers, by proposal id. */
  public Map<String, Committed> byProposal() {
    Map<String, Committed> map = new HashMap<>();
    for (int i = 0; i < proposalIds.length; i++) {
      map.put(proposalIds[i], entry(i));
    }
    return map;
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
        thresholds[i]);
  }

  private static CommitShard of(List<Committed> list, long forgotten) {
    int n = list.size();
    String[] ids = new String[n];
    long[] decided = new long[n];
    int[] outcomes = new int[n];
    int[] ends = new int[n];
    double[] predicted = new double[n];
    double[] thresholds = new double[n];
    for (int i = 0; i < n; i++) {
      Committed c = list.get(i);
      ids[i] = c.proposalId();
      decided[i] = c.decidedAt();
      outcomes[i] = c.outcome();
      ends[i] = c.end().ordinal();
      predicted[i] = c.predicted();
      thresholds[i] = c.threshold();
    }
    return new CommitShard(ids, decided, outcomes, ends, predicted, thresholds, forgotten);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CommitShard s
        && Arrays.equals(proposalIds, s.proposalIds)
        && Arrays.equals(decidedAts, s.decidedAts)
        && forgotten == s.forgotten;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(proposalIds);
  }

  @Override
  public String toString() {
    return "CommitShard[" + proposalIds.length + " decisions, " + forgotten + " forgotten]";
  }
}
