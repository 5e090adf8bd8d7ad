package io.swarmgrid.storage.breaker;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Typed access to {@code swarm.breakers}: which circuit breakers are open where. */
public final class BreakerStateStore {
  private final IMap<String, BreakerState> states;

  /** The store of the cluster {@code hz} belongs to. */
  public BreakerStateStore(HazelcastInstance hz) {
    this.states = hz.getMap(SwarmMap.BREAKERS.mapName());
  }

  /** Publishes a breaker's state. */
  public void publish(BreakerState state) {
    states.set(state.key(), state);
  }

  /** One node's breaker, if it has published a state. */
  public Optional<BreakerState> get(String nodeId, String name) {
    return Optional.ofNullable(states.get(BreakerState.key(nodeId, name)));
  }

  /** Every published breaker state, by node and name. */
  public List<BreakerState> all() {
    return states.values().stream()
        .sorted(Comparator.comparing(BreakerState::nodeId).thenComparing(BreakerState::name))
        .toList();
  }

  /** The breakers that are open now. */
  public List<BreakerState> open() {
    return all().stream().filter(BreakerState::open).toList();
  }

  /** Removes a node's breakers (when the node leaves). */
  public void removeNode(String nodeId) {
    states.keySet().stream().filter(k -> k.startsWith(nodeId + "/")).forEach(states::delete);
  }
}
