package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.runtime.MapCopy;
import io.swarmgrid.tasks.consensus.ElectorateView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * This member's copy of {@code swarm.nodes} and {@code swarm.reputation} for proposals made on the
 * partition thread: two {@link MapCopy}s, fed by entry events and read whole every few seconds so
 * that a missed event heals. A quarantine reaches it within an event's delivery; a node it does not
 * know yet sends the proposal the slow way, never refused.
 */
public final class ElectorateSnapshot implements ElectorateView {
  // A missed event is rare (a member joining or migrating); this bounds how long it shows.
  private static final Duration RELOAD_EVERY = Duration.ofSeconds(5);

  private final MapCopy<String, NodeInfo> nodeCopy;
  private final MapCopy<String, Reputation> reputationCopy;

  /** Starts following {@code hz}'s maps and loads them. */
  public ElectorateSnapshot(HazelcastInstance hz) {
    this.nodeCopy =
        MapCopy.follow(hz, SwarmMap.NODES.mapName(), RELOAD_EVERY, "consensus.electorate.nodes");
    this.reputationCopy =
        MapCopy.follow(
            hz, SwarmMap.REPUTATION.mapName(), RELOAD_EVERY, "consensus.electorate.reputations");
  }

  /** Stops following. */
  public void close() {
    nodeCopy.close();
    reputationCopy.close();
  }

  @Override
  public Optional<NodeInfo> node(String nodeId) {
    return nodeId == null ? Optional.empty() : Optional.ofNullable(nodeCopy.get(nodeId));
  }

  @Override
  public List<NodeInfo> active() {
    List<NodeInfo> list = new ArrayList<>();
    for (NodeInfo n : nodeCopy.values()) {
      if (n.active()) {
        list.add(n);
      }
    }
    list.sort(Comparator.comparing(NodeInfo::nodeId));
    return list;
  }

  @Override
  public double voteWeight(String nodeId) {
    Reputation r = reputationCopy.get(nodeId);
    return (r == null ? Reputation.neutral(nodeId) : r).voteWeight();
  }
}
