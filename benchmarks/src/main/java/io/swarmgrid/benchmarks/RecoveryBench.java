package io.swarmgrid.benchmarks;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.CPMember;
import io.swarmgrid.client.ClientNode;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.config.CpConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.consensus.ConsensusEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.plugin.hazelcast.CpRaftNodes;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.recovery.RecoveryEvent;
import io.swarmgrid.storage.work.WorkItems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * {@code ./swarmgrid bench recovery}: 3 members in this JVM with the fault and consensus engines
 * (grace period 0; all three are CP members); 10,000 in-flight work items spread evenly over their
 * nodes; one member holding ~1/3 of them is killed ({@code terminate()}: no hand-off, no goodbye),
 * and we measure detection (kill to the membership event) and re-assignment (membership event to
 * the last item moved), count items lost (missing, or still owned by the dead node), and commit a
 * consensus decision with the CP group one member short. Then a fresh member replaces it; the lost
 * member is removed from CP ({@code consensus.cp.missing-member-removal}: 5 s here, and only once a
 * member outside CP can take its seat) and the newcomer promoted; the round ends when the CP group
 * is back to three with its Raft nodes caught up. 10 rounds ({@code --quick}: 3). A round that
 * fails is counted, never the end of the bench.
 */
final class RecoveryBench {
  private static final int ITEMS = 10_000;
  private static final int CP_SIZE = 3;

  private RecoveryBench() {}

