package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.EntryEventType;
import com.hazelcast.map.EventJournalMapEvent;
import java.io.Serializable;
import java.util.Map;

/**
 * A change read from a map: a put (value) or a removal (value null), and when the job read it
 * ({@code readAt}, epoch millis; 0 when not read from the journal), which splits a link's lag into
 * the journal's part and the stamping's. Serializable: the stamping stage is keyed, so a change can
 * travel to the member that owns its key.
 */
record Change(Object key, Object value, boolean removed, long readAt) implements Serializable {
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
}
