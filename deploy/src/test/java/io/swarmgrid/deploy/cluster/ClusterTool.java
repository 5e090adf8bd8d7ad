package io.swarmgrid.deploy.cluster;

import io.swarmgrid.client.cli.CommandRunner;
import io.swarmgrid.deploy.cluster.internal.ClusterStateFile;
import io.swarmgrid.deploy.cluster.internal.NodeProcess;
import io.swarmgrid.deploy.cluster.internal.NodeState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code swarmgrid cluster ...} in this JVM as the command line would, capturing its output.
 */
final class ClusterTool {
  /** One run: its exit code, what it printed and its error line. */
  record Run(int exit, String out, String err) {}

  private ClusterTool() {}

  /** Runs {@code swarmgrid cluster ARGS --dir DIR}. */
  static Run in(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--dir");
    all.add(dir.toString());
    return run(all.toArray(String[]::new));
  }

  /** A test's clean-up: SIGKILLs every node the cluster directory lists, if it lists any. */
  static void killAll(Path dir) throws InterruptedException {
    var state = new ClusterStateFile(dir).read();
    if (state.isPresent()) {
      for (NodeState n : state.get().nodes()) {
        NodeProcess.kill(n);
      }
    }
  }

  static synchronized Run run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      var cli = CommandRunner.commandLine(new ClusterCommand());
      cli.setErr(new PrintWriter(err, true));
      List<String> all = new ArrayList<>(List.of(args));
      int exit = cli.execute(all.toArray(String[]::new));
      return new Run(exit, bytes.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(original);
      original.print(bytes.toString(StandardCharsets.UTF_8));
    }
  }
}
