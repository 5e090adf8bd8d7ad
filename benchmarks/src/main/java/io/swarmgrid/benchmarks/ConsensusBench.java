package io.swarmgrid.benchmarks;

import com.hazelcast.cp.IAtomicLong;
import io.swarmgrid.client.ClientNode;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.consensus.ConsensusClient;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.cluster.StartedCluster;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.identity.NodeKeys;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./swarmgrid bench consensus}: whole decisions — propose, five Ed25519-signed votes from
 * five client nodes sent in one call, wait for the decision committed through CP — on 3 members in
 * this JVM, from one client keeping 64 decisions in flight ({@code -Dbench.inFlight=N}) through the
 * asynchronous API, beside raw CP {@code IAtomicLong.incrementAndGetAsync} with as many in flight.
 * Then the same decisions paced at half the measured peak, for the latency a lightly loaded swarm
 * sees. The proposal ids are chosen by the client, so the votes are signed before the timed window,
 * as real voters sign on their own machines. {@code --soak}: 200,000 decisions and the heap after
 * GC before and after, with decisions kept {@value #SOAK_DECISION_TTL} s and what else a decision
 * leaves kept {@value #SOAK_RETENTION} s ({@code -Dbench.decisionTtl}, {@code -Dbench.retention}),
 * so that the heap must come back to where it started.
 */
final class ConsensusBench {
  private static final int VOTERS = 5;
  private static final int IN_FLIGHT = Integer.getInteger("bench.inFlight", 64);
  private static final int SOAK_DECISIONS = Integer.getInteger("bench.soakDecisions", 200_000);
  private static final int SOAK_DECISION_TTL = 60;
  private static final int SOAK_RETENTION = 10;
  private static final int PREPARED_PER_SECOND = Integer.getInteger("bench.preparedPerSecond", 800);

  private ConsensusBench() {}

  /** A decision to make: its request and its votes, signed ahead. */
  private record Prepared(ProposalRequest request, List<Vote> votes) {}

  /**
   * @param target a started cluster of member processes (their CPU is not measured: the CPU figures
   *     are then this client's), or null for 3 members in this JVM
   */
  static String run(boolean quick, boolean soak, StartedCluster target) throws Exception {
    double warmup = quick ? 3 : 5;
    double seconds = quick ? 8 : 30;
    ConsensusConfig consensusConfig =
        soak
            ? ConsensusConfig.custom()
                .decisionTtlSeconds(Integer.getInteger("bench.decisionTtl", SOAK_DECISION_TTL))
                .retentionSeconds(Integer.getInteger("bench.retention", SOAK_RETENTION))
                .build()
            : ConsensusConfig.DEFAULTS;
    try (LocalCluster cluster =
            target != null
                ? null
                : LocalCluster.start(
                    "swarmgrid-bench-consensus",
                    Integer.getInteger("swarmgrid.bench.basePort", 5771),
                    3,
                    i ->
                        SwarmGridConfig.custom()
                            .node(
                                NodeConfig.custom()
                                    .id("bench-" + i)
                                    .keyFile(".swarmgrid/bench-keys/{node-id}.key")
                                    .build())
                            .engines(EnginesConfig.of(Set.of(EngineKind.CONSENSUS)))
                            .consensus(consensusConfig)
                            .build());
        SwarmClient client =
            SwarmClient.connect(
                target != null
                    ? new SwarmClientConfig(target.clusterName(), target.addresses(), 30_000)
                    : SwarmClientConfig.of(
                        "swarmgrid-bench-consensus", cluster.addresses().toArray(String[]::new)))) {
      List<ClientNode> voters = new ArrayList<>();
      for (int i = 0; i < VOTERS; i++) {
        voters.add(
            client.joinAsNode(
                "bench-voter-" + i, NodeKeys.generate(), "default", NodeTier.EDGE, List.of()));
      }
      ConsensusClient consensus = client.consensus();
      // Registers the client's one decision listener now, not inside a continuation.
      consensus.removeDecisionListener(consensus.addDecisionListener(d -> {}));
      // The first Compact Vote this client writes, and the first Decision it reads, exchange their
      // schemas with the cluster in a blocking call: one whole decision here, from main, so that no
      // continuation on a response thread makes that call (it never gets its answer there).
      Prepared warmUp = prepare(consensus, voters);
      consensus.propose(warmUp.request());
      var warmDecision = consensus.awaitDecision(warmUp.request().id());
      for (Vote v : warmUp.votes()) {
        consensus.submit(v);
      }
      warmDecision.get(60, java.util.concurrent.TimeUnit.SECONDS);
      AtomicLong notApproved = new AtomicLong();
      if (soak) {
        return soak(consensus, voters, notApproved, consensusConfig);
      }
      ConcurrentLinkedQueue<Prepared> ahead = new ConcurrentLinkedQueue<>();
      InFlightRun.AsyncOp decision =
          i -> decide(consensus, next(ahead, consensus, voters), notApproved);
      System.err.printf(
          "consensus: %d decisions in flight, %d signed voters per proposal, %.0f s per run%n",
          IN_FLIGHT, VOTERS, seconds);
      // Enough for the whole run at a rate well above what this machine makes: no vote is signed
      // inside the timed window (the CPU per decision counts the members' work, not the voters').
      prepare(ahead, consensus, voters, (int) ((warmup + seconds) * PREPARED_PER_SECOND));
      InFlightRun.Result peak = InFlightRun.run("decisions", IN_FLIGHT, warmup, seconds, decision);
      IAtomicLong counter = client.hazelcast().getCPSubsystem().getAtomicLong("bench.raw-counter");
      InFlightRun.Result raw =
          InFlightRun.run(
              "cp-increment", IN_FLIGHT, warmup, seconds, i -> counter.incrementAndGetAsync());
      // -Dbench.pacedRate pins the paced run's rate, so that two builds of different peaks are
      // compared at the same load.
      double halfRate =
          Double.parseDouble(
              System.getProperty(
                  "bench.pacedRate", String.valueOf(peak.load().opsPerSecond() / 2)));
      ahead.clear();
      prepare(ahead, consensus, voters, (int) Math.ceil(halfRate * (warmup + seconds)) + IN_FLIGHT);
      STEPS.clear();
      recordSteps = true;
      InFlightRun.Result half;
      long halfGcs;
      long halfGcMax;
      try (GcPauses gc = new GcPauses()) {
        half =
            InFlightRun.run(
                "decisions-at-half-peak", IN_FLIGHT, halfRate, warmup, seconds, decision);
        halfGcs = gc.count();
        halfGcMax = gc.longestMillis();
      } finally {
        recordSteps = false;
      }
      System.err.printf(
          "  half peak, p99 of each step: propose %.2f ms, votes %.2f ms, commit and event %.2f ms;"
              + " %d GC pauses, longest %d ms (warm-up included)%n",
          stepP99(Step::proposeNanos),
          stepP99(Step::voteNanos),
          stepP99(Step::commitNanos),
          halfGcs,
          halfGcMax,
          SIGNED_IN_WINDOW.get());
      for (InFlightRun.Result r : List.of(peak, raw, half)) {
        System.err.printf(
            "  %-24s %8.0f ops/s  p50 %.2f ms  p99 %.2f ms  cpu %.0f us/op%n",
            r.load().name(),
            r.load().opsPerSecond(),
            r.load().p50Millis(),
            r.load().p99Millis(),
            r.cpuMicrosPerOp());
      }
      return String.format(
          "BENCH consensus members=%s cpu_of=%s ops_per_s=%.0f baseline_ops_per_s=%.0f ratio=%.2f p50_ms=%.2f p99_ms=%.2f"
              + " peak_p50_ms=%.2f peak_p99_ms=%.2f half_peak_rate=%.0f cpu_us_per_decision=%.0f"
              + " baseline_cpu_us_per_op=%.0f in_flight=%d voters=%d seconds=%.0f not_approved=%d"
              + " half_peak_gc_pauses=%d half_peak_gc_max_ms=%d signed_in_window=%d",
          target != null ? target.members() + "-processes" : "3-in-process",
          target != null ? "client" : "members+client",
          peak.load().opsPerSecond(),
          raw.load().opsPerSecond(),
          peak.load().opsPerSecond() / raw.load().opsPerSecond(),
          half.load().p50Millis(),
          half.load().p99Millis(),
          peak.load().p50Millis(),
          peak.load().p99Millis(),
          halfRate,
          peak.cpuMicrosPerOp(),
          raw.cpuMicrosPerOp(),
          IN_FLIGHT,
          VOTERS,
          seconds,
          notApproved.get(),
          halfGcs,
          halfGcMax,
          SIGNED_IN_WINDOW.get());
    }
  }

  private static String soak(
      ConsensusClient consensus,
      List<ClientNode> voters,
      AtomicLong notApproved,
      ConsensusConfig config)
      throws Exception {
    double heapStart = heapAfterGcMb();
    AtomicLong started = new AtomicLong();
    long t0 = System.nanoTime();
    // Runs until SOAK_DECISIONS have been started; votes signed as they go (memory, not speed).
    java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(IN_FLIGHT);
    AtomicLong failed = new AtomicLong();
    for (long i = 0; i < SOAK_DECISIONS; i++) {
      slots.acquire();
      started.incrementAndGet();
      decide(consensus, prepare(consensus, voters), notApproved)
          .whenComplete(
              (r, e) -> {
                if (e != null) {
                  failed.incrementAndGet();
                }
                slots.release();
              });
      if (i % 20_000 == 0) {
        // After GC: the heap's plateau (or growth) is what a soak is for.
        System.err.printf(
            "  soak: %d decisions started, heap after GC %.0f MB%n", i, heapAfterGcMb());
      }
    }
    slots.acquire(IN_FLIGHT);
    double took = (System.nanoTime() - t0) / 1e9;
    double heapEnd = heapAfterGcMb();
    // What is still kept at the end: the decisions of the last decision-ttl seconds (and their
    // compacted tallies and proposals for the last retention seconds), over what was made then.
    double keptWindow = Math.min(took, config.decisionTtlSeconds());
    double keptDecisions = started.get() / took * keptWindow;
    return String.format(
        "BENCH consensus-soak decisions=%d failed=%d not_approved=%d seconds=%.0f ops_per_s=%.0f"
            + " heap_start_mb=%.0f heap_end_mb=%.0f growth_bytes_per_decision=%.0f"
            + " kept_bytes_per_live_decision=%.0f decision_ttl_s=%d retention_s=%d in_flight=%d",
        started.get(),
        failed.get(),
        notApproved.get(),
        took,
        started.get() / took,
        heapStart,
        heapEnd,
        (heapEnd - heapStart) * 1e6 / started.get(),
        (heapEnd - heapStart) * 1e6 / keptDecisions,
        config.decisionTtlSeconds(),
        config.retentionAfterCommitSeconds(),
        IN_FLIGHT);
  }

  /** Where each unfinished decision is (printed if a run cannot finish). */
  static final java.util.Map<String, String> STAGES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * How long one decision spent in each step: the proposal's answer, the votes' receipts, and from
   * the receipts to the committed decision's event.
   */
  private record Step(long proposeNanos, long voteNanos, long commitNanos) {}

  /** When one decision's steps ended (set by its continuations, read by the last one). */
  private static final class StepClock {
    private final long start = System.nanoTime();
    private volatile long proposed;
    private volatile long voted;

    Step done() {
      return new Step(proposed - start, voted - proposed, System.nanoTime() - voted);
    }
  }

  /** Decisions whose votes had to be signed inside a timed run (none prepared was left). */
  private static final AtomicLong SIGNED_IN_WINDOW = new AtomicLong();

  private static final ConcurrentLinkedQueue<Step> STEPS = new ConcurrentLinkedQueue<>();
  private static volatile boolean recordSteps;

  private static double stepP99(java.util.function.ToLongFunction<Step> step) {
    long[] sorted = STEPS.stream().mapToLong(step).sorted().toArray();
    return LoadRun.percentile(sorted, 0.99);
  }

  private static CompletionStage<?> decide(
      ConsensusClient consensus, Prepared p, AtomicLong notApproved) {
    String id = p.request().id();
    STAGES.put(id, "propose");
    StepClock clock = new StepClock();
    return consensus
        .proposeAsync(p.request())
        .thenCompose(
            proposal -> {
              clock.proposed = System.nanoTime();
              STAGES.put(id, "vote");
              var decided = consensus.awaitDecision(proposal.id());
              decided.thenRun(() -> STAGES.remove(id));
              return consensus
                  .submitAllAsync(p.votes())
                  .thenCompose(
                      receipts -> {
                        clock.voted = System.nanoTime();
                        // A constant: formatting the receipts here cost CPU inside the window.
                        STAGES.computeIfPresent(id, (k, v) -> "await");
                        return decided;
                      });
            })
        .thenAccept(
            d -> {
              if (recordSteps) {
                STEPS.add(clock.done());
              }
              if (!d.approved()) {
                notApproved.incrementAndGet();
              }
            });
  }

  private static Prepared next(
      ConcurrentLinkedQueue<Prepared> ahead, ConsensusClient consensus, List<ClientNode> voters) {
    Prepared p = ahead.poll();
    if (p != null) {
      return p;
    }
    SIGNED_IN_WINDOW.incrementAndGet();
    return prepare(consensus, voters);
  }

  private static void prepare(
      ConcurrentLinkedQueue<Prepared> ahead,
      ConsensusClient consensus,
      List<ClientNode> voters,
      int count) {
    // Signed on every core: a full run prepares tens of thousands of decisions.
    java.util.stream.IntStream.range(0, count)
        .parallel()
        .mapToObj(i -> prepare(consensus, voters))
        .forEach(ahead::add);
  }

  private static Prepared prepare(ConsensusClient consensus, List<ClientNode> voters) {
    List<String> electorate = voters.stream().map(ClientNode::nodeId).toList();
    ProposalRequest request =
        ProposalRequest.builder("bench-voter-0", DecisionType.TASK_ASSIGNMENT)
            .id("bench-" + UUID.randomUUID())
            .electorate(electorate)
            .deadlineIn(Duration.ofSeconds(120))
            .features(0.5, 0.5)
            .build();
    List<Vote> votes = new ArrayList<>();
    for (ClientNode v : voters) {
      votes.add(consensus.sign(v, request.id(), Proposal.APPROVE, 0.9, 0.1));
    }
    return new Prepared(request, votes);
  }

  private static double heapAfterGcMb() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return heapUsedMb();
  }

  private static double heapUsedMb() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
  }
}
