package io.swarmgrid.tasks.consensus;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What one partition's run of a multi-key entry processor changed, for that partition's backup
 * only. Hazelcast shares one processor instance between the partitions of a {@code submitToKeys}
 * and asks it for a backup processor after each partition's keys; a map of every change made so far
 * (what the processors kept before) sent each backup the changes of the partitions run before it on
 * that member too: with groups of ~20 decisions, about ten decisions per backup where one was
 * needed. A partition's keys and its backup request run on one partition thread, one operation
 * after another, so the changes are kept per thread and handed over once.
 *
 * @param <V> what is recorded per key
 */
final class PartitionChanges<V> {
  /**
   * One per thread, shared by every processor (a thread-local per processor would keep the last
   * backup of each one alive in the thread's map long after the processor is gone): it belongs to
   * the processor whose partition this thread runs now.
   */
  private static final ThreadLocal<Run> RUN = new ThreadLocal<>();

  /** The run of one processor on one partition, on this thread. */
  private static final class Run {
    private final PartitionChanges<?> owner;
    private Map<String, Object> changes;
    private Object handedOver;

    Run(PartitionChanges<?> owner) {
      this.owner = owner;
    }
  }

  /**
   * This thread's run now, to {@link #restore} after running another processor inline from a
   * processor (an operation on another map's entry of the same partition, which Hazelcast runs on
   * this thread at once): that processor's run replaces this one, and the outer processor's backup
   * then found no run of its own and was not sent.
   */
  static Object current() {
    return RUN.get();
  }

  /** Puts back the run {@link #current} returned. */
  static void restore(Object run) {
    if (run == null) {
      RUN.remove();
    } else {
      RUN.set((Run) run);
    }
  }

  /** Called as each key is processed: a partition that changes nothing gets no backup. */
  void processing() {
    Run run = RUN.get();
    if (run == null || run.owner != this) {
      RUN.set(new Run(this));
    } else {
      run.handedOver = null;
    }
  }

  /** Records the change to {@code key} made by the partition run now on this thread. */
  void put(String key, V change) {
    Run run = RUN.get();
    if (run == null || run.owner != this) {
      run = new Run(this);
      RUN.set(run);
    }
    if (run.changes == null) {
      run.changes = new HashMap<>();
    }
    run.changes.put(key, change);
  }

  /**
   * The backup processor made by {@code backup} from this partition's changes, or null if it
   * changed nothing. Hazelcast asks twice per partition (whether to back up, then for the
   * operation): both get the same processor.
   */
  @SuppressWarnings("unchecked") // Only this instance's put and backup write its run.
  <B> B backup(Function<Map<String, V>, B> backup) {
    Run run = RUN.get();
    if (run == null || run.owner != this) {
      return null;
    }
    if (run.changes != null) {
      run.handedOver = backup.apply((Map<String, V>) (Map<String, ?>) run.changes);
      run.changes = null;
    }
    return (B) run.handedOver;
  }
}
