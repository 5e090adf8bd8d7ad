package io.swarmgrid.deploy.swarm;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.swarm.SwarmAgentEngine;
import io.swarmgrid.tasks.swarm.tsp.AcoParams;
import io.swarmgrid.tasks.swarm.tsp.AcoResult;
import io.swarmgrid.tasks.swarm.tsp.TspInstance;
import io.swarmgrid.tasks.swarm.tsp.Tsplib;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code swarm tsp FILE}: an ant colony (MAX–MIN ant system with 2-opt, ants as agents) on a local
 * 3-member cluster, or on an existing one with {@code --address}; prints {@code TOUR <name>
 * length=<L> seconds=<s>}.
 */
@Command(
    name = "tsp",
    mixinStandardHelpOptions = true,
    description = "Solves a TSPLIB instance with an ant colony on the grid.")
public final class TspCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "A TSPLIB file (EUC_2D, CEIL_2D, ATT or GEO).")
  Path file;

  @Option(
      names = "--seconds",
      defaultValue = "20",
      description = "Time budget (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--tour", description = "Write the best tour here, in TSPLIB tour format.")
  Path tourOut;

  @Option(names = "--ants", defaultValue = "10", description = "Ants (default: ${DEFAULT-VALUE}).")
  int ants;

  @Option(
      names = "--stop-at",
      defaultValue = "0",
      description =
          "Stop once a tour this short is found (e.g. a known optimum); 0 runs the whole budget.")
  long stopAt;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the first tour's parameters.")
  long seed;

  @Option(
      names = "--address",
      split = ",",
      description =
          "Members of an existing cluster whose members run the swarm engine; without it a local 3-member cluster is started.")
  List<String> addresses;

  @Option(
      names = "--cluster",
      defaultValue = "swarmgrid",
      description = "Cluster name with --address (default: ${DEFAULT-VALUE}).")
  String cluster;

  @Option(
      names = "--base-port",
      defaultValue = "8100",
      description = "First port of the local cluster (default: ${DEFAULT-VALUE}).")
  int basePort;

  @Option(
      names = "--tick-millis",
      defaultValue = "20",
      description = "Tick of the local cluster's swarm engine (default: ${DEFAULT-VALUE}).")
  long tickMillis;

  @Override
  public Integer call() throws IOException {
    String problem = Files.readString(file, StandardCharsets.ISO_8859_1);
    TspInstance instance = Tsplib.readInstance(file);
    AcoParams params = AcoParams.defaults(seed);
    AcoResult result;
    if (addresses != null && !addresses.isEmpty()) {
      try (SwarmClient client =
          SwarmClient.connect(new SwarmClientConfig(cluster, addresses, 10_000))) {
        result = solve(client, instance, problem, params);
      }
    } else {
      Path keys = Files.createTempDirectory("swarmgrid-tsp-keys");
      try (LocalCluster local = startLocal(keys);
          SwarmClient client =
              SwarmClient.connect(
                  SwarmClientConfig.of(
                      local.clusterName(), local.addresses().toArray(String[]::new)))) {
        result = solve(client, instance, problem, params);
      }
    }
    System.out.println(result.line());
    if (tourOut != null) {
      Tsplib.writeTour(tourOut, instance.name(), result.tour(), result.length());
    }
    return 0;
  }

  private AcoResult solve(
      SwarmClient client, TspInstance instance, String problem, AcoParams params) {
    return GridTspRun.run(
        client.hazelcast(), instance, problem, params, ants, Duration.ofSeconds(seconds), stopAt);
  }

  private LocalCluster startLocal(Path keys) {
    LocalCluster local =
        LocalCluster.start(
            "swarmgrid-tsp-" + ProcessHandle.current().pid(),
            basePort,
            3,
            i -> memberConfig(i, keys));
    for (var m : local.members()) {
      SwarmAgentEngine engine = waitForEngine(m);
      engine.tickMillis(tickMillis);
    }
    return local;
  }

  private static SwarmAgentEngine waitForEngine(com.hazelcast.core.HazelcastInstance m) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      var engine = SwarmGrid.service(m, SwarmAgentEngine.class);
      if (engine.isPresent()) {
        return engine.get();
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    throw new IllegalStateException("the swarm engine did not start on " + m.getName());
  }

  /** The SwarmGrid config of local member {@code i}: the swarm engine on. */
  static SwarmGridConfig memberConfig(int i, Path keys) {
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id("tsp-" + i)
                .keyFile(keys.resolve("{node-id}.key").toString())
                .build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.SWARM)))
        .build();
  }
}
