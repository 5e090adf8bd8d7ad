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
  private final ThreadLocal<Map<String, V>> current = new ThreadLocal<>();
  private final ThreadLocal<Object> handedOver = new ThreadLocal<>();

  /** Called as each key is processed: a partition that changes nothing gets no backup. */
  void processing() {
    handedOver.remove();
  }

  /** Records the change to {@code key} made by the partition run now on this thread. */
  void put(String key, V change) {
    Map<String, V> changes = current.get();
    if (changes == null) {
      changes = new HashMap<>();
      current.set(changes);
    }
    changes.put(key, change);
  }

  /**
   * The backup processor made by {@code backup} from this partition's changes, or null if it
   * changed nothing. Hazelcast asks twice per partition (whether to back up, then for the
   * operation): both get the same processor.
   */
  @SuppressWarnings("unchecked") // Only ever set from `backup`'s result below.
  <B> B backup(Function<Map<String, V>, B> backup) {
    Map<String, V> changes = current.get();
    if (changes != null) {
      current.remove();
      handedOver.set(backup.apply(changes));
    }
    return (B) handedOver.get();
  }
}
