package io.swarmgrid.deploy.cluster;

import io.swarmgrid.deploy.cluster.internal.NodeState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swarmgrid cluster logs NODE}: the last lines of a node's log. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "The last lines of one node's log (the whole file is DIR/NODE/member.log).")
public final class ClusterLogsCommand implements Callable<Integer> {
  @ParentCommand ClusterCommand parent;

  @Parameters(paramLabel = "NODE", description = "The node, e.g. node-2.")
  String node;

  @Option(
      names = "--lines",
      defaultValue = "50",
      description = "How many of the last lines (default: 50).")
  int lines;

  @Override
  public Integer call() throws Exception {
    if (lines < 1) {
      throw new IllegalArgumentException("--lines: " + lines + " is under 1");
    }
    NodeState n = parent.stateFile().require().require("NODE", node);
    if (!Files.isRegularFile(n.log())) {
      throw new IllegalStateException(n.name() + " has no log at " + n.log());
    }
    List<String> all = Files.readAllLines(n.log(), StandardCharsets.UTF_8);
    all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
    return 0;
  }
}
