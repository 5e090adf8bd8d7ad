package io.swarmgrid.storage.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * Split-brain merge of an inbox queue that keeps both sides' messages. Hazelcast's default for
 * queues (put-if-absent) keeps the target's items only when it has any, so messages queued on the
 * merging side during the split were dropped (issue 13). The union is taken over the serialized
 * items, so a message that was queued before the split, and is on both sides, is kept once; the
 * priority queue orders the result again as it is offered.
 */
public final class InboxUnionMergePolicy
    implements SplitBrainMergePolicy<
        Collection<Object>, MergingValue<Collection<Object>>, Collection<Object>> {

  /** For Hazelcast, which creates the policy from its class name. */
  public InboxUnionMergePolicy() {}

  @Override
  public Collection<Object> merge(
      MergingValue<Collection<Object>> merging, MergingValue<Collection<Object>> existing) {
    LinkedHashSet<Object> union = new LinkedHashSet<>();
    if (existing != null) {
      union.addAll(items(existing));
    }
    if (merging != null) {
      union.addAll(items(merging));
    }
    return new ArrayList<>(union);
  }

  @SuppressWarnings("unchecked")
  private static Collection<Object> items(MergingValue<Collection<Object>> value) {
    Object raw = value.getRawValue();
    return raw == null ? java.util.List.of() : (Collection<Object>) raw;
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
