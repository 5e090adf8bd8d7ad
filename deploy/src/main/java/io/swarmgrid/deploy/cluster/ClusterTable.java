package io.swarmgrid.deploy.cluster;

import io.swarmgrid.deploy.cluster.internal.ClusterState;
import io.swarmgrid.deploy.cluster.internal.Health;
import io.swarmgrid.deploy.cluster.internal.NodeProcess;
import io.swarmgrid.deploy.cluster.internal.NodeProcess.Liveness;
import io.swarmgrid.deploy.cluster.internal.NodeState;
import java.io.PrintStream;

/**
 * The table {@code start} and {@code status} print: one row per node; {@code status} also asks each
 * node's HTTP server whether it answers {@code /health/live}.
 */
final class ClusterTable {
  private ClusterTable() {}

  static void print(ClusterState state, PrintStream out, boolean checkHealth) {
    String format = "%-8s %-8s %-16s %-22s " + (checkHealth ? "%-10s " : "%s") + "%-9s %-8s %s%n";
    out.printf(
        format,
        "NODE",
        "PID",
        "ADDRESS",
        "HTTP",
        checkHealth ? "HEALTH" : "",
        "REGION",
        "STATE",
        "LOG");
    for (NodeState n : state.nodes()) {
      Liveness process = NodeProcess.liveness(n);
      String health = "";
      if (checkHealth) {
        // A paused or dead process cannot answer; asking would only wait for the timeout.
        health = process == Liveness.RUNNING ? Health.of(n).text() : "-";
      }
      out.printf(
          format,
          n.name(),
          n.pid(),
          n.address(),
          n.httpUrl(),
          health,
          n.region(),
          process.name().toLowerCase(java.util.Locale.ROOT),
          n.log());
    }
  }
}
