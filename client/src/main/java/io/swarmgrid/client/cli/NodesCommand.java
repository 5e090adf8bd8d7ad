package io.swarmgrid.client.cli;

import io.swarmgrid.client.SwarmClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code swarmgrid nodes}: the node registry. */
@Command(name = "nodes", mixinStandardHelpOptions = true, description = "The node registry.")
public final class NodesCommand implements Callable<Integer> {
  @Mixin ClusterTarget target = new ClusterTarget();

  @Override
  public Integer call() {
    LogDefaults.quietClient();
    try (SwarmClient client = target.connect()) {
      SwarmCli.printNodes(client.nodes(), System.out);
    }
    return 0;
  }
}
