package io.swarmgrid.storage.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;
import io.swarmgrid.storage.checkpoint.Checkpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Split-brain merge of {@code swarm.checkpoints} that keeps both sides' snapshots. Versions are
 * numbered per owner, so both sides of a split saved their own version 5, 6...; put-if-absent kept
 * the target's and dropped the merging (smaller) side's (issue 13). Versions only one side has are
 * kept as they are; a version both sides saved with different bytes keeps one snapshot as the
 * version (the newer, ties broken by hash, so every member chooses alike) and the other in its
 * {@code conflicts}, readable with {@code CheckpointStore.conflicts}.
 */
public final class CheckpointUnionMergePolicy
    implements SplitBrainMergePolicy<Object, MergingValue<Object>, Object> {

  /** For Hazelcast, which creates the policy from its class name. */
  public CheckpointUnionMergePolicy() {}

  @Override
  public Object merge(MergingValue<Object> merging, MergingValue<Object> existing) {
    if (existing == null || existing.getRawValue() == null) {
      return merging == null ? null : merging.getRawValue();
    }
    if (merging == null || merging.getRawValue() == null) {
      return existing.getRawValue();
    }
    Object a = existing.getDeserializedValue();
    Object b = merging.getDeserializedValue();
    if (!(a instanceof Checkpoint left) || !(b instanceof Checkpoint right)) {
      return existing.getRawValue(); // not a checkpoint: keep the target's, as put-if-absent did
    }
    Checkpoint union = union(left, right);
    return union == left ? existing.getRawValue() : union;
  }

  /**
   * The union of two snapshots of one owner and version: every distinct snapshot (by hash) kept,
   * the newest (then the smallest hash) as the version, the others as its conflicts.
   */
  public static Checkpoint union(Checkpoint left, Checkpoint right) {
    Map<String, Checkpoint> distinct = new LinkedHashMap<>();
    for (Checkpoint side : List.of(left, right)) {
      distinct.putIfAbsent(side.sha256(), bare(side));
      for (Checkpoint c : side.conflicts()) {
        distinct.putIfAbsent(c.sha256(), bare(c));
      }
    }
    if (distinct.size() == 1 && left.conflicts().isEmpty()) {
      return left;
    }
    List<Checkpoint> all = new ArrayList<>(distinct.values());
    all.sort(
        Comparator.comparingLong(Checkpoint::createdAt)
            .reversed()
            .thenComparing(Checkpoint::sha256));
    Checkpoint first = all.get(0);
    return new Checkpoint(
        first.owner(),
        first.version(),
        first.data(),
        first.sha256(),
        first.createdAt(),
        all.subList(1, all.size()));
  }

  private static Checkpoint bare(Checkpoint c) {
    return c.conflicts().isEmpty()
        ? c
        : new Checkpoint(c.owner(), c.version(), c.data(), c.sha256(), c.createdAt());
  }

  @Override
  public void writeData(ObjectDataOutput out) {
    // No state.
  }

  @Override
  public void readData(ObjectDataInput in) {
    // No state.
  }
}
