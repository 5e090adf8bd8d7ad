package io.swarmgrid.storage.node;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.internal.StoreProcessors.Heartbeat;
import io.swarmgrid.storage.internal.StoreProcessors.MarkGone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed access to the node registry, {@code swarm.nodes}. Works on members and clients alike. */
public final class NodeRegistry {
  private final IMap<String, NodeInfo> nodes;

  /** The registry of the cluster {@code hz} belongs to. */
  public NodeRegistry(HazelcastInstance hz) {
    this.nodes = hz.getMap(SwarmMap.NODES.mapName());
  }

  /** Adds or replaces a node. */
  public void register(NodeInfo node) {
    nodes.set(node.nodeId(), node);
  }

  /**
   * Refreshes the "last seen" time of an active node, next to its entry.
   *
   * @return whether the node was registered and active
   */
  public boolean heartbeat(String nodeId, long when) {
    return Boolean.TRUE.equals(nodes.executeOnKey(nodeId, new Heartbeat(null, when)));
  }

  /**
   * Refreshes the "last seen" time of a node registered active on member {@code memberUuid}.
   *
   * @return whether the node was registered, active, on that member; {@code false} tells a member
   *     that merged back after a partition (and got a new UUID) to register its node again
   */
  public boolean heartbeat(String nodeId, String memberUuid, long when) {
    return Boolean.TRUE.equals(
        nodes.executeOnKey(
            nodeId, new Heartbeat(java.util.Objects.requireNonNull(memberUuid), when)));
  }

  /**
   * Marks a node gone; the entry expires {@code ttlSeconds} later.
   *
   * @return whether the node was registered
   */
  public boolean markGone(String nodeId, long when, int ttlSeconds) {
    return Boolean.TRUE.equals(
        nodes.executeOnKey(nodeId, new MarkGone(null, -1, when, ttlSeconds)));
  }

  /**
   * Marks a node gone only if its record is still the registration {@code seen} (same member and
   * registration time), next to the entry: a node that registered again meanwhile (a restarted
   * member, same node id) keeps its fresh record. The entry expires {@code ttlSeconds} later.
   *
   * @return whether it was marked gone
   */
  public boolean markGoneIf(NodeInfo seen, long when, int ttlSeconds) {
    return Boolean.TRUE.equals(
        nodes.executeOnKey(
            seen.nodeId(), new MarkGone(seen.memberUuid(), seen.registeredAt(), when, ttlSeconds)));
  }

  /** The node, if registered. */
  public Optional<NodeInfo> get(String nodeId) {
    return Optional.ofNullable(nodes.get(nodeId));
  }

  /** The registered nodes among {@code nodeIds}, in one call. */
  public Map<String, NodeInfo> getAll(java.util.Collection<String> nodeIds) {
    return nodes.getAll(new java.util.HashSet<>(nodeIds));
  }

  /** Every registered node, active or gone, by id. */
  public List<NodeInfo> all() {
    List<NodeInfo> list = new ArrayList<>(nodes.values());
    list.sort(Comparator.comparing(NodeInfo::nodeId));
    return list;
  }

  /** The active nodes, by id. */
  public List<NodeInfo> active() {
    return all().stream().filter(NodeInfo::active).toList();
  }

  /** The nodes whose member has the given UUID (a member runs one node, except in tests). */
  public List<NodeInfo> ofMember(String memberUuid) {
    return all().stream().filter(n -> n.memberUuid().equals(memberUuid)).toList();
  }
}
