package io.swarmgrid.deploy.cluster;

import io.swarmgrid.deploy.cluster.internal.ClusterState;
import io.swarmgrid.deploy.cluster.internal.Health;
import io.swarmgrid.deploy.cluster.internal.LinkProxySeen;
import io.swarmgrid.deploy.cluster.internal.NetworkRules;
import io.swarmgrid.deploy.cluster.internal.NodeProcess;
import io.swarmgrid.deploy.cluster.internal.NodeProcess.Liveness;
import io.swarmgrid.deploy.cluster.internal.NodeState;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The table {@code start} and {@code status} print: one row per node; {@code status} also asks each
 * node's HTTP server whether it answers {@code /health/live}, and shows the network faults its link
 * proxy applies.
 */
final class ClusterTable {
  private ClusterTable() {}

  static void print(ClusterState state, PrintStream out, boolean checkHealth) {
    String format =
        "%-8s %-8s %-16s %-22s "
            + (checkHealth ? "%-10s " : "%s")
            + "%-9s %-8s %s"
            + (checkHealth ? "   %s" : "%s")
            + "%n";
    out.printf(
        format,
        "NODE",
        "PID",
        "ADDRESS",
        "HTTP",
        checkHealth ? "HEALTH" : "",
        "REGION",
        "STATE",
        "LOG",
        checkHealth ? "NETWORK" : "");
    for (NodeState n : state.nodes()) {
      Liveness process = NodeProcess.liveness(n);
      String health = "";
      if (checkHealth) {
        // A paused or dead process cannot answer; asking would only wait for the timeout.
        health = process == Liveness.RUNNING ? Health.live(n).text() : "-";
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
          n.log(),
          checkHealth ? network(n, process) : "");
    }
  }

  /** What the node's link proxy applies: cut from which nodes, added latency, or "-". */
  private static String network(NodeState n, Liveness process) {
    if (process == Liveness.DEAD) {
      return "-";
    }
    return LinkProxySeen.read(Path.of(n.dir()).resolve(LinkProxySeen.FILE))
        .map(s -> new NetworkRules(s.rules()).describeFor(n.name()))
        .orElse("-");
  }
}
