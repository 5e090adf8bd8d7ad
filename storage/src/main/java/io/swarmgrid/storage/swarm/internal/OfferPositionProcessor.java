package io.swarmgrid.storage.swarm.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import java.io.IOException;
import java.util.Map;

/** Adds a member's evaluations of one tick to a particle swarm and offers their best position. */
public final class OfferPositionProcessor
    implements EntryProcessor<String, ParticleSwarmRecord, ParticleSwarmRecord>,
        IdentifiedDataSerializable {
  private double[] position;
  private double value;
  private long spent;
  private long tick;

  /** For deserialization. */
  public OfferPositionProcessor() {}

  /** Offers {@code value} at {@code position} after {@code spent} evaluations in {@code tick}. */
  public OfferPositionProcessor(double[] position, double value, long spent, long tick) {
    this.position = position.clone();
    this.value = value;
    this.spent = spent;
    this.tick = tick;
  }

  @Override
  public ParticleSwarmRecord process(Map.Entry<String, ParticleSwarmRecord> entry) {
    ParticleSwarmRecord r = entry.getValue();
    if (r == null) {
      return null;
    }
    r = r.offer(position, value, spent, tick);
    entry.setValue(r);
    return r;
  }

  @Override
  public int getFactoryId() {
    return SwarmStorageSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmStorageSerializers.OFFER_POSITION;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeDoubleArray(position);
    out.writeDouble(value);
    out.writeLong(spent);
    out.writeLong(tick);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    position = in.readDoubleArray();
    value = in.readDouble();
    spent = in.readLong();
    tick = in.readLong();
  }
}
