package io.swarmgrid.client.cli;

import io.swarmgrid.client.SwarmClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code swarmgrid status}: members, CP members and nodes with their engines. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Members, CP members and nodes with their engines.")
public final class StatusCommand implements Callable<Integer> {
  @Mixin ClusterTarget target = new ClusterTarget();

  @Override
  public Integer call() {
    LogDefaults.quietClient();
    try (SwarmClient client = target.connect()) {
      SwarmCli.printStatus(client.status(), System.out);
    }
    return 0;
  }
}
