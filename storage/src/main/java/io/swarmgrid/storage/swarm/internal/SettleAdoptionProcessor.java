package io.swarmgrid.storage.swarm.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import java.io.IOException;
import java.util.Map;

/** Applies a committed decision on a particle swarm's open adoption proposal. */
public final class SettleAdoptionProcessor
    implements EntryProcessor<String, ParticleSwarmRecord, Boolean>, IdentifiedDataSerializable {
  private String proposalId;
  private boolean adopt;

  /** For deserialization. */
  public SettleAdoptionProcessor() {}

  /** Settles {@code proposalId}: adopted or closed. */
  public SettleAdoptionProcessor(String proposalId, boolean adopt) {
    this.proposalId = proposalId;
    this.adopt = adopt;
  }

  @Override
  public Boolean process(Map.Entry<String, ParticleSwarmRecord> entry) {
    ParticleSwarmRecord r = entry.getValue();
    if (r == null || r.adopted() || !r.proposalId().equals(proposalId)) {
      return false;
    }
    entry.setValue(r.settle(adopt));
    return true;
  }

  @Override
  public int getFactoryId() {
    return SwarmStorageSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmStorageSerializers.SETTLE_ADOPTION;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(proposalId);
    out.writeBoolean(adopt);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    proposalId = in.readString();
    adopt = in.readBoolean();
  }
}
