package io.swarmgrid.deploy.cluster;

import io.swarmgrid.deploy.cluster.internal.ClusterState;
import io.swarmgrid.deploy.cluster.internal.NodeProcess;
import io.swarmgrid.deploy.cluster.internal.NodeState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code swarmgrid cluster stop}: SIGTERM to every node, newest first; the directory stays. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = {
      "Stops every node gracefully (SIGTERM), newest first.",
      "A paused node is resumed first; each hands its partitions over. The directory",
      "(configs, keys, logs) stays."
    })
public final class ClusterStopCommand implements Callable<Integer> {
  @ParentCommand ClusterCommand parent;

  @Override
  public Integer call() throws Exception {
    ClusterState state = parent.stateFile().require();
    int stopped = 0;
    List<NodeState> newestFirst = new ArrayList<>(state.nodes());
    Collections.reverse(newestFirst);
    for (NodeState n : newestFirst) {
      if (NodeProcess.handle(n).isEmpty()) {
        continue;
      }
      if (!NodeProcess.stop(n, Duration.ofSeconds(60))) {
        NodeProcess.kill(n);
        System.out.printf("%s did not stop within 60 s: killed%n", n.name());
      } else {
        System.out.printf("%s stopped%n", n.name());
      }
      stopped++;
    }
    System.out.printf("%d nodes stopped; nothing runs in %s%n", stopped, parent.stateFile().dir());
    return 0;
  }
}
