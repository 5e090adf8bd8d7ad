package io.swarmgrid.tasks.consensus;

import com.hazelcast.core.IFunction;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.CommitShard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads, inside the Raft state machine of a CP commit-log shard, what is committed for some
 * proposals: the part of the shard that holds them (a Compact {@link CommitShard}).
 */
public final class LookupBatch
    implements IFunction<CommitShard, CommitShard>, IdentifiedDataSerializable {
  private static final long serialVersionUID = 1L;

  private List<String> proposalIds;

  /** For deserialization. */
  public LookupBatch() {}

  /** Looks up {@code proposalIds}. */
  public LookupBatch(List<String> proposalIds) {
    this.proposalIds = List.copyOf(proposalIds);
  }

  @Override
  public CommitShard apply(CommitShard shard) {
    return (shard == null ? CommitShard.EMPTY : shard).only(proposalIds);
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.LOOKUP_BATCH;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(proposalIds.size());
    for (String id : proposalIds) {
      out.writeString(id);
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    int n = in.readInt();
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(in.readString());
    }
    proposalIds = List.copyOf(ids);
  }
}
