package io.swarmgrid.deploy.demo;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.deploy.local.LocalCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What every scenario of the demo works with: the report's stream, the sample data, the demo
 * cluster and a client of it, and the first port of the demo's clusters.
 */
record DemoContext(
    PrintStream out, Path data, LocalCluster cluster, SwarmClient client, int basePort) {

  /** Waits until {@code condition} holds, at most 120 s, checking every 200 ms. */
  void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("timed out after 120 s waiting for: " + what);
      }
      Thread.sleep(200);
    }
  }

  /** The sample logs as one text, files in name order, each ending in a line break. */
  String logs() throws IOException {
    StringBuilder text = new StringBuilder();
    try (DirectoryStream<Path> logs = Files.newDirectoryStream(data, "*.log")) {
      List<Path> sorted = new ArrayList<>();
      logs.forEach(sorted::add);
      sorted.sort(null);
      for (Path f : sorted) {
        text.append(Files.readString(f, StandardCharsets.UTF_8));
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
          text.append('\n');
        }
      }
    }
    return text.toString();
  }
}
