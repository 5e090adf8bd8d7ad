package io.swarmgrid.storage.swarm.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.swarm.PheromoneTrail;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/** Replaces a trail's keys with the given ones at one intensity (re-initialisation). */
public final class FillProcessor
    implements EntryProcessor<String, PheromoneTrail, Integer>, IdentifiedDataSerializable {
  private String[] keys;
  private double value;
  private long now;

  /** For deserialization. */
  public FillProcessor() {}

  /** Fills {@code keys} with {@code value} at {@code now}. */
  public FillProcessor(String[] keys, double value, long now) {
    this.keys = keys;
    this.value = value;
    this.now = now;
  }

  @Override
  public Integer process(Map.Entry<String, PheromoneTrail> entry) {
    PheromoneTrail next = Trails.existing(entry).fill(Arrays.asList(keys), value, now);
    entry.setValue(next);
    return next.entries().size();
  }

  @Override
  public int getFactoryId() {
    return SwarmStorageSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmStorageSerializers.FILL;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeStringArray(keys);
    out.writeDouble(value);
    out.writeLong(now);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    keys = in.readStringArray();
    value = in.readDouble();
    now = in.readLong();
  }
}
