package io.swarmgrid.benchmarks;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.recovery.RecoveryEvent;
import io.swarmgrid.storage.work.WorkStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code ./swarmgrid bench recovery}: 3 members in this JVM with the fault engine (grace period 0);
 * 10,000 in-flight work items spread evenly over their nodes; one member holding ~1/3 of them is
 * killed ({@code terminate()}: no hand-off, no goodbye), and we measure detection (kill to the
 * membership event) and re-assignment (membership event to the last item moved), then count items
 * lost (missing, or still owned by the dead node). A fresh member replaces the dead one before the
 * next round. 10 rounds ({@code --quick}: 3).
 */
final class RecoveryBench {
  private static final int ITEMS = 10_000;

  private RecoveryBench() {}

  static String run(boolean quick) throws Exception {
    int rounds = quick ? 3 : 10;
    int basePort = Integer.getInteger("swarmgrid.bench.basePort", 5761);
    List<Long> detect = new ArrayList<>();
    List<Long> reassign = new ArrayList<>();
    long lost = 0;
    try (LocalCluster cluster =
            LocalCluster.start("swarmgrid-bench-recovery", basePort, 3, i -> config("rb-" + i));
        SwarmClient client =
            SwarmClient.connect(
                SwarmClientConfig.of(
                    "swarmgrid-bench-recovery", cluster.addresses().toArray(String[]::new)))) {
      WorkStore work = client.fault().work();
      waitFor(() -> client.activeNodes().size() == 3, "3 active nodes");
      for (int round = 1; round <= rounds; round++) {
        if (cluster.running().size() < 3) {
          cluster.addMember(config("rb-r" + round));
          waitFor(() -> client.activeNodes().size() == 3, "a replacement node");
        }
        client.hazelcast().getMap("swarm.work").clear();
        List<HazelcastInstance> running = cluster.running();
        List<String> nodes =
            running.stream()
                .map(m -> SwarmGrid.node(m).map(SwarmNode::nodeId).orElseThrow())
                .toList();
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
        long held = work.load(victimNode);
        long killedAt = System.currentTimeMillis();
        cluster.kill(victim);
        RecoveryEvent event = waitForEvent(client, victimNode);
        long detectMs = event.detectedAt() - killedAt;
        long reassignMs = event.detectToLastReassignMillis();
        long missing = ITEMS - work.size() + work.load(victimNode);
        detect.add(detectMs);
        reassign.add(reassignMs);
        lost += missing;
        System.err.printf(
            "round %2d: killed %s holding %d items: detected in %d ms, %d re-assigned %d ms after detection (%s), lost %d%n",
            round,
            victimNode,
            held,
            detectMs,
            event.itemsReassigned(),
            reassignMs,
            String.join(" ", event.targets()),
            missing);
      }
    }
    return String.format(
        "BENCH recovery detect_p50_ms=%d detect_p99_ms=%d reassign_p50_ms=%d reassign_p99_ms=%d lost=%d items=%d rounds=%d",
        percentile(detect, 50),
        percentile(detect, 99),
        percentile(reassign, 50),
        percentile(reassign, 99),
        lost,
        ITEMS,
        rounds);
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
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.FAULT)))
        .fault(fault)
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
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
