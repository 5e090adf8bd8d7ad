package io.swarmgrid.deploy.demo;

import com.hazelcast.cp.IAtomicLong;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.map.IMap;
import io.swarmgrid.client.ClusterStatus;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.cli.SwarmCli;
import io.swarmgrid.client.region.LinkStatus;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.RegionsConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.config.SwarmGridVersion;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.tasks.pipeline.SwarmPipelines;
import io.swarmgrid.tasks.pipeline.SwarmSources;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * {@code ./swarmgrid demo}: a 3-member cluster in this process running a visible sample workload,
 * driven through {@link SwarmClient}; prints a report and keeps running until Ctrl-C
 * ({@code --once} exits after the report).
 */
public final class Demo {
  private static final String CLUSTER = "swarmgrid-demo";
  private static final int BASE_PORT = 5701;
  private static final int MEMBERS = 3;
  private static final String REGION_MAP = "demo.models";
  private static final NodeTier[] TIERS = {NodeTier.CLOUD, NodeTier.EDGE_SERVER, NodeTier.EDGE};
  private static final String[] REGIONS = {"eu-west", "eu-west", "us-east"};

  private final PrintStream out;
  private final Path data;

  Demo(PrintStream out, Path data) {
    this.out = out;
    this.data = data;
  }

  /** Options: {@code --once}, {@code --data DIR} (default {@code deploy/samples/loghub}). */
  public static void main(String[] args) throws Exception {
    boolean once = false;
    Path data = Path.of("deploy/samples/loghub");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--once" -> once = true;
        case "--data" -> {
          if (++i >= args.length) {
            usage("--data needs a directory");
          }
          data = Path.of(args[i]);
        }
        default -> usage("unknown option '" + args[i] + "'");
      }
    }
    if (!Files.isDirectory(data)) {
      usage("--data: '" + data + "' is not a directory (run from the repository root, or pass --data)");
    }
    new Demo(System.out, data).run(once);
  }

  /** Runs the demo to the end of its report and stops the cluster (what {@code --once} does). */
  public static void runOnce(PrintStream out, Path data) throws Exception {
    new Demo(out, data).run(true);
  }

  private static void usage(String problem) {
    System.err.println("swarmgrid demo: " + problem);
    System.err.println("usage: swarmgrid demo [--once] [--data DIR-WITH-*.log]");
    System.exit(2);
  }

  void run(boolean once) throws Exception {
    long t0 = System.nanoTime();
    out.printf("SwarmGrid %s demo: starting %d members on 127.0.0.1 (CP Subsystem on 3, Jet on)...%n",
        SwarmGridVersion.get(), MEMBERS);
    LocalCluster cluster = LocalCluster.start(CLUSTER, BASE_PORT, MEMBERS, Demo::nodeConfig);
    try (SwarmClient client = SwarmClient.connect(SwarmClientConfig.of(CLUSTER, cluster.addresses().toArray(String[]::new)))) {
      waitFor("all nodes registered and the CP Subsystem formed", () -> {
        ClusterStatus s = client.status();
        return client.activeNodes().size() == MEMBERS && s.cpMembers().size() == 3;
      });
      out.printf("cluster up in %.1f s%n%n", (System.nanoTime() - t0) / 1e9);

      section("Nodes (swarm.nodes, read through SwarmClient)");
      ClusterStatus status = client.status();
      SwarmCli.printStatus(status, out);

      section("CP-backed counter (IAtomicLong through Raft)");
      cpCounter(client);

      section("Jet word count over " + data);
      wordCount(client);

      section("Two regions (two more clusters): an update crossing over");
      regions();

      out.printf("%nDemo report done in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
      if (once) {
        return;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "swarmgrid-demo-stop"));
      out.println("The cluster keeps running (members at " + cluster.addresses() + ", cluster name '" + CLUSTER
          + "'). Try: ./swarmgrid status --cluster " + CLUSTER + ". Ctrl-C to stop.");
      new CountDownLatch(1).await();
    } finally {
      cluster.close();
    }
  }

  private static SwarmGridConfig nodeConfig(int i) {
    return SwarmGridConfig.builder()
        .node(NodeConfig.builder()
            .id("demo-" + i)
            .region(REGIONS[i - 1])
            .tier(TIERS[i - 1])
            .capability(i == 1 ? "tribuo" : "logs")
            .capacity(new Capacity(2, 512L * i, 0))
            .keyFile(".swarmgrid/demo-keys/{node-id}.key")
            .build())
        .build();
  }

  private void cpCounter(SwarmClient client) throws Exception {
    IAtomicLong counter = client.hazelcast().getCPSubsystem().getAtomicLong("demo.increments");
    long before = counter.get();
    int threads = 4;
    int perThread = 250;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          counter.incrementAndGet();
        }
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf("%d threads x %d increments: counter %d -> %d (%s), %.0f increments/s through Raft%n",
        threads, perThread, before, counter.get(),
        counter.get() - before == (long) threads * perThread ? "none lost" : "LOST SOME",
        threads * perThread / seconds);
  }

  private void wordCount(SwarmClient client) throws IOException {
    List<Path> files = new ArrayList<>();
    long lines = 0;
    try (DirectoryStream<Path> logs = Files.newDirectoryStream(data, "*.log")) {
      for (Path f : logs) {
        files.add(f.getFileName());
        try (var s = Files.lines(f)) {
          lines += s.count();
        }
      }
    }
    IMap<String, Long> counts = client.hazelcast().getMap("demo.wordcount");
    counts.clear();
    long start = System.nanoTime();
    Job job = client.submit(
        SwarmPipelines.wordCount(SwarmSources.textFiles(data, "*.log"), counts.getName()),
        new JobConfig().setName("demo-wordcount"));
    job.join();
    double seconds = (System.nanoTime() - start) / 1e9;
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    out.printf("job %s: %d lines from %s -> %d words, %d distinct, in %.2f s%n",
        job.getName(), lines, files, total, counts.size(), seconds);
    out.println("top 10 words:");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(10)
        .forEach(e -> out.printf("  %-20s %6d%n", e.getKey(), e.getValue()));
  }

  private static SwarmGridConfig regionConfig(String region, String peer, String peerCluster, int peerPort) {
    return SwarmGridConfig.builder()
        .node(NodeConfig.builder().id("demo-" + region).region(region).keyFile(".swarmgrid/demo-keys/{node-id}.key").build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.REGION)))
        .regions(new RegionsConfig(
            Map.of(peer, new RegionsConfig.RegionPeer(peerCluster, List.of("127.0.0.1:" + peerPort))),
            Map.of(REGION_MAP, new RegionsConfig.ReplicatedMap(List.of(), "latest-update", "")), List.of(),
            "latest-update", 200, 5000, 500, 60_000, 86_400, 1000))
        .build();
  }

  private void regions() throws Exception {
    try (LocalCluster eu = LocalCluster.start("swarmgrid-demo-eu", 5721, 1,
            i -> regionConfig("eu-west", "us-east", "swarmgrid-demo-us", 5731));
        LocalCluster us = LocalCluster.start("swarmgrid-demo-us", 5731, 1,
            i -> regionConfig("us-east", "eu-west", "swarmgrid-demo-eu", 5721));
        SwarmClient euClient = SwarmClient.connect(SwarmClientConfig.of("swarmgrid-demo-eu", eu.addresses().toArray(String[]::new)))) {
      IMap<String, String> inEu = eu.members().get(0).getMap(REGION_MAP);
      IMap<String, String> inUs = us.members().get(0).getMap(REGION_MAP);
      long start = System.nanoTime();
      inEu.set("model-1", "v1 trained in eu-west");
      waitFor("model-1 to reach us-east", () -> "v1 trained in eu-west".equals(inUs.get("model-1")));
      out.printf("eu-west wrote model-1=v1; us-east read it %.0f ms later (cluster us-east: %s)%n",
          (System.nanoTime() - start) / 1e6, inUs.get("model-1"));
      start = System.nanoTime();
      inUs.set("model-1", "v2 tuned in us-east");
      waitFor("model-1 v2 to reach eu-west", () -> "v2 tuned in us-east".equals(inEu.get("model-1")));
      out.printf("us-east updated model-1=v2; eu-west read it %.0f ms later; nothing sent back (no loop)%n",
          (System.nanoTime() - start) / 1e6);
      waitFor("a running replication status", () -> euClient.regions().replication(REGION_MAP, "us-east")
          .map(l -> l.shipped() > 0).orElse(false));
      LinkStatus link = euClient.regions().replication(REGION_MAP, "us-east").orElseThrow();
      out.printf("link %s eu-west -> us-east: %s, shipped %d, applied %d, lag %d ms, last error: %s%n",
          link.map(), link.state(), link.shipped(), link.applied(), link.lagMillis(),
          link.lastError().isEmpty() ? "none" : link.lastError());
    }
  }

  private void section(String title) {
    out.println("== " + title + " ==");
  }

  private void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("timed out after 120 s waiting for: " + what);
      }
      Thread.sleep(200);
    }
  }
}
