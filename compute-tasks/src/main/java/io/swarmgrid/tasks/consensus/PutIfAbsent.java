package io.swarmgrid.tasks.consensus;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sets a value if the key has none, with a TTL ({@code <= 0}: none); returns whether it set it. An
 * entry processor, so that it can be submitted asynchronously ({@code IMap} has no asynchronous
 * put-if-absent). Deterministic, so it also serves as its own backup processor.
 *
 * @param value the value
 * @param ttlSeconds time to live
 * @param <V> value type
 */
public record PutIfAbsent<V>(V value, long ttlSeconds)
    implements EntryProcessor<String, V, Boolean> {
  @Override
  public Boolean process(Map.Entry<String, V> entry) {
    if (entry.getValue() != null) {
      return false;
    }
    if (ttlSeconds > 0 && entry instanceof ExtendedMapEntry<String, V> extended) {
      extended.setValue(value, ttlSeconds, TimeUnit.SECONDS);
    } else {
      entry.setValue(value);
    }
    return true;
  }
}
