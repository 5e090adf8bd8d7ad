package io.swarmgrid.client.diffusion;

import io.swarmgrid.tasks.diffusion.TopologyNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The diffusion topology as a value: every node (member and virtual) and every directed edge to a
 * neighbour, with the measured latency between the two nodes' members.
 *
 * @param nodes the nodes, by id
 * @param edges the edges, by source then target
 */
public record Topology(List<TopologyNode> nodes, List<Edge> edges) {

  /** Copies the lists. */
  public Topology {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * A directed edge: {@code from} keeps {@code to} as a neighbour.
   *
   * @param from the node keeping the neighbour
   * @param to the neighbour
   * @param latencyMicros round trip between their members, microseconds (0 on one member)
   * @param longLink whether it is a random long-distance link
   */
  public record Edge(String from, String to, long latencyMicros, boolean longLink) {}

  /** Number of nodes. */
  public int size() {
    return nodes.size();
  }

  /** The node {@code id}, if present. */
  public Optional<TopologyNode> node(String id) {
    return nodes.stream().filter(n -> n.nodeId().equals(id)).findFirst();
  }

  /** Nodes by id. */
  public Map<String, TopologyNode> byId() {
    return nodes.stream().collect(Collectors.toMap(TopologyNode::nodeId, Function.identity()));
  }
}
