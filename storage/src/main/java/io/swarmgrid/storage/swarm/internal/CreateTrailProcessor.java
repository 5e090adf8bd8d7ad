package io.swarmgrid.storage.swarm.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.swarm.PheromoneTrail;
import io.swarmgrid.storage.swarm.TrailSpec;
import java.io.IOException;
import java.util.Map;

/**
 * Creates an empty trail, or keeps an existing one with the same spec; returns the spec in force
 * (the caller refuses a different one).
 */
public final class CreateTrailProcessor
    implements EntryProcessor<String, PheromoneTrail, PheromoneTrail>, IdentifiedDataSerializable {
  private TrailSpec spec;

  /** For deserialization. */
  public CreateTrailProcessor() {}

  /** Creates a trail with {@code spec}. */
  public CreateTrailProcessor(TrailSpec spec) {
    this.spec = spec;
  }

  @Override
  public PheromoneTrail process(Map.Entry<String, PheromoneTrail> entry) {
    PheromoneTrail existing = entry.getValue();
    if (existing != null) {
      return PheromoneTrail.empty(existing.name(), existing.spec());
    }
    PheromoneTrail created = PheromoneTrail.empty(entry.getKey(), spec);
    entry.setValue(created);
    return created;
  }

  @Override
  public int getFactoryId() {
    return SwarmStorageSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmStorageSerializers.CREATE;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeDouble(spec.evaporation());
    out.writeDouble(spec.floor());
    out.writeDouble(spec.min());
    out.writeDouble(spec.max());
    out.writeInt(spec.maxKeys());
    out.writeLong(spec.timeUnitMillis());
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    spec =
        new TrailSpec(
            in.readDouble(),
            in.readDouble(),
            in.readDouble(),
            in.readDouble(),
            in.readInt(),
            in.readLong());
  }
}
