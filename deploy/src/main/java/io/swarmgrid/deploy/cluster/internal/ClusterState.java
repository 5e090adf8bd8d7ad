package io.swarmgrid.deploy.cluster.internal;

import java.util.List;
import java.util.Optional;

/**
 * A local cluster as the state file keeps it, so that later commands find its processes.
 *
 * @param clusterName the Hazelcast cluster name
 * @param basePort the first member port
 * @param startedAt when {@code start} ran, epoch millis
 * @param nodes the member processes, by name
 */
public record ClusterState(
    String clusterName, int basePort, long startedAt, List<NodeState> nodes) {
  public ClusterState {
    nodes = List.copyOf(nodes);
  }

  /** The member addresses, for a client. */
  public List<String> addresses() {
    return nodes.stream().map(NodeState::address).toList();
  }

  /** The node called {@code name}. */
  public Optional<NodeState> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /**
   * The node called {@code name}.
   *
   * @throws IllegalArgumentException naming the field, the value and the known nodes
   */
  public NodeState require(String field, String name) {
    return node(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    field
                        + ": no node '"
                        + name
                        + "' in this cluster; nodes: "
                        + String.join(", ", nodes.stream().map(NodeState::name).toList())));
  }
}
