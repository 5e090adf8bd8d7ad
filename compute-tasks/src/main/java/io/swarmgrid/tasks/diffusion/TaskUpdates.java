package io.swarmgrid.tasks.diffusion;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The entry processors that change a {@link DiffusionTask} next to its entry. */
public final class TaskUpdates {
  private TaskUpdates() {}

  /** Marks a chunk agreed; returns the task afterwards (null if gone). */
  public static EntryProcessor<String, DiffusionTask, DiffusionTask> agreed(int chunk, long now) {
    return new Agreed(chunk, now);
  }

  /**
   * Ends a running task with {@code end} and {@code result}; returns whether this call ended it (a
   * task ends once).
   */
  public static EntryProcessor<String, DiffusionTask, Boolean> finish(
      DiffusionTaskState end, Serializable result, long now, String by, long ttlSeconds) {
    return new Finish(end, result, now, by, ttlSeconds);
  }

  /**
   * Marks a running task injected again if it made no progress for {@code stallMillis}; returns
   * whether this call did (so one member re-injects).
   */
  public static EntryProcessor<String, DiffusionTask, Boolean> reinject(
      long now, long stallMillis) {
    return new Reinject(now, stallMillis);
  }

  /**
   * Records that a node was reached with {@code energy}; returns whether that raised the node's
   * energy for the task (only then does the node pass the task on).
   */
  public static EntryProcessor<String, Visit, Boolean> visit(
      String taskId, String nodeId, double energy, long now, long ttlSeconds) {
    return new RecordVisit(taskId, nodeId, energy, now, ttlSeconds);
  }

  private static <V> void keepTtl(Map.Entry<String, V> entry, V value) {
    ((ExtendedMapEntry<String, V>) entry).setValueWithoutChangingExpiryTime(value);
  }

  private abstract static class Update<V, R>
      implements EntryProcessor<String, V, R>, IdentifiedDataSerializable {
    @Override
    public int getFactoryId() {
      return FactoryIds.DIFFUSION;
    }
  }

  static final class Agreed extends Update<DiffusionTask, DiffusionTask> {
    private int chunk;
    private long now;

    Agreed() {}

    Agreed(int chunk, long now) {
      this.chunk = chunk;
      this.now = now;
    }

    @Override
    public int getClassId() {
      return DiffusionFactory.AGREED;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeInt(chunk);
      out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      chunk = in.readInt();
      now = in.readLong();
    }

    @Override
    public DiffusionTask process(Map.Entry<String, DiffusionTask> entry) {
      DiffusionTask t = entry.getValue();
      if (t == null || t.agreed().get(chunk)) {
        return t;
      }
      DiffusionTask changed = t.withAgreed(chunk, now);
      keepTtl(entry, changed);
      return changed;
    }
  }

  static final class Finish extends Update<DiffusionTask, Boolean> {
    private DiffusionTaskState end;
    private Serializable result;
    private long now;
    private String by;
    private long ttlSeconds;

    Finish() {}

    Finish(DiffusionTaskState end, Serializable result, long now, String by, long ttlSeconds) {
      this.end = end;
      this.result = result;
      this.now = now;
      this.by = by;
      this.ttlSeconds = ttlSeconds;
    }

    @Override
    public int getClassId() {
      return DiffusionFactory.FINISH;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(end.name());
      out.writeObject(result);
      out.writeLong(now);
      out.writeString(by);
      out.writeLong(ttlSeconds);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      end = DiffusionTaskState.valueOf(in.readString());
      result = in.readObject();
      now = in.readLong();
      by = in.readString();
      ttlSeconds = in.readLong();
    }

    @Override
    public Boolean process(Map.Entry<String, DiffusionTask> entry) {
      DiffusionTask t = entry.getValue();
      if (t == null || t.state() != DiffusionTaskState.RUNNING) {
        return false;
      }
      // A finished task stays readable for the finished-task TTL, then expires.
      ((ExtendedMapEntry<String, DiffusionTask>) entry)
          .setValue(t.finished(end, result, now, by), ttlSeconds, TimeUnit.SECONDS);
      return true;
    }
  }

  static final class Reinject extends Update<DiffusionTask, Boolean> {
    private long now;
    private long stallMillis;

    Reinject() {}

    Reinject(long now, long stallMillis) {
      this.now = now;
      this.stallMillis = stallMillis;
    }

    @Override
    public int getClassId() {
      return DiffusionFactory.REINJECT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeLong(now);
      out.writeLong(stallMillis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      now = in.readLong();
      stallMillis = in.readLong();
    }

    @Override
    public Boolean process(Map.Entry<String, DiffusionTask> entry) {
      DiffusionTask t = entry.getValue();
      if (t == null
          || t.state() != DiffusionTaskState.RUNNING
          || now - t.lastProgressAt() < stallMillis) {
        return false;
      }
      keepTtl(entry, t.reinjected(now));
      return true;
    }
  }

  static final class RecordVisit extends Update<Visit, Boolean> {
    private Visit visit;
    private long ttlSeconds;

    RecordVisit() {}

    RecordVisit(String taskId, String nodeId, double energy, long now, long ttlSeconds) {
      this.visit = new Visit(taskId, nodeId, energy, now);
      this.ttlSeconds = ttlSeconds;
    }

    @Override
    public int getClassId() {
      return DiffusionFactory.RECORD_VISIT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeObject(visit);
      out.writeLong(ttlSeconds);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      visit = in.readObject();
      ttlSeconds = in.readLong();
    }

    @Override
    public Boolean process(Map.Entry<String, Visit> entry) {
      Visit v = entry.getValue();
      if (v != null && v.energy() >= visit.energy()) {
        return false;
      }
      if (v == null) {
        ((ExtendedMapEntry<String, Visit>) entry).setValue(visit, ttlSeconds, TimeUnit.SECONDS);
      } else {
        ((ExtendedMapEntry<String, Visit>) entry).setValueWithoutChangingExpiryTime(visit);
      }
      return true;
    }
  }
}
