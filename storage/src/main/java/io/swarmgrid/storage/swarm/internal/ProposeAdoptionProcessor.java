package io.swarmgrid.storage.swarm.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import java.io.IOException;
import java.util.Map;

/** Opens an adoption proposal on a particle swarm unless one is open or the best was adopted. */
public final class ProposeAdoptionProcessor
    implements EntryProcessor<String, ParticleSwarmRecord, Boolean>, IdentifiedDataSerializable {
  private String proposalId;
  private long tick;

  /** For deserialization. */
  public ProposeAdoptionProcessor() {}

  /** Opens {@code proposalId} in {@code tick}. */
  public ProposeAdoptionProcessor(String proposalId, long tick) {
    this.proposalId = proposalId;
    this.tick = tick;
  }

  @Override
  public Boolean process(Map.Entry<String, ParticleSwarmRecord> entry) {
    ParticleSwarmRecord r = entry.getValue();
    if (r == null || r.adopted() || !r.proposalId().isEmpty()) {
      return false;
    }
    entry.setValue(r.propose(proposalId, tick));
    return true;
  }

  @Override
  public int getFactoryId() {
    return SwarmStorageSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmStorageSerializers.PROPOSE_ADOPTION;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(proposalId);
    out.writeLong(tick);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    proposalId = in.readString();
    tick = in.readLong();
  }
}
