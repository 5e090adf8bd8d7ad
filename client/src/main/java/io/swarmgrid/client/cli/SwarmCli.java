package io.swarmgrid.client.cli;

import io.swarmgrid.client.ClusterStatus;
import io.swarmgrid.storage.node.NodeInfo;
import java.io.PrintStream;
import java.util.List;

/**
 * The tables {@code swarmgrid status} and {@code swarmgrid nodes} print (the demo prints them too).
 * The commands themselves are {@link StatusCommand} and {@link NodesCommand}.
 */
public final class SwarmCli {
  private SwarmCli() {}

  /** Prints a status report. */
  public static void printStatus(ClusterStatus s, PrintStream out) {
    out.printf("cluster state : %s%n", s.clusterState());
    out.printf("members       : %s%n", s.members());
    out.printf(
        "CP members    : %s%s%n",
        s.cpMembers(), s.cpNote().isEmpty() ? "" : " (" + s.cpNote() + ")");
    printNodes(s.nodes(), out);
  }

  /** Prints the node registry as a table. */
  public static void printNodes(List<NodeInfo> nodes, PrintStream out) {
    out.printf(
        "%-24s %-8s %-10s %-11s %-22s %-5s %-8s %s%n",
        "NODE", "STATUS", "REGION", "TIER", "ADDRESS", "CORES", "KEY", "ENGINES");
    for (NodeInfo n : nodes) {
      out.printf(
          "%-24s %-8s %-10s %-11s %-22s %-5d %-8s %s%n",
          n.nodeId(),
          n.status(),
          n.region(),
          n.tier().yamlName(),
          n.address(),
          n.capacity().cpuCores(),
          java.util.HexFormat.of().formatHex(n.publicKey(), 0, 4),
          n.engines().isEmpty() ? "-" : String.join(",", n.engines()));
    }
  }
}
