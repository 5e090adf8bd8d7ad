package io.swarmgrid.tasks.diffusion;

import java.util.List;

/**
 * One diffusion node in {@code swarm.diffusion.topology}: a grid member's own node or one of its
 * virtual nodes, with its logical neighbours.
 *
 * @param nodeId the node
 * @param hostNodeId the member node hosting it (itself for a member node)
 * @param hostUuid the hosting member's UUID; the node is removed when that member leaves
 * @param neighbours its neighbours, nearest first, long links last
 * @param updatedAt epoch millis of the last change
 */
public record TopologyNode(
    String nodeId, String hostNodeId, String hostUuid, List<Link> neighbours, long updatedAt) {
  /** Copies the list. */
  public TopologyNode {
    neighbours = List.copyOf(neighbours);
  }

  /** Whether this is a virtual node (not the member's own node). */
  public boolean virtual() {
    return !nodeId.equals(hostNodeId);
  }

  /**
   * A directed edge to a neighbour.
   *
   * @param nodeId the neighbour
   * @param latencyMicros the measured round trip between the two nodes' members (0 on one member)
   * @param longLink whether it is a random long-distance link rather than a nearest node
   */
  public record Link(String nodeId, long latencyMicros, boolean longLink) {}
}
