package io.swarmgrid.deploy.demo;

import io.swarmgrid.client.ClusterStatus;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.cli.ClusterTarget;
import io.swarmgrid.config.SwarmGridVersion;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.http.SwarmHttpServer;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./swarmgrid demo}: a 3-member cluster in this process running a visible sample workload,
 * driven through {@link SwarmClient}; prints a report and keeps running until Ctrl-C ({@code
 * --once} exits after the report). Each section of the report is a {@link Scenario}, run in order.
 */
public final class Demo {
  /** First port of the demo's clusters unless {@code --base-port} or this property says another. */
  public static final String BASE_PORT_PROPERTY = "swarmgrid.demo.basePort";

  private static final String CLUSTER = ClusterTarget.DEMO_CLUSTER; // what status defaults to
  private static final int DEFAULT_BASE_PORT = 5701;
  private static final int MEMBERS = 3;
  private static final List<Scenario> SCENARIOS =
      List.of(
          new NodesScenario(),
          new CpCounterScenario(),
          new WordCountScenario(),
          new MessagingScenario(),
          new ConsensusScenario(),
          // Before the fault section, which quarantines and stops members: the particle swarm's
          // adoption is voted by every member.
          new SwarmScenario(),
          new FaultScenario(),
          new RegionsScenario(),
          new TasksScenario(),
          new DiffusionVsJetScenario(),
          new WorkloadsScenario(),
          new LearningScenario(),
          new PropagationScenario());

  private final PrintStream out;
  private final Path data;
  private final int basePort;

  Demo(PrintStream out, Path data, int basePort) {
    this.out = out;
    this.data = data;
    this.basePort = basePort;
  }

  /**
   * Runs the demo to the end of its report and stops the cluster (what {@code --once} does), on the
   * base port of {@value #BASE_PORT_PROPERTY} (default 5701).
   */
  public static void runOnce(PrintStream out, Path data) throws Exception {
    runOnce(out, data, defaultBasePort());
  }

  /** Runs the demo to the end of its report on the given base port, and stops the cluster. */
  public static void runOnce(PrintStream out, Path data, int basePort) throws Exception {
    new Demo(out, data, basePort).run(true);
  }

  /** Runs the demo and keeps the cluster running until the JVM is stopped (Ctrl-C). */
  public static void runUntilStopped(PrintStream out, Path data, int basePort) throws Exception {
    new Demo(out, data, basePort).run(false);
  }

  /** The base port: {@value #BASE_PORT_PROPERTY} if set, else 5701. */
  public static int defaultBasePort() {
    return Integer.getInteger(BASE_PORT_PROPERTY, DEFAULT_BASE_PORT);
  }

  /**
   * The line naming the dashboard of the first member with its token; the API takes the same token
   * as {@code Authorization: Bearer ...}.
   */
  static String dashboard(LocalCluster cluster) {
    return cluster.running().stream()
        .map(m -> SwarmGrid.service(m, SwarmHttpServer.class))
        .flatMap(java.util.Optional::stream)
        .findFirst()
        .map(s -> "dashboard: " + s.dashboardUrl())
        .orElse("dashboard: not served (no member runs swarmgrid.http)");
  }

  void run(boolean once) throws Exception {
    long t0 = System.nanoTime();
    out.printf(
        "SwarmGrid %s demo: starting %d members on 127.0.0.1 (CP Subsystem on 3, Jet on)...%n",
        SwarmGridVersion.get(), MEMBERS);
    LocalCluster cluster = LocalCluster.start(CLUSTER, basePort, MEMBERS, DemoConfigs::node);
    try (SwarmClient client =
        SwarmClient.connect(
            SwarmClientConfig.of(CLUSTER, cluster.addresses().toArray(String[]::new)))) {
      DemoContext demo = new DemoContext(out, data, cluster, client, basePort);
      demo.waitFor(
          "all nodes registered and the CP Subsystem formed",
          () -> {
            ClusterStatus s = client.status();
            return client.activeNodes().size() == MEMBERS && s.cpMembers().size() == 3;
          });
      out.printf("cluster up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      out.println(dashboard(cluster));
      out.println();
      for (Scenario scenario : SCENARIOS) {
        out.println("== " + scenario.title(demo) + " ==");
        scenario.run(demo);
      }
      out.printf("%nDemo report done in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
      if (once) {
        return;
      }
      Runtime.getRuntime()
          .addShutdownHook(SwarmThreads.factory("swarmgrid-demo-stop").newThread(cluster::close));
      out.println(dashboard(cluster));
      out.println(
          "The cluster keeps running (members at "
              + cluster.addresses()
              + ", cluster name '"
              + CLUSTER
              + "'). Try: ./swarmgrid status (in another terminal). Ctrl-C to stop.");
      new CountDownLatch(1).await();
    } finally {
      cluster.close();
    }
  }
}
