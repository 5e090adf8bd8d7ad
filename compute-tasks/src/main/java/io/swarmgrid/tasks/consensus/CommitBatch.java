package io.swarmgrid.tasks.consensus;

import com.hazelcast.core.IFunction;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.CommitShard;
import io.swarmgrid.storage.consensus.CommitShard.Committed;
import io.swarmgrid.storage.consensus.DecisionEnd;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs inside the Raft state machine of a CP commit-log shard: adds each decision whose proposal
 * has none yet. Deterministic, so every CP member's copy of the shard stays the same. Travels as
 * {@link IdentifiedDataSerializable} (a fingerprint is a few fields; no Java serialization).
 */
public final class CommitBatch
    implements IFunction<CommitShard, CommitShard>, IdentifiedDataSerializable {
  private static final long serialVersionUID = 1L;

  private List<Committed> batch;
  private int capacity;

  /** For deserialization. */
  public CommitBatch() {}

  /** Commits {@code batch} into a shard that remembers {@code capacity} decisions. */
  public CommitBatch(List<Committed> batch, int capacity) {
    this.batch = List.copyOf(batch);
    this.capacity = capacity;
  }

  @Override
  public CommitShard apply(CommitShard shard) {
    return (shard == null ? CommitShard.EMPTY : shard).commit(batch, capacity);
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.COMMIT_BATCH;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(capacity);
    out.writeInt(batch.size());
    for (Committed c : batch) {
      out.writeString(c.proposalId());
      out.writeLong(c.decidedAt());
      out.writeInt(c.outcome());
      out.writeInt(c.end().ordinal());
      out.writeDouble(c.predicted());
      out.writeDouble(c.threshold());
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    capacity = in.readInt();
    int n = in.readInt();
    List<Committed> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(
          new Committed(
              in.readString(),
              in.readLong(),
              in.readInt(),
              DecisionEnd.values()[in.readInt()],
              in.readDouble(),
              in.readDouble()));
    }
    batch = List.copyOf(list);
  }
}
