package io.swarmgrid.deploy.cluster;

import io.swarmgrid.deploy.cluster.internal.ClusterState;
import io.swarmgrid.deploy.cluster.internal.ClusterStateFile;
import io.swarmgrid.deploy.cluster.internal.NodeProcess;
import io.swarmgrid.deploy.cluster.internal.NodeState;
import java.nio.file.Path;
import java.util.List;

/**
 * A cluster {@code ./swarmgrid cluster start} started, as other commands (e.g. {@code bench
 * --cluster-dir}) reach it: its name and the addresses of its running members.
 *
 * @param clusterName the Hazelcast cluster name
 * @param addresses the running members' addresses
 * @param members how many members run
 */
public record StartedCluster(String clusterName, List<String> addresses, int members) {
  public StartedCluster {
    addresses = List.copyOf(addresses);
  }

  /**
   * The cluster started in {@code dir}.
   *
   * @throws IllegalArgumentException naming {@code field} and the directory if no cluster was
   *     started there or none of its members runs
   */
  public static StartedCluster in(String field, Path dir) {
    ClusterState state;
    try {
      state = new ClusterStateFile(dir).require();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replaceFirst("^--dir", field), e);
    }
    List<String> running =
        state.nodes().stream()
            .filter(n -> NodeProcess.liveness(n) == NodeProcess.Liveness.RUNNING)
            .map(NodeState::address)
            .toList();
    if (running.isEmpty()) {
      throw new IllegalArgumentException(
          field + ": no member of the cluster in '" + dir + "' is running");
    }
    return new StartedCluster(state.clusterName(), running, running.size());
  }
}
