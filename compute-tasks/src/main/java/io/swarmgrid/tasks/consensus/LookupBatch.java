package io.swarmgrid.tasks.consensus;

import com.hazelcast.core.IFunction;
import io.swarmgrid.storage.consensus.CommitShard;
import java.util.HashMap;
import java.util.List;

/**
 * Reads, inside the Raft state machine of a CP commit-log shard, what is committed for some
 * proposals.
 *
 * @param proposalIds the proposals
 */
public record LookupBatch(List<String> proposalIds)
    implements IFunction<CommitShard, HashMap<String, CommitShard.Committed>> {
  @Override
  public HashMap<String, CommitShard.Committed> apply(CommitShard shard) {
    return shard == null ? new HashMap<>() : shard.lookup(proposalIds);
  }
}
