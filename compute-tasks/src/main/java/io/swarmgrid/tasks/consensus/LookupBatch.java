package io.swarmgrid.tasks.consensus;

import com.hazelcast.core.IFunction;
import io.swarmgrid.storage.consensus.CommitShard;
import io.swarmgrid.storage.consensus.Decision;
import java.util.HashMap;
import java.util.List;

/**
 * Reads, inside the Raft state machine of a CP commit-log shard, the committed decisions of some
 * proposals.
 *
 * @param proposalIds the proposals
 */
public record LookupBatch(List<String> proposalIds) implements IFunction<CommitShard, HashMap<String, Decision>> {
  @Override
  public HashMap<String, Decision> apply(CommitShard shard) {
    return shard == null ? new HashMap<>() : new HashMap<>(shard.lookup(proposalIds));
  }
}
