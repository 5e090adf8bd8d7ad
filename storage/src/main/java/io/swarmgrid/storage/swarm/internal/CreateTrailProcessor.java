package io.swarmgrid.storage.swarm.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.swarm.PheromoneTrail;
import io.swarmgrid.storage.swarm.TrailLimits;
import io.swarmgrid.storage.swarm.TrailSpec;
import java.io.IOException;
import java.util.Map;

/**
 * Creates an empty trail, or keeps an existing one with the same spec; returns the spec in force
 * (the caller refuses a different one). A new trail whose key bound is over the {@link TrailLimits}
 * of the member holding it is refused there.
 */
public final class CreateTrailProcessor
    implements EntryProcessor<String, PheromoneTrail, PheromoneTrail>,
        IdentifiedDataSerializable,
        HazelcastInstanceAware {
  private TrailSpec spec;
  private transient HazelcastInstance member;

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
    int limit =
        member == null
            ? Integer.MAX_VALUE
            : SwarmServices.find(member, TrailLimits.class)
                .map(TrailLimits::maxKeys)
                .orElse(Integer.MAX_VALUE);
    if (spec.maxKeys() > limit) {
      throw new IllegalArgumentException(
          "maxKeys: "
              + spec.maxKeys()
              + " of pheromone trail '"
              + entry.getKey()
              + "' is over swarmgrid.swarm.pheromone-max-keys ("
              + limit
              + ") of the member holding it; not created");
    }
    PheromoneTrail created = PheromoneTrail.empty(entry.getKey(), spec);
    entry.setValue(created);
    return created;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance member) {
    this.member = member;
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
