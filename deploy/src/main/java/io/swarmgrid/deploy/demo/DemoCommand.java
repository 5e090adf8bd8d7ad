package io.swarmgrid.deploy.demo;

import io.swarmgrid.client.cli.LogDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code swarmgrid demo}: the 3-member cluster in this process and its report. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "A 3-member cluster in this process running the demo workload, with a report.",
      "Cluster 'swarmgrid-demo' on 127.0.0.1:5701-5703, plus two one-member region",
      "clusters on 5721 and 5731. It keeps running until Ctrl-C (--once: it exits",
      "after the report)."
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--once", description = "Exit after the report.")
  boolean once;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "deploy/samples/loghub",
      description = "Directory of *.log files for the word count (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--base-port",
      paramLabel = "PORT",
      description =
          "First port: members at PORT..PORT+2, the regions at PORT+20 and PORT+30"
              + " (default 5701, or -Dswarmgrid.demo.basePort).")
  Integer basePort;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException(
          "--data: '"
              + data
              + "' is not a directory (run from the repository root, or pass --data)");
    }
    // The report is the output; members' expected warnings (a killed member, a lying node) are not.
    LogDefaults.set(
        Map.of(
            "io.swarmgrid", "warn",
            "com.hazelcast", "error",
            "com.hazelcast.internal.cluster.ClusterService", "error",
            "com.hazelcast.jet.impl.MasterJobContext", "off",
            "io.swarmgrid.plugin.region.internal.RegionWriter", "error",
            "io.swarmgrid.plugin.fault.internal.RecoveryCoordinator", "error"));
    int port = basePort == null ? Demo.defaultBasePort() : basePort;
    if (port < 1 || port > 65_500) {
      throw new IllegalArgumentException(
          "--base-port: '" + port + "' is not a port number (1 to 65500)");
    }
    if (once) {
      Demo.runOnce(System.out, data, port);
    } else {
      Demo.runUntilStopped(System.out, data, port);
    }
    return 0;
  }
}