  static String run(boolean quick) throws Exception {
    int rounds = quick ? 3 : 10;
    int basePort = Integer.getInteger("swarmgrid.bench.basePort", 5761);
    List<Long> detect = new ArrayList<>();
    List<Long> reassign = new ArrayList<>();
    long lost = 0;
    int completed = 0;
    int decisionsFailed = 0;
    int cpMin = Integer.MAX_VALUE;
    try (LocalCluster cluster =
            LocalCluster.start("swarmgrid-bench-recovery", basePort, 3, i -> config("rb-" + i));
        SwarmClient client =
            SwarmClient.connect(
                SwarmClientConfig.of(
                    "swarmgrid-bench-recovery", cluster.addresses().toArray(String[]::new)))) {
      WorkItems work = client.fault().work();
      waitFor(() -> client.activeNodes().size() == 3, "3 active nodes");
      // Killing a member before the CP Subsystem has formed leaves it unable to form at all.
      waitFor(
          () ->
              cluster.running().stream()
                  .allMatch(m -> SwarmGrid.service(m, ConsensusEngine.class).orElseThrow().ready()),
          "CP discovery");
      List<ClientNode> voters = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        voters.add(
            client.joinAsNode(
                "rb-voter-" + i, NodeKeys.generate(), "default", NodeTier.EDGE, List.of()));
      }
      for (int round = 1; round <= rounds; round++) {
        try {
          Round r = runRound(cluster, client, work, voters, round, detect, reassign);
          lost += r.lost();
          if (!r.decided()) {
            decisionsFailed++;
          }
          int cp = healed(cluster, round);
          cpMin = Math.min(cpMin, cp);
          completed++;
        } catch (RuntimeException e) {
          System.err.printf("round %2d failed: %s%n", round, e);
          cpMin = Math.min(cpMin, cpSize(cluster));
        }
      }
    }
    return String.format(
        "BENCH recovery detect_p50_ms=%d detect_p99_ms=%d reassign_p50_ms=%d reassign_p99_ms=%d lost=%d items=%d rounds=%d rounds_completed=%d decisions_failed=%d cp_members_min=%d",
        percentile(detect, 50),
        percentile(detect, 99),
        percentile(reassign, 50),
        percentile(reassign, 99),
        lost,
        ITEMS,
        rounds,
        completed,
        decisionsFailed,
        cpMin == Integer.MAX_VALUE ? 0 : cpMin);
  }

  /** What one round found: items lost, and whether the decision after the kill was committed. */
  private record Round(long lost, boolean decided) {}

  private static Round runRound(
      LocalCluster cluster,
      SwarmClient client,
      WorkItems work,
      List<ClientNode> voters,
      int round,
      List<Long> detect,
      List<Long> reassign)
      throws InterruptedException {
    client.hazelcast().getMap("swarm.work").clear();
    List<HazelcastInstance> running = cluster.running();
    List<String> nodes =
        running.stream().map(m -> SwarmGrid.node(m).map(SwarmNode::nodeId).orElseThrow()).toList();
    long now = System.currentTimeMillis();
    for (int n = 0; n < nodes.size(); n++) {
      int node = n;
      List<String> ids =
          IntStream.range(0, ITEMS)
              .filter(i -> i % nodes.size() == node)
              .mapToObj(i -> "item-" + i)
              .toList();
      work.createAll(ids, "task", nodes.get(n), now);
    }
    // Not the oldest member: it coordinates recovery (killing it works too, its successor takes
    // over).
    HazelcastInstance victim = running.get(1 + (round % (running.size() - 1)));
    String victimNode = SwarmGrid.node(victim).map(SwarmNode::nodeId).orElseThrow();
    // By CP UUID: a promoted member's is not its member UUID, and a replacement may get its port.
    UUID victimCp = victim.getCPSubsystem().getLocalCPMember().getUuid();
    long held = work.load(victimNode);
    long killedAt = System.currentTimeMillis();
    cluster.kill(victim);
    RecoveryEvent event = waitForEvent(client, victimNode);
    long detectMs = event.detectedAt() - killedAt;
    long reassignMs = event.detectToLastReassignMillis();
    long missing = ITEMS - work.size() + work.load(victimNode);
    detect.add(detectMs);
    reassign.add(reassignMs);
    long decisionMs = decide(client, voters, round);
    boolean decided = decisionMs >= 0;
    System.err.printf(
        "round %2d: killed %s holding %d items: detected in %d ms, %d re-assigned %d ms after detection (%s), lost %d; decision after the kill %s%n",
        round,
        victimNode,
        held,
        detectMs,
        event.itemsReassigned(),
        reassignMs,
        String.join(" ", event.targets()),
        missing,
        decided ? "committed in " + decisionMs + " ms" : "FAILED");
    // The lost member leaves the CP group once a member outside CP can take its seat: the
    // replacement.
    cluster.addMember(config("rb-r" + round));
    waitFor(
        () -> cpMembers(cluster).stream().noneMatch(m -> m.getUuid().equals(victimCp)),
        "the lost member's removal from CP");
    waitFor(
        () ->
            client.activeNodes().stream().filter(n -> !n.nodeId().startsWith("rb-voter-")).count()
                == 3,
        "a replacement node");
    return new Round(missing, decided);
  }

  /** A decision proposed and voted after the kill; its time in ms, or -1 if it failed. */
  private static long decide(SwarmClient client, List<ClientNode> voters, int round) {
    long start = System.currentTimeMillis();
    try {
      Proposal p =
          client
              .consensus()
              .propose(
                  ProposalRequest.builder(voters.get(0).nodeId(), DecisionType.OTHER)
                      .electorate(voters.stream().map(ClientNode::nodeId).toList())
                      .deadlineIn(Duration.ofMinutes(2))
                      .build());
      for (ClientNode v : voters) {
        client.consensus().vote(v, p.id(), Proposal.APPROVE, 1.0);
      }
      Decision d = client.consensus().awaitDecision(p.id()).get(90, TimeUnit.SECONDS);
      return d.approved() ? System.currentTimeMillis() - start : -1;
    } catch (Exception e) {
      System.err.printf("round %2d: the decision failed: %s%n", round, e);
      return -1;
    }
  }

  /** Waits until the CP group is back to its size with caught-up Raft nodes; returns its size. */
  private static int healed(LocalCluster cluster, int round) throws InterruptedException {
    waitFor(
        () ->
            cpSize(cluster) == CP_SIZE
                && cluster.running().stream()
                    .filter(m -> m.getCPSubsystem().getLocalCPMember() != null)
                    .allMatch(m -> CpRaftNodes.settled(m, 2, CP_SIZE)),
        "the CP group back to " + CP_SIZE + " in round " + round);
    return cpSize(cluster);
  }

  private static int cpSize(LocalCluster cluster) {
    try {
      return cpMembers(cluster).size();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static Collection<CPMember> cpMembers(LocalCluster cluster) {
    try {
      return cluster
          .running()
          .get(0)
          .getCPSubsystem()
          .getCPSubsystemManagementService()
          .getCPMembers()
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("CP members not known: " + e, e);
    }
  }

  private static SwarmGridConfig config(String id) {
    FaultConfig fault = FaultConfig.custom().recoveryGraceSeconds(0).maxWorkItems(100_000).build();
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id(id)
                .heartbeatSeconds(1)
                .keyFile(".swarmgrid/bench-keys/{node-id}.key")
                .build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.FAULT, EngineKind.CONSENSUS)))
        .fault(fault)
        .consensus(ConsensusConfig.custom().cp(new CpConfig(5)).build())
        .build();
  }

  private static RecoveryEvent waitForEvent(SwarmClient client, String node)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      Optional<RecoveryEvent> e =
          client.fault().recoveryEvents().stream()
              .filter(r -> r.lostNode().equals(node))
              .findFirst();
      if (e.isPresent()) {
        return e.get();
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("no recovery event for " + node + " within 120 s");
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (!holds(condition)) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  private static boolean holds(java.util.function.BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (RuntimeException e) {
      return false; // CP or a member busy recovering: ask again
    }
  }

  private static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
