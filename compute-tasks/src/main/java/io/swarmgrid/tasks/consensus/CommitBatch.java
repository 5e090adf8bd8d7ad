package io.swarmgrid.tasks.consensus;

import com.hazelcast.core.IFunction;
import io.swarmgrid.storage.consensus.CommitShard;
import java.util.List;

/**
 * Runs inside the Raft state machine of a CP commit-log shard: adds each decision whose proposal
 * has none yet. Deterministic, so every CP member's copy of the shard stays the same.
 *
 * @param batch fingerprints of the decisions to commit
 * @param capacity decisions the shard remembers
 */
public record CommitBatch(List<CommitShard.Committed> batch, int capacity)
    implements IFunction<CommitShard, CommitShard> {
  @Override
  public CommitShard apply(CommitShard shard) {
    return (shard == null ? CommitShard.EMPTY : shard).commit(batch, capacity);
  }
}
