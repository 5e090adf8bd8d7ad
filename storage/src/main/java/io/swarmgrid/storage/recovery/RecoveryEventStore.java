package io.swarmgrid.storage.recovery;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Typed access to {@code swarm.recovery}: what recovery did after each lost node, newest first.
 * Holds at most {@code fault.max-recovery-events}; recording one more removes the oldest.
 */
public final class RecoveryEventStore {
  private final IMap<String, RecoveryEvent> events;
  private final int maxEvents;

  /**
   * The store of the cluster {@code hz} belongs to.
   *
   * @param maxEvents {@code fault.max-recovery-events}
   */
  public RecoveryEventStore(HazelcastInstance hz, int maxEvents) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents: " + maxEvents + " is not positive");
    }
    this.events = hz.getMap(SwarmMap.RECOVERY.mapName());
    this.maxEvents = maxEvents;
  }

  /** Records an event and removes the oldest ones beyond the bound. */
  public void record(RecoveryEvent event) {
    events.set(event.eventId(), event);
    int excess = events.size() - maxEvents;
    if (excess > 0) {
      // Ids sort by detection time: the smallest are the oldest.
      events.keySet().stream().sorted().limit(excess).forEach(events::delete);
    }
  }

  /** Every held event, newest first. */
  public List<RecoveryEvent> all() {
    List<RecoveryEvent> list = new ArrayList<>(events.values());
    list.sort(Comparator.comparing(RecoveryEvent::eventId).reversed());
    return list;
  }

  /** The events about one node, newest first. */
  public List<RecoveryEvent> of(String nodeId) {
    return all().stream().filter(e -> e.lostNode().equals(nodeId)).toList();
  }
}
