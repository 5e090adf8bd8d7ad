package io.swarmgrid.tasks.diffusion;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
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
      TaskState end, Serializable result, long now, String by, long ttlSeconds) {
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

  private record Agreed(int chunk, long now)
      implements EntryProcessor<String, DiffusionTask, DiffusionTask> {
    private static final long serialVersionUID = 1L;

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

  private record Finish(TaskState end, Serializable result, long now, String by, long ttlSeconds)
      implements EntryProcessor<String, DiffusionTask, Boolean> {
    private static final long serialVersionUID = 1L;

    @Override
    public Boolean process(Map.Entry<String, DiffusionTask> entry) {
      DiffusionTask t = entry.getValue();
      if (t == null || t.state() != TaskState.RUNNING) {
        return false;
      }
      // A finished task stays readable for the finished-task TTL, then expires.
      ((ExtendedMapEntry<String, DiffusionTask>) entry)
          .setValue(t.finished(end, result, now, by), ttlSeconds, TimeUnit.SECONDS);
      return true;
    }
  }

  private record Reinject(long now, long stallMillis)
      implements EntryProcessor<String, DiffusionTask, Boolean> {
    private static final long serialVersionUID = 1L;

    @Override
    public Boolean process(Map.Entry<String, DiffusionTask> entry) {
      DiffusionTask t = entry.getValue();
      if (t == null || t.state() != TaskState.RUNNING || now - t.lastProgressAt() < stallMillis) {
        return false;
      }
      keepTtl(entry, t.reinjected(now));
      return true;
    }
  }

  private record RecordVisit(String taskId, String nodeId, double energy, long now, long ttlSeconds)
      implements EntryProcessor<String, Visit, Boolean> {
    private static final long serialVersionUID = 1L;

    @Override
    public Boolean process(Map.Entry<String, Visit> entry) {
      Visit v = entry.getValue();
      if (v != null && v.energy() >= energy) {
        return false;
      }
      Visit changed = new Visit(taskId, nodeId, energy, now);
      if (v == null) {
        ((ExtendedMapEntry<String, Visit>) entry).setValue(changed, ttlSeconds, TimeUnit.SECONDS);
      } else {
        ((ExtendedMapEntry<String, Visit>) entry).setValueWithoutChangingExpiryTime(changed);
      }
      return true;
    }
  }
}
