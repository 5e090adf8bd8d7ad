package io.swarmgrid.storage.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import java.io.IOException;
import java.util.Map;

/**
 * The entry processors of {@code swarm.inbox.bytes}: a sender reserves a message's payload bytes in
 * the recipient's count before queueing it, the receiver releases them once it took the message.
 */
public final class InboxBytesProcessors {
  static final int RESERVE = 230;
  static final int RELEASE = 231;

  private InboxBytesProcessors() {}

  /** Adds {@code bytes} unless the total would pass {@code bound}; whether it did. */
  public static final class Reserve
      implements EntryProcessor<String, Long, Boolean>, IdentifiedDataSerializable {
    private long bytes;
    private long bound;

    /** For deserialization only. */
    public Reserve() {}

    /** The processor with its arguments. */
    public Reserve(long bytes, long bound) {
      this.bytes = bytes;
      this.bound = bound;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.STORAGE;
    }

    @Override
    public int getClassId() {
      return RESERVE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeLong(bytes);
      out.writeLong(bound);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      bytes = in.readLong();
      bound = in.readLong();
    }

    @Override
    public Boolean process(Map.Entry<String, Long> entry) {
      long held = entry.getValue() == null ? 0 : entry.getValue();
      if (held + bytes > bound) {
        return false;
      }
      entry.setValue(held + bytes);
      return true;
    }
  }

  /** Takes {@code bytes} off the count, not below zero (a reset may have cleared it meanwhile). */
  public static final class Release
      implements EntryProcessor<String, Long, Void>, IdentifiedDataSerializable {
    private long bytes;

    /** For deserialization only. */
    public Release() {}

    /** The processor with its argument. */
    public Release(long bytes) {
      this.bytes = bytes;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.STORAGE;
    }

    @Override
    public int getClassId() {
      return RELEASE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeLong(bytes);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      bytes = in.readLong();
    }

    @Override
    public Void process(Map.Entry<String, Long> entry) {
      Long held = entry.getValue();
      if (held == null) {
        return null;
      }
      long left = held - bytes;
      if (left > 0) {
        entry.setValue(left);
      } else {
        entry.setValue(null);
      }
      return null;
    }
  }
}
