package io.swarmgrid.deploy.cluster;

import io.swarmgrid.deploy.cluster.internal.ClusterState;
import io.swarmgrid.deploy.cluster.internal.ClusterStateFile;
import io.swarmgrid.deploy.cluster.internal.NodeProcess;
import io.swarmgrid.deploy.cluster.internal.NodeState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code swarmgrid cluster destroy}: SIGKILL to every node, then the directory is removed. */
@Command(
    name = "destroy",
    mixinStandardHelpOptions = true,
    description = "Kills every node (SIGKILL) and removes the cluster directory.")
public final class ClusterDestroyCommand implements Callable<Integer> {
  @ParentCommand ClusterCommand parent;

  @Override
  public Integer call() throws Exception {
    ClusterStateFile file = parent.stateFile();
    ClusterState state = file.require();
    int killed = 0;
    for (NodeState n : state.nodes()) {
      if (NodeProcess.kill(n)) {
        killed++;
      }
    }
    deleteTree(file.dir());
    System.out.printf("%d nodes killed; %s removed%n", killed, file.dir());
    return 0;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
