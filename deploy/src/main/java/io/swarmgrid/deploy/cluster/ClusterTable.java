package io.swarmgrid.deploy.cluster;

import io.swarmgrid.deploy.cluster.internal.ClusterState;
import io.swarmgrid.deploy.cluster.internal.NodeProcess;
import io.swarmgrid.deploy.cluster.internal.NodeState;
import java.io.PrintStream;

/** The table {@code start} and {@code status} print: one row per node. */
final class ClusterTable {
  private ClusterTable() {}

  static void print(ClusterState state, PrintStream out) {
    out.printf(
        "%-8s %-8s %-16s %-5s %-9s %-8s %s%n",
        "NODE", "PID", "ADDRESS", "HTTP", "REGION", "STATE", "LOG");
    for (NodeState n : state.nodes()) {
      out.printf(
          "%-8s %-8d %-16s %-5s %-9s %-8s %s%n",
          n.name(),
          n.pid(),
          n.address(),
          "-",
          n.region(),
          NodeProcess.liveness(n).name().toLowerCase(java.util.Locale.ROOT),
          n.log());
    }
  }
}
