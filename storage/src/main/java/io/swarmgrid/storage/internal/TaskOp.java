package io.swarmgrid.storage.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskKey;
import io.swarmgrid.storage.balance.TaskTransitions;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every task processor shares: it writes the new task through {@link #write}, which tells the
 * member's {@code TaskTransitions} (on the owner only) and keeps the value for the backup, so the
 * backup stores what the owner decided instead of running the transition again.
 */
abstract class TaskOp implements IdentifiedDataSerializable, HazelcastInstanceAware {
  static final int WRITTEN = 14;

  private transient HazelcastInstance hz;
  private transient Task written;
  private transient int writtenTtl;

  @Override
  public int getFactoryId() {
    return FactoryIds.STORAGE;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  /** Stores {@code after} (expiring after {@code ttlSeconds} if positive) in place of the entry. */
  void write(Map.Entry<TaskKey, Task> entry, Task after, int ttlSeconds) {
    Task before = entry.getValue();
    put(entry, after, ttlSeconds);
    written = after;
    writtenTtl = ttlSeconds;
    if (hz != null
        && (before == null
            || before.state() != after.state()
            || !before.node().equals(after.node()))) {
      tell(before, after);
    }
  }

  private void tell(Task before, Task after) {
    try {
      SwarmServices.find(hz, TaskTransitions.class).ifPresent(t -> t.changed(before, after));
    } catch (RuntimeException e) {
      // The change is stored; what follows it (freeing the node's pool) is the sweep's to redo.
      BackgroundFailures.report("balance.transition", e);
    }
  }

  /** The backup of a change: the value written; none when nothing changed. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  <R> EntryProcessor<TaskKey, Task, R> backup() {
    return written == null ? null : (EntryProcessor) new Written(written, writtenTtl);
  }

  static void put(Map.Entry<TaskKey, Task> entry, Task value, int ttlSeconds) {
    if (ttlSeconds > 0 && entry instanceof ExtendedMapEntry<TaskKey, Task> ext) {
      ext.setValue(value, ttlSeconds, TimeUnit.SECONDS);
    } else {
      entry.setValue(value);
    }
  }

  /** Stores on the backup the task its owner wrote. */
  public static final class Written
      implements EntryProcessor<TaskKey, Task, Object>, IdentifiedDataSerializable {
    private Task value;
    private int ttl;

    /** For deserialization only. */
    public Written() {}

    Written(Task value, int ttl) {
      this.value = value;
      this.ttl = ttl;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.STORAGE;
    }

    @Override
    public int getClassId() {
      return WRITTEN;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeObject(value);
      out.writeInt(ttl);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      value = in.readObject();
      ttl = in.readInt();
    }

    @Override
    public Object process(Map.Entry<TaskKey, Task> entry) {
      put(entry, value, ttl);
      return null;
    }

    @Override
    public EntryProcessor<TaskKey, Task, Object> getBackupProcessor() {
      return null;
    }
  }
}
