package io.swarmgrid.plugin.learning.internal;

import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The virtual participants this member hosts: one per training shard it trains, with a key pair of
 * its own registered in the node registry, so that each shard's update is signed, can be accused
 * and quarantined on its own. A shard that migrates to another member is trained there by a new
 * participant of that member. Keys live in this member's memory only.
 */
final class Participants {
  /** The engine name virtual participants carry in the registry. */
  static final String ROLE = "learning-participant";

  private final SwarmNode node;
  private final NodeRegistry registry;
  private final Map<Integer, NodeKeys> keys = new ConcurrentHashMap<>();

  Participants(SwarmNode node, NodeRegistry registry) {
    this.node = node;
    this.registry = registry;
  }

  /** The participant id of {@code shard} on this member. */
  String idOf(int shard) {
    return node.nodeId() + ".p" + shard;
  }

  /** The key of the participant of {@code shard}, registered on first use. */
  NodeKeys keys(int shard) {
    return keys.computeIfAbsent(shard, this::register);
  }

  private NodeKeys register(int shard) {
    NodeInfo self =
        registry
            .get(node.nodeId())
            .orElseThrow(
                () -> new IllegalStateException("node " + node.nodeId() + " is not registered"));
    NodeKeys k = NodeKeys.generate();
    long now = System.currentTimeMillis();
    registry.register(
        new NodeInfo(
            idOf(shard),
            self.region(),
            self.tier(),
            List.of(),
            self.capacity(),
            k.publicKey(),
            NodeStatus.ACTIVE,
            self.memberUuid(),
            self.address(),
            List.of(ROLE),
            self.version(),
            now,
            now));
    return k;
  }
}
