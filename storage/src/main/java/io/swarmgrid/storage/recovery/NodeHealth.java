package io.swarmgrid.storage.recovery;

import io.swarmgrid.storage.node.NodeStatus;
import java.util.List;

/**
 * The health of one node as the grid shows it ({@link HealthMonitor}).
 *
 * @param nodeId the node
 * @param status active or gone
 * @param heartbeatAgeMillis time since its last heartbeat ({@code swarm.nodes} lastSeen); for a
 *     gone node, since it was marked gone
 * @param load work items it holds and has not completed ({@code swarm.work})
 * @param reputation its reputation score, 0..1
 * @param quarantined whether it is quarantined (no votes, no new work)
 * @param breakers its circuit breakers that are not closed, as {@code name=STATE}
 */
public record NodeHealth(
    String nodeId,
    NodeStatus status,
    long heartbeatAgeMillis,
    long load,
    double reputation,
    boolean quarantined,
    List<String> breakers) {

  /** Copies the list. */
  public NodeHealth {
    breakers = List.copyOf(breakers);
  }

  /**
   * Whether the node can take work: active, heartbeat within {@code maxHeartbeatAgeMillis}, not
   * quarantined, and no open breaker.
   */
  public boolean healthy(long maxHeartbeatAgeMillis) {
    return status == NodeStatus.ACTIVE
        && heartbeatAgeMillis <= maxHeartbeatAgeMillis
        && !quarantined
        && breakers.stream().noneMatch(b -> b.endsWith("=OPEN") || b.endsWith("=FORCED_OPEN"));
  }
}
