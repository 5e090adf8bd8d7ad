package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.EntryEventType;
import com.hazelcast.map.EventJournalMapEvent;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.plugin.region.RegionJobFactory;
import io.swarmgrid.storage.FactoryIds;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * A change read from a map: a put (value) or a removal (value null), and when the job read it
 * ({@code readAt}, epoch millis; 0 when not read from the journal), which splits a link's lag into
 * the journal's part and the stamping's. {@code IdentifiedDataSerializable} (factory {@link
 * FactoryIds#REGION_JOB}): the stamping stage is keyed, so a change can travel to the member that
 * owns its key, and every change of the stream makes that trip.
 */
public final class Change implements IdentifiedDataSerializable {
  private Object key;
  private Object value;
  private boolean removed;
  private long readAt;

  /** For deserialization only ({@link RegionJobFactory}). */
  public Change() {}

  Change(Object key, Object value, boolean removed, long readAt) {
    this.key = key;
    this.value = value;
    this.removed = removed;
    this.readAt = readAt;
  }

  static Change of(EventJournalMapEvent<Object, Object> e) {
    boolean removed = e.getType() == EntryEventType.REMOVED;
    return new Change(
        e.getKey(), removed ? null : e.getNewValue(), removed, System.currentTimeMillis());
  }

  static Change of(Map.Entry<Object, Object> e) {
    return new Change(e.getKey(), e.getValue(), false, 0);
  }

  /**
   * Puts, updates, merges and removals replicate; evictions and expiries are local memory matters.
   */
  static boolean replicable(EventJournalMapEvent<Object, Object> e) {
    return switch (e.getType()) {
      case ADDED, UPDATED, MERGED, REMOVED -> true;
      default -> false;
    };
  }

  Object key() {
    return key;
  }

  Object value() {
    return value;
  }

  boolean removed() {
    return removed;
  }

  long readAt() {
    return readAt;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.REGION_JOB;
  }

  @Override
  public int getClassId() {
    return RegionJobFactory.CHANGE;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeObject(key);
    out.writeObject(value);
    out.writeBoolean(removed);
    out.writeLong(readAt);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    key = in.readObject();
    value = in.readObject();
    removed = in.readBoolean();
    readAt = in.readLong();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Change c
        && removed == c.removed
        && readAt == c.readAt
        && Objects.equals(key, c.key)
        && Objects.equals(value, c.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, value, removed, readAt);
  }

  @Override
  public String toString() {
    return "Change[key=" + key + ", removed=" + removed + ", readAt=" + readAt + "]";
  }
}
