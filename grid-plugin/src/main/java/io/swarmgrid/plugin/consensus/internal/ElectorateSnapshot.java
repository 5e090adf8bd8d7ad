package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.tasks.consensus.ElectorateView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This member's copy of {@code swarm.nodes} and {@code swarm.reputation} for proposals made on the
 * partition thread: fed by entry events, and reloaded whole by {@link #reload} (the engine calls it
 * every few seconds) so that a missed event heals. A quarantine reaches it within an event's
 * delivery; a node it does not know yet sends the proposal the slow way, never refused.
 */
public final class ElectorateSnapshot implements ElectorateView {
  private final IMap<String, NodeInfo> nodes;
  private final IMap<String, Reputation> reputations;
  private final Map<String, NodeInfo> nodeCopy = new ConcurrentHashMap<>();
  private final Map<String, Reputation> reputationCopy = new ConcurrentHashMap<>();
  private final UUID nodeListener;
  private final UUID reputationListener;

  /** Starts listening on {@code hz}'s maps and loads them. */
  public ElectorateSnapshot(HazelcastInstance hz) {
    this.nodes = hz.getMap(SwarmMap.NODES.mapName());
    this.reputations = hz.getMap(SwarmMap.REPUTATION.mapName());
    this.nodeListener = nodes.addEntryListener(new Copier<>(nodeCopy), true);
    this.reputationListener = reputations.addEntryListener(new Copier<>(reputationCopy), true);
    reload();
  }

  /** Reads both maps again whole (heals events missed while a member joined or migrated). */
  public void reload() {
    Map<String, NodeInfo> n = Map.copyOf(nodes);
    nodeCopy.putAll(n);
    nodeCopy.keySet().retainAll(n.keySet());
    Map<String, Reputation> r = Map.copyOf(reputations);
    reputationCopy.putAll(r);
    reputationCopy.keySet().retainAll(r.keySet());
  }

  /** Stops listening. */
  public void close() {
    nodes.removeEntryListener(nodeListener);
    reputations.removeEntryListener(reputationListener);
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

  /** Keeps one map's copy in step with its events. */
  private record Copier<V>(Map<String, V> copy)
      implements EntryAddedListener<String, V>,
          EntryUpdatedListener<String, V>,
          EntryRemovedListener<String, V>,
          EntryExpiredListener<String, V>,
          EntryEvictedListener<String, V> {
    @Override
    public void entryAdded(EntryEvent<String, V> e) {
      copy.put(e.getKey(), e.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, V> e) {
      copy.put(e.getKey(), e.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<String, V> e) {
      copy.remove(e.getKey());
    }

    @Override
    public void entryExpired(EntryEvent<String, V> e) {
      copy.remove(e.getKey());
    }

    @Override
    public void entryEvicted(EntryEvent<String, V> e) {
      copy.remove(e.getKey());
    }
  }
}
