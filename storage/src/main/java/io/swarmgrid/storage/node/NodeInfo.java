package io.swarmgrid.storage.node;

import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.identity.NodeKeys;
import java.util.List;
import java.util.Objects;

/**
 * A node of the swarm as the registry ({@code swarm.nodes}) holds it. Compact type name {@code
 * swarmgrid.NodeInfo}.
 *
 * @param nodeId unique id
 * @param region the node's region
 * @param tier edge, edge-server or cloud
 * @param capabilities named capabilities
 * @param capacity resources offered (resolved: no zeros meaning "detect")
 * @param publicKey raw 32-byte Ed25519 public key; the private key stays on the node
 * @param status active or gone
 * @param memberUuid UUID of the Hazelcast member the node runs in, or empty for client-side nodes
 * @param address host:port of that member, or empty
 * @param engines names of the engines running on the node
 * @param version SwarmGrid version of the node
 * @param registeredAt epoch millis of registration
 * @param lastSeen epoch millis of the last heartbeat (or of leaving, once gone)
 */
public record NodeInfo(
    String nodeId,
    String region,
    NodeTier tier,
    List<String> capabilities,
    Capacity capacity,
    byte[] publicKey,
    NodeStatus status,
    String memberUuid,
    String address,
    List<String> engines,
    String version,
    long registeredAt,
    long lastSeen) {

  /** Copies the lists and checks required fields. */
  public NodeInfo {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(publicKey, "publicKey");
    // Voters' keys are concatenated for the tally (ProposeTask): a key of another length would
    // shift every later voter's key (issue 13).
    if (publicKey.length != NodeKeys.PUBLIC_KEY_BYTES) {
      throw new IllegalArgumentException(
          "publicKey: "
              + publicKey.length
              + " bytes for node '"
              + nodeId
              + "', must be "
              + NodeKeys.PUBLIC_KEY_BYTES
              + " (a raw Ed25519 public key)");
    }
    Objects.requireNonNull(status, "status");
    capabilities = List.copyOf(capabilities);
    engines = List.copyOf(engines);
    memberUuid = memberUuid == null ? "" : memberUuid;
    address = address == null ? "" : address;
    version = version == null ? "" : version;
  }

  /** This node marked gone at {@code when}. */
  public NodeInfo gone(long when) {
    return new NodeInfo(
        nodeId,
        region,
        tier,
        capabilities,
        capacity,
        publicKey,
        NodeStatus.GONE,
        memberUuid,
        address,
        engines,
        version,
        registeredAt,
        when);
  }

  /** This node active again (back after it was marked gone) at {@code when}. */
  public NodeInfo activeAgain(long when) {
    return new NodeInfo(
        nodeId,
        region,
        tier,
        capabilities,
        capacity,
        publicKey,
        NodeStatus.ACTIVE,
        memberUuid,
        address,
        engines,
        version,
        registeredAt,
        when);
  }

  /** This node seen alive at {@code when}. */
  public NodeInfo seen(long when) {
    return new NodeInfo(
        nodeId,
        region,
        tier,
        capabilities,
        capacity,
        publicKey,
        NodeStatus.ACTIVE,
        memberUuid,
        address,
        engines,
        version,
        registeredAt,
        when);
  }

  /** Whether the node is active. */
  public boolean active() {
    return status == NodeStatus.ACTIVE;
  }
}
