package io.swarmgrid.storage.swarm;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.storage.SwarmMap;
import java.util.Comparator;
import java.util.List;

/** Detected patterns in {@code swarm.patterns}, bounded like every size-bounded map. */
public final class PatternLog {
  private final IMap<String, PatternEvent> map;

  /** The log of the grid {@code hz} belongs to. */
  public PatternLog(HazelcastInstance hz) {
    this.map = hz.getMap(SwarmMap.PATTERNS.mapName());
  }

  /** Records an event (an event with the same id is replaced). */
  public void record(PatternEvent event) {
    map.set(event.patternId(), event);
  }

  /** The events of one swarm, oldest first. */
  public List<PatternEvent> of(String swarm) {
    return map.values(Predicates.equal("swarm", swarm)).stream()
        .sorted(Comparator.comparingLong(PatternEvent::tick).thenComparing(PatternEvent::patternId))
        .toList();
  }
}
