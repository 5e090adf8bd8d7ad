package io.swarmgrid.storage.swarm.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.swarm.PheromoneTrail;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adds amounts to a trail's decayed intensities, on the trail's partition; returns live keys. */
public final class DepositProcessor
    implements EntryProcessor<String, PheromoneTrail, Integer>, IdentifiedDataSerializable {
  private String[] keys;
  private double[] amounts;
  private long now;

  /** For deserialization. */
  public DepositProcessor() {}

  /** Deposits {@code amounts} at {@code now}. */
  public DepositProcessor(Map<String, Double> amounts, long now) {
    this.keys = new String[amounts.size()];
    this.amounts = new double[amounts.size()];
    int i = 0;
    for (Map.Entry<String, Double> a : amounts.entrySet()) {
      keys[i] = a.getKey();
      this.amounts[i] = a.getValue() == null ? Double.NaN : a.getValue();
      i++;
    }
    this.now = now;
  }

  @Override
  public Integer process(Map.Entry<String, PheromoneTrail> entry) {
    PheromoneTrail trail = Trails.existing(entry);
    Map<String, Double> byKey = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      byKey.merge(keys[i], amounts[i], Double::sum);
    }
    PheromoneTrail next = trail.deposit(byKey, now);
    entry.setValue(next);
    return next.entries().size();
  }

  @Override
  public int getFactoryId() {
    return SwarmStorageSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmStorageSerializers.DEPOSIT;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeStringArray(keys);
    out.writeDoubleArray(amounts);
    out.writeLong(now);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    keys = in.readStringArray();
    amounts = in.readDoubleArray();
    now = in.readLong();
  }
}
