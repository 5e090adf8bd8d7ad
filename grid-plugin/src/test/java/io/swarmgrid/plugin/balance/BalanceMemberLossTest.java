package io.swarmgrid.plugin.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member killed while its node runs tasks: they go back to the queue and finish on the others,
 * once.
 */
class BalanceMemberLossTest {
  @TempDir static Path keys;

  static final CountDownLatch GATE = new CountDownLatch(1);

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep("swarm.nodes", "swarm.tasks")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("n" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.BALANCE)))
                          // Skew threshold 1000: no rebalancing moves tasks between the snapshot
                          // and the kill.
                          .balance(
                              BalanceConfig.custom()
                                  .strategy("least-connections")
                                  .speedWeight(1.0)
                                  .costWeight(0.0)
                                  .reliabilityWeight(0.0)
                                  .affinityWeight(10.0)
                                  .skewThreshold(1_000)
                                  .maxTasks(10_000)
                                  .maxEstimateMillis(60_000)
                                  .sweepMillis(100)
                                  .workerTimeoutMillis(2_000)
                                  .build())
                          .build()));

  @Test
  void when_memberIsKilledRunningTasks_then_theyAreRequeued_andFinishOnTheOthers() {
    for (int i = 0; i < 3; i++) {
      HazelcastInstance m = cluster.member(i);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> SwarmGrid.service(m, BalanceEngine.class).isPresent());
      String uuid = m.getCluster().getLocalMember().getUuid().toString();
      SwarmGrid.service(m, BalanceEngine.class)
          .orElseThrow()
          .registerHandler(
              "hold",
              ctx -> {
                GATE.await();
                return uuid;
              });
    }
    LoadBalancer lb = SwarmGrid.service(cluster.member(0), BalanceEngine.class).orElseThrow();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(lb.submit(TaskRequest.of("hold", 10).onData("data-" + i)).taskId());
    }
    // Each member runs as many at once as its runner has threads; the rest wait assigned to its
    // node.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ids.stream()
                    .map(id -> lb.status(id).orElseThrow())
                    .filter(t -> t.node().equals("n2"))
                    .anyMatch(t -> t.state() == TaskState.RUNNING));
    List<String> onVictim =
        ids.stream().filter(id -> lb.status(id).orElseThrow().node().equals("n2")).toList();
    assertThat(onVictim)
        .as("affinity spreads the 12 data keys over all three members")
        .isNotEmpty();
    String victimUuid = cluster.member(2).getCluster().getLocalMember().getUuid().toString();

    cluster.member(2).getLifecycleService().terminate();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                onVictim.stream()
                    .allMatch(id -> lb.status(id).orElseThrow().node().matches("n[01]")));
    GATE.countDown();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ids.stream().allMatch(id -> lb.status(id).orElseThrow().state() == TaskState.DONE));
    for (String id : ids) {
      Task t = lb.status(id).orElseThrow();
      assertThat(t.result()).isNotEqualTo(victimUuid);
      if (onVictim.contains(id)) {
        assertThat(t.node()).isIn("n0", "n1");
        assertThat(t.epoch()).isEqualTo(3).as("assigned, re-queued, assigned again");
        assertThat(t.attempts()).isBetween(1, 2);
      } else {
        assertThat(t.epoch()).isEqualTo(1);
        assertThat(t.attempts()).isEqualTo(1);
      }
    }
    assertThat(
            SwarmGrid.service(cluster.member(0), BalanceEngine.class)
                    .orElseThrow()
                    .stats()
                    .requeued()
                + SwarmGrid.service(cluster.member(1), BalanceEngine.class)
                    .orElseThrow()
                    .stats()
                    .requeued())
        .isEqualTo(onVictim.size());

    // Metrics: assignments counted, one utilization row per live node (the lost one dropped).
    io.micrometer.core.instrument.MeterRegistry meters =
        SwarmGrid.node(cluster.member(0)).orElseThrow().meters();
    assertThat(meters.find("swarmgrid.balance.assignments").functionCounter().count()).isPositive();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                meters.find("swarmgrid.balance.node.utilization").gauges().stream()
                    .map(g -> g.getId().getTag("node"))
                    .sorted()
                    .toList()
                    .equals(List.of("n0", "n1")));
  }
}
