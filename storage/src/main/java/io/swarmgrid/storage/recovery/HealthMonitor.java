package io.swarmgrid.storage.recovery;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.breaker.BreakerState;
import io.swarmgrid.storage.breaker.BreakerStateStore;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.work.WorkStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Health of every registered node, read from the grid: heartbeat age ({@code swarm.nodes}), load
 * ({@code swarm.work}), reputation and quarantine ({@code swarm.reputation}) and breakers that are
 * not closed ({@code swarm.breakers}). Works on members and clients alike.
 */
public final class HealthMonitor {
  private final NodeRegistry nodes;
  private final WorkStore work;
  private final ReputationStore reputations;
  private final BreakerStateStore breakers;

  /** Reads the cluster {@code hz} belongs to; {@code work} supplies the loads. */
  public HealthMonitor(HazelcastInstance hz, WorkStore work) {
    this.nodes = new NodeRegistry(hz);
    this.work = work;
    this.reputations = new ReputationStore(hz);
    this.breakers = new BreakerStateStore(hz);
  }

  /** Every registered node's health at {@code now}, by node id. */
  public List<NodeHealth> health(long now) {
    List<NodeInfo> all = nodes.all();
    Map<String, Reputation> reps = reputations.getAll(all.stream().map(NodeInfo::nodeId).toList());
    Map<String, List<String>> notClosed = new HashMap<>();
    for (BreakerState b : breakers.all()) {
      if (!"CLOSED".equals(b.state())) {
        notClosed
            .computeIfAbsent(b.nodeId(), k -> new ArrayList<>())
            .add(b.name() + "=" + b.state());
      }
    }
    List<NodeHealth> result = new ArrayList<>();
    for (NodeInfo n : all) {
      Reputation r = reps.get(n.nodeId());
      result.add(
          new NodeHealth(
              n.nodeId(),
              n.status(),
              Math.max(0, now - n.lastSeen()),
              work.load(n.nodeId()),
              r.score(),
              r.quarantined(),
              notClosed.getOrDefault(n.nodeId(), List.of())));
    }
    return result;
  }
}
