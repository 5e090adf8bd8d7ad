package io.swarmgrid.client.cli;

import io.swarmgrid.client.ClusterStatus;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.storage.node.NodeInfo;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code swarmgrid status} and {@code swarmgrid nodes}: look at a running cluster. */
@Command(
    name = "swarmgrid-client",
    mixinStandardHelpOptions = true,
    subcommands = {SwarmCli.Status.class, SwarmCli.Nodes.class},
    description = "Looks at a running SwarmGrid cluster.")
public final class SwarmCli {

  /** Where the cluster is. */
  static class Target {
    @Option(
        names = "--cluster",
        defaultValue = "swarmgrid",
        description = "Cluster name (default: ${DEFAULT-VALUE}).")
    String cluster;

    @Option(
        names = "--address",
        defaultValue = "127.0.0.1:5701",
        split = ",",
        description = "Member addresses (default: ${DEFAULT-VALUE}).")
    List<String> addresses;

    SwarmClient connect() {
      return SwarmClient.connect(new SwarmClientConfig(cluster, addresses, 10_000));
    }
  }

  @Command(name = "status", description = "Members, CP members and nodes with their engines.")
  static final class Status implements Callable<Integer> {
    @CommandLine.Mixin Target target = new Target();

    @Override
    public Integer call() {
      try (SwarmClient client = target.connect()) {
        printStatus(client.status(), System.out);
      }
      return 0;
    }
  }

  @Command(name = "nodes", description = "The node registry.")
  static final class Nodes implements Callable<Integer> {
    @CommandLine.Mixin Target target = new Target();

    @Override
    public Integer call() {
      try (SwarmClient client = target.connect()) {
        printNodes(client.nodes(), System.out);
      }
      return 0;
    }
  }

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

  /** Runs the command line. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SwarmCli()).execute(args));
  }
}
