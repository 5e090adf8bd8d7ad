package io.swarmgrid.tasks.consensus;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keeps existing entries only {@code ttlSeconds} more (a committed proposal's record: it was
 * written to live until its deadline plus the decision's TTL). Its own backup processor.
 *
 * @param <V> the map's value type
 */
public final class KeepFor<V>
    implements EntryProcessor<String, V, Object>, IdentifiedDataSerializable {
  private static final long serialVersionUID = 1L;

  private long ttlSeconds;

  /** For deserialization. */
  public KeepFor() {}

  /** Keeps entries {@code ttlSeconds} (at least 1) from now. */
  public KeepFor(long ttlSeconds) {
    if (ttlSeconds < 1) {
      throw new IllegalArgumentException("ttlSeconds: " + ttlSeconds + " is not at least 1");
    }
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public Object process(Map.Entry<String, V> entry) {
    V value = entry.getValue();
    if (value != null && entry instanceof ExtendedMapEntry<String, V> extended) {
      extended.setValue(value, ttlSeconds, TimeUnit.SECONDS);
    }
    return null;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.KEEP_FOR;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeLong(ttlSeconds);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    ttlSeconds = in.readLong();
  }
}
