package io.swarmgrid.deploy.demo;

import com.hazelcast.cp.IAtomicLong;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.map.IMap;
import io.swarmgrid.client.ClientNode;
import io.swarmgrid.client.ClusterStatus;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.cli.SwarmCli;
import io.swarmgrid.client.consensus.ConsensusClient;
import io.swarmgrid.client.region.LinkStatus;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.RegionsConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.config.SwarmGridVersion;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Messenger;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.recovery.RecoveryEvent;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.work.WorkStore;
import io.swarmgrid.tasks.pipeline.SwarmPipelines;
import io.swarmgrid.tasks.pipeline.SwarmSources;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.IntStream;

/**
 * {@code ./swarmgrid demo}: a 3-member cluster in this process running a visible sample workload,
 * driven through {@link SwarmClient}; prints a report and keeps running until Ctrl-C ({@code
 * --once} exits after the report).
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
      usage(
          "--data: '"
              + data
              + "' is not a directory (run from the repository root, or pass --data)");
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
    out.printf(
        "SwarmGrid %s demo: starting %d members on 127.0.0.1 (CP Subsystem on 3, Jet on)...%n",
        SwarmGridVersion.get(), MEMBERS);
    LocalCluster cluster = LocalCluster.start(CLUSTER, BASE_PORT, MEMBERS, Demo::nodeConfig);
    try (SwarmClient client =
        SwarmClient.connect(
            SwarmClientConfig.of(CLUSTER, cluster.addresses().toArray(String[]::new)))) {
      waitFor(
          "all nodes registered and the CP Subsystem formed",
          () -> {
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

      section("Messaging (per-node priority inboxes in the grid)");
      messaging(client);

      section("Consensus (signed, reputation-weighted votes; one decision committed through Raft)");
      consensus(client);
      section("Fault tolerance: a lying node is quarantined, a stopped member's work moves");
      faultScenario(cluster, client);
      section("Two regions (two more clusters): an update crossing over");
      regions();
      section("Tasks: placed next to their data, run on members and on a client worker");
      tasks(cluster, client);
      section(
          "Diffusion and Jet agree: the same word count, injected with energy and as a Jet pipeline");
      diffusionVsJet(client);
      section("Workloads: log analysis by diffusion and by Jet, and a BM25 search over Cranfield");
      workloads(client);

      out.printf("%nDemo report done in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
      if (once) {
        return;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "swarmgrid-demo-stop"));
      out.println(
          "The cluster keeps running (members at "
              + cluster.addresses()
              + ", cluster name '"
              + CLUSTER
              + "'). Try: ./swarmgrid status --cluster "
              + CLUSTER
              + ". Ctrl-C to stop.");
      new CountDownLatch(1).await();
    } finally {
      cluster.close();
    }
  }

  private static SwarmGridConfig nodeConfig(int i) {
    return SwarmGridConfig.builder()
        .node(
            NodeConfig.builder()
                .id("demo-" + i)
                .region(REGIONS[i - 1])
                .tier(TIERS[i - 1])
                .capability(i == 1 ? "tribuo" : "logs")
                .capacity(new Capacity(2, 512L * i, 0))
                .keyFile(".swarmgrid/demo-keys/{node-id}.key")
                .build())
        .engines(
            EnginesConfig.of(
                EnumSet.of(
                    EngineKind.CONSENSUS,
                    EngineKind.FAULT,
                    EngineKind.MESSAGING,
                    EngineKind.DIFFUSION,
                    EngineKind.BALANCE)))
        .fault(demoFault())
        .diffusion(
            io.swarmgrid.config.DiffusionConfig.builder()
                .virtualNodes(3)
                .chunkBytes(64 * 1024)
                .build())
        .build();
  }

  private void consensus(SwarmClient client) throws Exception {
    List<ClientNode> voters = new java.util.ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      voters.add(
          client.joinAsNode(
              "voter-" + i, NodeKeys.generate(), REGIONS[i % 3], NodeTier.EDGE, List.of()));
    }
    ConsensusClient consensus = client.consensus();
    Proposal p =
        consensus.propose(
            ProposalRequest.builder("voter-1", DecisionType.MODEL_UPDATE)
                .electorate(voters.stream().map(ClientNode::nodeId).toList())
                .features(0.92, 0.15, 0.4)
                .payload("promote model fraud-detector v7".getBytes(StandardCharsets.UTF_8))
                .deadlineIn(java.time.Duration.ofSeconds(30))
                .build());
    out.printf(
        "proposal %s: MODEL_UPDATE 'promote model fraud-detector v7', 5 voters, quorum > 2/3 of their weight%n",
        p.id().substring(0, 8));
    double[] confidence = {0.9, 0.8, 0.95, 0.7};
    for (int i = 0; i < 4; i++) {
      VoteReceipt r =
          consensus.vote(voters.get(i), p.id(), Proposal.APPROVE, confidence[i], confidence[i]);
      out.printf(
          "  %-8s approve (confidence %.2f) -> %s%n",
          voters.get(i).nodeId(), confidence[i], r.status());
      if (i == 1) {
        VoteReceipt lie = consensus.vote(voters.get(1), p.id(), Proposal.REJECT, 0.9);
        out.printf(
            "  %-8s reject, after approving   -> %s (both signed votes kept as evidence)%n",
            voters.get(1).nodeId(), lie.status());
        VoteReceipt forged =
            consensus.vote(
                new ClientNode("voter-5", NodeKeys.generate()), p.id(), Proposal.REJECT, 1.0);
        out.printf("  %-8s signed with a stolen id    -> %s%n", "voter-5", forged.status());
      }
    }
    Decision d = consensus.awaitDecision(p.id()).get(30, java.util.concurrent.TimeUnit.SECONDS);
    out.printf(
        "decision: %s '%s', approve weight %.2f of %.2f eligible, %d votes counted, %d ms from proposal to commit%n",
        d.end(),
        d.outcomeLabel(),
        d.optionWeights()[0],
        d.eligibleWeight(),
        d.voters().size(),
        d.tookMillis());
    waitFor(
        "the equivocation evidence filed",
        () -> !client.fault().evidenceAgainst("voter-2").isEmpty());
    out.printf(
        "equivocators: %s; evidence against voter-2: %s; its reputation now %.2f (was 1.00)%n",
        d.equivocators(),
        client.fault().evidenceAgainst("voter-2").get(0).kind(),
        client.fault().reputation("voter-2").score());
    var registry = new io.swarmgrid.storage.node.NodeRegistry(client.hazelcast());
    voters.forEach(v -> registry.markGone(v.nodeId(), System.currentTimeMillis(), 60));
  }

  private void messaging(SwarmClient client) throws Exception {
    try (Messenger ops = client.messenger("ops", "eu-west", NodeTier.CLOUD);
        Messenger drone = client.messenger("drone-1", "us-east", NodeTier.EDGE)) {
      for (int i = 0; i < 5; i++) {
        ops.send(
            "drone-1",
            MessageType.STATE_SYNC,
            Priority.LOW,
            ("map tile " + i).getBytes(StandardCharsets.UTF_8));
      }
      ops.send(
          "drone-1",
          MessageType.TASK_ASSIGNMENT,
          Priority.NORMAL,
          "survey sector 7".getBytes(StandardCharsets.UTF_8));
      ops.send(
          "drone-1",
          MessageType.EMERGENCY_ALERT,
          Priority.EMERGENCY,
          "return to base".getBytes(StandardCharsets.UTF_8));
      List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      drone.subscribe(
          m -> {
            if (m.type() == MessageType.REQUEST) {
              drone.reply(m, "battery 87%".getBytes(StandardCharsets.UTF_8));
            } else {
              order.add(m.priority() + ":" + m.text());
            }
          });
      waitFor("the drone's backlog delivered", () -> order.size() == 7);
      out.println(
          "queued 5 Low, 1 Normal, 1 Emergency while drone-1 was away; it received, in order:");
      out.println("  " + String.join(" | ", order));
      ops.subscribe(m -> {});
      var reply =
          ops.request(
                  "drone-1",
                  MessageType.REQUEST,
                  Priority.HIGH,
                  "status?".getBytes(StandardCharsets.UTF_8),
                  java.time.Duration.ofSeconds(10))
              .get(20, java.util.concurrent.TimeUnit.SECONDS);
      out.println("request/response: ops asked drone-1 'status?' -> '" + reply.text() + "'");
      var stats = drone.stats();
      out.printf(
          "drone-1 stats: delivered %d, duplicates %d, missed deadlines %d, Emergency latency p50 %.2f ms%n",
          stats.delivered(),
          stats.duplicates(),
          stats.missedDeadlines(),
          stats.latency().get(Priority.EMERGENCY).p50Millis());
      new io.swarmgrid.storage.node.NodeRegistry(client.hazelcast())
          .markGone("ops", System.currentTimeMillis(), 60);
      new io.swarmgrid.storage.node.NodeRegistry(client.hazelcast())
          .markGone("drone-1", System.currentTimeMillis(), 60);
    }
  }

  // The defaults, with a 1 s grace period so that the demo's stopped member's work moves quickly.
  private static FaultConfig demoFault() {
    FaultConfig f = FaultConfig.DEFAULTS;
    return new FaultConfig(
        f.quarantineThreshold(),
        f.releasePolicy(),
        f.releaseThreshold(),
        f.reputation(),
        f.maxEvidenceMaterialBytes(),
        1,
        f.maxRecoveryEvents(),
        f.breakerDefaults(),
        f.breakers(),
        f.maxWorkItems());
  }

  private void faultScenario(LocalCluster cluster, SwarmClient client) throws InterruptedException {
    SwarmNode honest = SwarmGrid.node(cluster.members().get(0)).orElseThrow();
    SwarmNode liar = SwarmGrid.node(cluster.members().get(2)).orElseThrow();
    for (String round : List.of("round-1", "round-2")) {
      // The liar signs two different votes in one round: self-proving evidence of equivocation.
      List<SignedPayload> votes = List.of(vote(liar, round, 0), vote(liar, round, 1));
      client
          .fault()
          .reportEvidence(
              Evidence.sign(
                  EvidenceKind.EQUIVOCATION,
                  liar.nodeId(),
                  round,
                  votes,
                  honest.nodeId(),
                  honest.keys(),
                  System.currentTimeMillis()));
    }
    Reputation r = client.fault().reputation(liar.nodeId());
    out.printf(
        "%s signed two different votes in each of 2 rounds: reputation %.2f, %s%n",
        liar.nodeId(),
        r.score(),
        r.quarantined() ? "QUARANTINED (no vote weight, no new work)" : "not quarantined");

    WorkStore work = client.fault().work();
    long now = System.currentTimeMillis();
    try {
      work.create("demo-work-liar", "task", liar.nodeId(), now);
    } catch (IllegalArgumentException refused) {
      out.println("work for " + liar.nodeId() + " refused: " + refused.getMessage());
    }
    String doomed = SwarmGrid.node(cluster.members().get(1)).orElseThrow().nodeId();
    work.createAll(
        IntStream.range(0, 150).mapToObj(i -> "demo-work-a" + i).toList(),
        "task",
        honest.nodeId(),
        now);
    work.createAll(
        IntStream.range(0, 150).mapToObj(i -> "demo-work-b" + i).toList(), "task", doomed, now);
    out.printf(
        "300 work items: 150 on %s, 150 on %s; stopping %s's member (killed, no goodbye)...%n",
        honest.nodeId(), doomed, doomed);
    cluster.kill(cluster.members().get(1));
    waitFor(
        "the recovery of " + doomed,
        () -> client.fault().recoveryEvents().stream().anyMatch(e -> e.lostNode().equals(doomed)));
    RecoveryEvent e =
        client.fault().recoveryEvents().stream()
            .filter(x -> x.lostNode().equals(doomed))
            .findFirst()
            .orElseThrow();
    List<String> doomedIds = IntStream.range(0, 150).mapToObj(i -> "demo-work-b" + i).toList();
    long lost =
        doomedIds.size()
            - work.getAll(doomedIds).values().stream()
                .filter(w -> !w.ownerNode().equals(doomed))
                .count();
    out.printf(
        "%s lost (%s): %d of %d work items moved to %s, %d ms after detection (grace %d ms); lost %d%n",
        doomed,
        e.kind(),
        e.itemsReassigned(),
        e.itemsFound(),
        e.targets(),
        e.detectToLastReassignMillis(),
        e.graceMillis(),
        lost);
  }

  private static SignedPayload vote(SwarmNode node, String proposal, int choice) {
    Vote v = Vote.signed(node.keys(), proposal, node.nodeId(), choice, 1.0, new double[0], 1);
    return new SignedPayload(node.nodeId(), v.signedBytes(), v.signature());
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
      done.add(
          pool.submit(
              () -> {
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
    out.printf(
        "%d threads x %d increments: counter %d -> %d (%s), %.0f increments/s through Raft%n",
        threads,
        perThread,
        before,
        counter.get(),
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
    Job job =
        client.submit(
            SwarmPipelines.wordCount(SwarmSources.textFiles(data, "*.log"), counts.getName()),
            new JobConfig().setName("demo-wordcount"));
    job.join();
    double seconds = (System.nanoTime() - start) / 1e9;
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    out.printf(
        "job %s: %d lines from %s -> %d words, %d distinct, in %.2f s%n",
        job.getName(), lines, files, total, counts.size(), seconds);
    out.println("top 10 words:");
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(10)
        .forEach(e -> out.printf("  %-20s %6d%n", e.getKey(), e.getValue()));
  }

  private static SwarmGridConfig regionConfig(
      String region, String peer, String peerCluster, int peerPort) {
    return SwarmGridConfig.builder()
        .node(
            NodeConfig.builder()
                .id("demo-" + region)
                .region(region)
                .keyFile(".swarmgrid/demo-keys/{node-id}.key")
                .build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.REGION)))
        .regions(
            new RegionsConfig(
                Map.of(
                    peer,
                    new RegionsConfig.RegionPeer(peerCluster, List.of("127.0.0.1:" + peerPort))),
                Map.of(REGION_MAP, new RegionsConfig.ReplicatedMap(List.of(), "latest-update", "")),
                List.of(),
                "latest-update",
                200,
                5000,
                500,
                60_000,
                86_400,
                1000))
        .build();
  }

  private void regions() throws Exception {
    try (LocalCluster eu =
            LocalCluster.start(
                "swarmgrid-demo-eu",
                5721,
                1,
                i -> regionConfig("eu-west", "us-east", "swarmgrid-demo-us", 5731));
        LocalCluster us =
            LocalCluster.start(
                "swarmgrid-demo-us",
                5731,
                1,
                i -> regionConfig("us-east", "eu-west", "swarmgrid-demo-eu", 5721));
        SwarmClient euClient =
            SwarmClient.connect(
                SwarmClientConfig.of("swarmgrid-demo-eu", eu.addresses().toArray(String[]::new)))) {
      IMap<String, String> inEu = eu.members().get(0).getMap(REGION_MAP);
      IMap<String, String> inUs = us.members().get(0).getMap(REGION_MAP);
      long start = System.nanoTime();
      inEu.set("model-1", "v1 trained in eu-west");
      waitFor(
          "model-1 to reach us-east", () -> "v1 trained in eu-west".equals(inUs.get("model-1")));
      out.printf(
          "eu-west wrote model-1=v1; us-east read it %.0f ms later (cluster us-east: %s)%n",
          (System.nanoTime() - start) / 1e6, inUs.get("model-1"));
      start = System.nanoTime();
      inUs.set("model-1", "v2 tuned in us-east");
      waitFor(
          "model-1 v2 to reach eu-west", () -> "v2 tuned in us-east".equals(inEu.get("model-1")));
      out.printf(
          "us-east updated model-1=v2; eu-west read it %.0f ms later; nothing sent back (no loop)%n",
          (System.nanoTime() - start) / 1e6);
      waitFor(
          "a running replication status",
          () ->
              euClient
                  .regions()
                  .replication(REGION_MAP, "us-east")
                  .map(l -> l.shipped() > 0)
                  .orElse(false));
      LinkStatus link = euClient.regions().replication(REGION_MAP, "us-east").orElseThrow();
      out.printf(
          "link %s eu-west -> us-east: %s, shipped %d, applied %d, lag %d ms, last error: %s%n",
          link.map(),
          link.state(),
          link.shipped(),
          link.applied(),
          link.lagMillis(),
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

  /** The sample logs as one text, files in name order, each ending in a line break. */
  private String logs() throws IOException {
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

  private void workloads(SwarmClient client) throws Exception {
    var diffusion = client.diffusion();
    long start = System.nanoTime();
    String id =
        diffusion.inject(
            io.swarmgrid.client.diffusion.DiffusionRequest.ofText(
                io.swarmgrid.tasks.workload.LogAnalysis.NAME, logs(), 50));
    var byDiffusion =
        diffusion.result(
            id, io.swarmgrid.tasks.workload.LogReport.class, java.time.Duration.ofSeconds(60));
    double diffusionSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    var byJet =
        client.workloads().run(new io.swarmgrid.tasks.workload.LogAnalysis(), data, "*.log");
    double jetSeconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        "log analysis of %d lines: by diffusion in %.2f s, by Jet in %.2f s; diffusion = Jet: %s%n",
        byJet.lines(), diffusionSeconds, jetSeconds, byDiffusion.equals(byJet));
    out.printf("  levels: %s%n", new java.util.TreeMap<>(byJet.levels()));
    out.printf(
        "  %d templates, %d rare (under %d lines each) covering %d anomalous lines, e.g.:%n",
        byJet.templates().size(),
        byJet.rareTemplates().size(),
        io.swarmgrid.tasks.workload.LogAnalysis.DEFAULT_RARE_BELOW,
        byJet.anomalousLines());
    byJet.anomalies().stream()
        .limit(3)
        .forEach(
            line ->
                out.printf(
                    "    %s%n", line.length() > 110 ? line.substring(0, 110) + "..." : line));

    Path cranfield = data.toAbsolutePath().resolveSibling("cranfield");
    Path run = Files.createTempFile("swarmgrid-demo-", ".run");
    try {
      start = System.nanoTime();
      long lines =
          client
              .workloads()
              .searchRun(
                  cranfield, "cran.all.1400", cranfield.resolve("cran.qry"), run, 10, "swarmgrid");
      out.printf(
          "search: Cranfield indexed by Jet, 225 queries ranked by BM25 in %.2f s; %d lines of TREC run written; query 1:%n",
          (System.nanoTime() - start) / 1e9, lines);
      try (var runLines = Files.lines(run)) {
        runLines.limit(3).forEach(line -> out.printf("    %s%n", line));
      }
    } finally {
      Files.deleteIfExists(run);
    }
  }

  private void diffusionVsJet(SwarmClient client) throws Exception {
    String text = logs();
    io.swarmgrid.client.diffusion.DiffusionClient diffusion = client.diffusion();
    waitFor(
        "the diffusion topology",
        () ->
            diffusion.topology().nodes().size() >= 4
                && diffusion.topology().nodes().stream().allMatch(n -> n.neighbours().size() >= 3));
    var topology = diffusion.topology();
    out.printf(
        "topology: %d nodes (members and virtual nodes), %d links, %d long%n",
        topology.size(),
        topology.edges().size(),
        topology.edges().stream()
            .filter(io.swarmgrid.client.diffusion.Topology.Edge::longLink)
            .count());
    long start = System.nanoTime();
    String id =
        diffusion.inject(
            io.swarmgrid.client.diffusion.DiffusionRequest.ofText(
                io.swarmgrid.tasks.workload.WordCount.NAME, text, 50));
    var byDiffusion =
        diffusion.result(
            id, io.swarmgrid.tasks.workload.WordCounts.class, java.time.Duration.ofSeconds(60));
    double diffusionSeconds = (System.nanoTime() - start) / 1e9;
    var p = diffusion.progress(id);
    out.printf(
        "diffusion task %s: energy %.0f, %d chunks agreed by 2 copies each, merged at %s, in %.2f s%n",
        id.substring(0, 11), p.energy(), p.chunksDone(), p.finishedBy(), diffusionSeconds);
    IMap<String, Long> counts = client.hazelcast().getMap("demo.wordcount.jet");
    counts.clear();
    start = System.nanoTime();
    client
        .submit(
            SwarmPipelines.wordCount(SwarmSources.textFiles(data, "*.log"), counts.getName()),
            new JobConfig().setName("demo-wordcount-2"))
        .join();
    double jetSeconds = (System.nanoTime() - start) / 1e9;
    var byJet = new io.swarmgrid.tasks.workload.WordCounts(new java.util.HashMap<>(counts));
    out.printf("jet job: %d distinct words in %.2f s%n", byJet.counts().size(), jetSeconds);
    out.printf(
        "diffusion = Jet: %s (%d words, %d distinct; top: %s)%n",
        byDiffusion.equals(byJet),
        byDiffusion.total(),
        byDiffusion.counts().size(),
        byDiffusion.top(3));
  }

  private void tasks(LocalCluster cluster, SwarmClient client) throws Exception {
    for (com.hazelcast.core.HazelcastInstance m : cluster.running()) {
      waitFor(
          "the balancing engine on every member",
          () -> io.swarmgrid.plugin.balance.BalancingEngine.of(m).isPresent());
      io.swarmgrid.plugin.balance.BalancingEngine.of(m)
          .orElseThrow()
          .registerHandler("word-length", ctx -> String.valueOf(ctx.task().input().length()));
    }
    io.swarmgrid.client.balance.TaskClient tasks = client.tasks();
    try (io.swarmgrid.client.balance.TaskWorker worker =
        tasks.startWorker(
            "demo-worker", java.util.Map.of("resize", ctx -> "resized " + ctx.task().input()), 2)) {
      waitFor(
          "the worker in every member's fleet",
          () ->
              cluster.running().stream()
                  .allMatch(
                      m ->
                          io.swarmgrid.plugin.balance.BalancingEngine.of(m)
                              .orElseThrow()
                              .fleet()
                              .stream()
                              .anyMatch(n -> n.nodeId().equals("demo-worker"))));
      List<String> ids = new java.util.ArrayList<>();
      String[] words = {"swarm", "grid", "hazelcast", "tribuo", "raft", "jet"};
      for (String w : words) {
        ids.add(
            tasks
                .submit(
                    io.swarmgrid.storage.balance.TaskRequest.of("word-length", 5)
                        .onData("word:" + w)
                        .withInput(w))
                .taskId());
      }
      for (int i = 0; i < 4; i++) {
        ids.add(
            tasks
                .submit(
                    io.swarmgrid.storage.balance.TaskRequest.of("resize", 20).withInput("img-" + i))
                .taskId());
      }
      for (String id : ids) {
        io.swarmgrid.storage.balance.Task t = tasks.await(id, java.time.Duration.ofSeconds(30));
        out.printf(
            "  %-12s %-22s on %-12s -> %s %s%n",
            t.type(),
            t.dataKey().isEmpty() ? "(no data key)" : t.dataKey(),
            t.node(),
            t.state(),
            t.result());
      }
      io.swarmgrid.tasks.balance.SubmitReceipt gpu =
          tasks.submit(
              io.swarmgrid.storage.balance.TaskRequest.of("word-length", 5)
                  .requiring(
                      new io.swarmgrid.storage.balance.ResourceRequirements(0, 0, 8, List.of())));
      out.printf("  a task wanting 8 GPUs -> %s: %s%n", gpu.state(), gpu.reason());
      io.swarmgrid.client.balance.TaskStats stats = tasks.stats();
      out.printf(
          "  assignments %d, queue depth %d, worker completed %d, CPU utilization per node %s%n",
          stats.assignments(), stats.queueDepth(), worker.completed(), stats.utilization());
    }
  }
}
