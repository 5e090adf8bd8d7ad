package io.swarmgrid.storage.consensus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One shard of the CP commit log: the last decisions committed through it, oldest first, and the
 * newest proposal creation time among those it has forgotten. Lives in a CP {@code IAtomicReference};
 * changed only by functions that run inside the Raft state machine. Compact type name
 * {@code swarmgrid.CommitShard}.
 *
 * @param decisions remembered decisions, oldest first, at most the shard capacity
 * @param forgottenCreatedAt largest {@code createdAt} of a forgotten decision (0 if none): a decision
 *     of a proposal created at or before it can no longer be checked for exactly-once, and is refused
 */
public record CommitShard(List<Decision> decisions, long forgottenCreatedAt) {

  /** An empty shard. */
  public static final CommitShard EMPTY = new CommitShard(List.of(), 0);

  /** Copies the list. */
  public CommitShard {
    decisions = List.copyOf(decisions);
  }

  /**
   * This shard with each decision of {@code batch} added unless its proposal already has one,
   * forgetting the oldest beyond {@code capacity}.
   */
  public CommitShard commit(List<Decision> batch, int capacity) {
    Map<String, Decision> byId = new LinkedHashMap<>();
    decisions.forEach(d -> byId.put(d.proposalId(), d));
    long forgotten = forgottenCreatedAt;
    for (Decision d : batch) {
      if (!byId.containsKey(d.proposalId()) && d.createdAt() > forgotten) {
        byId.put(d.proposalId(), d);
      }
    }
    List<Decision> kept = new ArrayList<>(byId.values());
    while (kept.size() > capacity) {
      forgotten = Math.max(forgotten, kept.remove(0).createdAt());
    }
    return new CommitShard(kept, forgotten);
  }

  /** The committed decision of each of {@code proposalIds} that this shard remembers. */
  public Map<String, Decision> lookup(List<String> proposalIds) {
    Map<String, Decision> found = new LinkedHashMap<>();
    for (Decision d : decisions) {
      if (proposalIds.contains(d.proposalId())) {
        found.put(d.proposalId(), d);
      }
    }
    return found;
  }
}
