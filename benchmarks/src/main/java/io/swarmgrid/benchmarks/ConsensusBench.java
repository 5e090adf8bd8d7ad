package io.swarmgrid.benchmarks;

import com.hazelcast.cp.IAtomicLong;
import io.swarmgrid.client.ClientNode;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.consensus.ConsensusClient;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.identity.NodeKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./swarmgrid bench consensus}: whole decisions — propose, five Ed25519-signed votes from
 * five client nodes, wait for the decision committed through CP — on 3 members in this JVM, from
 * one client, beside raw CP {@code IAtomicLong.incrementAndGet} at the same concurrency. Then the
 * same decisions paced at half the measured peak, for the latency a lightly loaded swarm sees.
 */
final class ConsensusBench {
  private static final int VOTERS = 5;

  private ConsensusBench() {}

  static String run(boolean quick) throws Exception {
    int threads = 8;
    double warmup = quick ? 3 : 5;
    double seconds = quick ? 8 : 30;
    try (LocalCluster cluster =
            LocalCluster.start(
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
                        .build());
        SwarmClient client =
            SwarmClient.connect(
                SwarmClientConfig.of(
                    "swarmgrid-bench-consensus", cluster.addresses().toArray(String[]::new)))) {
      List<ClientNode> voters = new ArrayList<>();
      for (int i = 0; i < VOTERS; i++) {
        voters.add(
            client.joinAsNode(
                "bench-voter-" + i, NodeKeys.generate(), "default", NodeTier.EDGE, List.of()));
      }
      List<String> electorate = voters.stream().map(ClientNode::nodeId).toList();
      ConsensusClient consensus = client.consensus();
      AtomicLong notDecided = new AtomicLong();
      LoadRun.Op decision =
          (t, i) -> {
            Proposal p =
                consensus.propose(
                    ProposalRequest.builder("bench-voter-0", DecisionType.TASK_ASSIGNMENT)
                        .electorate(electorate)
                        .deadlineIn(Duration.ofSeconds(60))
                        .features(0.5, 0.5)
                        .build());
            var future = consensus.awaitDecision(p.id());
            for (ClientNode v : voters) {
              if (!consensus.vote(v, p.id(), Proposal.APPROVE, 0.9, 0.1).counted()) {
                break; // quorum reached; the rest would be refused as already decided
              }
            }
            Decision d = future.get(30, TimeUnit.SECONDS);
            if (!d.approved()) {
              notDecided.incrementAndGet();
            }
          };
      System.err.printf(
          "consensus: %d threads, %d signed voters per proposal, %.0f s per run%n",
          threads, VOTERS, seconds);
      LoadRun.Result peak = LoadRun.run("decisions", threads, warmup, seconds, decision);
      IAtomicLong counter = client.hazelcast().getCPSubsystem().getAtomicLong("bench.raw-counter");
      LoadRun.Result raw =
          LoadRun.run(
              "cp-increment", threads, warmup, seconds, (t, i) -> counter.incrementAndGet());
      double halfRate = peak.opsPerSecond() / 2;
      LoadRun.Result half =
          LoadRun.paced("decisions-at-half-peak", threads, halfRate, warmup, seconds, decision);
      for (LoadRun.Result r : List.of(peak, raw, half)) {
        System.err.printf(
            "  %-24s %8.0f ops/s  p50 %.2f ms  p99 %.2f ms%n",
            r.name(), r.opsPerSecond(), r.p50Millis(), r.p99Millis());
      }
      return String.format(
          "BENCH consensus ops_per_s=%.0f baseline_ops_per_s=%.0f ratio=%.2f p50_ms=%.2f p99_ms=%.2f"
              + " peak_p50_ms=%.2f peak_p99_ms=%.2f half_peak_rate=%.0f voters=%d threads=%d seconds=%.0f not_approved=%d",
          peak.opsPerSecond(),
          raw.opsPerSecond(),
          peak.opsPerSecond() / raw.opsPerSecond(),
          half.p50Millis(),
          half.p99Millis(),
          peak.p50Millis(),
          peak.p99Millis(),
          halfRate,
          VOTERS,
          threads,
          seconds,
          notDecided.get());
    }
  }
}
