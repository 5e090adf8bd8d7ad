package io.swarmgrid.deploy.cluster;

import io.swarmgrid.deploy.cluster.internal.ClusterState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code swarmgrid cluster status}: each node's process: running, paused or dead. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Each node's process (running, paused by chaos, or dead) and HTTP health.",
      "HEALTH: what /health/live answers (up, an HTTP status, or no answer).",
      "NETWORK: what the node's link proxy applies (cut from NODES, slow Nms), or -.",
      "For what the grid sees: ./swarmgrid status --cluster NAME --address HOST:PORT"
    })
public final class ClusterStatusCommand implements Callable<Integer> {
  @ParentCommand ClusterCommand parent;

  @Override
  public Integer call() {
    ClusterState state = parent.stateFile().require();
    System.out.printf(
        "cluster %s in %s (%d nodes)%n",
        state.clusterName(), parent.stateFile().dir(), state.nodes().size());
    ClusterTable.print(state, System.out, true);
    return 0;
  }
}
