package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.client.balance.BalanceClient;
import io.swarmgrid.client.balance.TaskStats;
import io.swarmgrid.client.balance.TaskWorker;
import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.balance.BalanceEngine;
import io.swarmgrid.plugin.balance.NodeView;
import io.swarmgrid.storage.balance.ResourceRequirements;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.balance.MemberStats;
import io.swarmgrid.tasks.balance.SubmitReceipt;
import io.swarmgrid.tasks.balance.TaskHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SwarmClient.balance() against three members running the balancing engine, with member handlers
 * and client workers.
 */
class BalanceClientTest {
  @TempDir static Path keys;

  static final CountDownLatch NEVER = new CountDownLatch(1);

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep("swarm.nodes", "swarm.tasks", "swarm.reputation")
          .allowJavaSerialized(BalanceClientTest.class) // a lambda to ReputationStore.update
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("m" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.BALANCE)))
                          .balance(balance())
                          .build()));

  static SwarmClient client;
  static BalanceClient tasks;

  static BalanceConfig balance() {
    // Least connections, data affinity outweighing it, quick sweeps, workers lost after 2 s without
    // heartbeat.
    return BalanceConfig.custom()
        .strategy("least-connections")
        .speedWeight(1.0)
        .costWeight(0.0)
        .reliabilityWeight(0.0)
        .affinityWeight(10.0)
        .maxTasks(10_000)
        .maxEstimateMillis(60_000)
        .sweepMillis(100)
        .workerTimeoutMillis(2_000)
        .build();
  }

  @BeforeAll
  static void connect() {
    client =
        SwarmClient.connect(
            new SwarmClientConfig(
                cluster.clusterName(),
                cluster.clientConfig().getNetworkConfig().getAddresses(),
                30_000));
    tasks = client.balance();
    for (int i = 0; i < 3; i++) {
      HazelcastInstance m = cluster.member(i);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> SwarmGrid.service(m, BalanceEngine.class).isPresent());
      BalanceEngine e = SwarmGrid.service(m, BalanceEngine.class).orElseThrow();
      String uuid = m.getCluster().getLocalMember().getUuid().toString();
      e.registerHandler("echo", ctx -> ctx.task().input() + "|" + uuid);
      e.registerHandler(
          "hold",
          ctx -> {
            NEVER.await();
            return "never";
          });
    }
  }

  @AfterAll
  static void close() {
    NEVER.countDown();
    client.close();
  }

  static Task done(String id) throws Exception {
    return tasks.await(id, Duration.ofSeconds(30));
  }

  @Test
  void memberTasks_runOnTheOwnerOfTheirDataKey_andBadInputIsRefused() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String key = "doc-" + i;
      SubmitReceipt r = tasks.submit(TaskRequest.of("echo", 5).onData(key).withInput(key));
      assertThat(r.state()).isEqualTo("ASSIGNED");
      ids.add(r.taskId());
    }
    for (String id : ids) {
      Task t = done(id);
      assertThat(t.state()).isEqualTo(TaskState.DONE);
      String owner =
          cluster
              .member(0)
              .getPartitionService()
              .getPartition(t.dataKey())
              .getOwner()
              .getUuid()
              .toString();
      assertThat(t.result()).isEqualTo(t.dataKey() + "|" + owner);
      NodeInfo ran = client.node(t.node()).orElseThrow();
      assertThat(ran.memberUuid()).isEqualTo(owner);
      assertThat(t.attempts()).isEqualTo(1);
      assertThat(t.startedAt()).isGreaterThanOrEqualTo(t.assignedAt());
    }

    int held = client.hazelcast().getMap("swarm.tasks").size();
    assertThatThrownBy(() -> tasks.submit(TaskRequest.of("echo", -1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("estimatedMillis: -1");
    assertThatThrownBy(() -> tasks.submit(TaskRequest.of("echo", 3_600_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("estimatedMillis: 3600000")
        .hasMessageContaining("balance.max-estimate-millis");
    assertThatThrownBy(() -> tasks.cancel("no-such-task"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskId: 'no-such-task'");
    assertThatThrownBy(() -> tasks.await("no-such-task", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(client.hazelcast().getMap("swarm.tasks").size()).isEqualTo(held);

    // Requirements no node meets: unschedulable at once, with the reason.
    SubmitReceipt gpu =
        tasks.submit(
            TaskRequest.of("echo", 5).requiring(new ResourceRequirements(0, 0, 64, List.of())));
    assertThat(gpu.state()).isEqualTo("UNSCHEDULABLE");
    assertThat(gpu.reason())
        .contains("requirements.gpus", "64 wanted", "the most any active node offers is 0");
    Task stuck = done(gpu.taskId());
    assertThat(stuck.state()).isEqualTo(TaskState.UNSCHEDULABLE);
    assertThat(stuck.reason()).contains("requirements.gpus");

    // Cancel a running task; a second cancel changes nothing.
    SubmitReceipt hold = tasks.submit(TaskRequest.of("hold", 5).onData("doc-1"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tasks.status(hold.taskId()).orElseThrow().state() == TaskState.RUNNING);
    assertThat(tasks.cancel(hold.taskId())).isEqualTo(TaskState.RUNNING);
    assertThat(done(hold.taskId()).state()).isEqualTo(TaskState.CANCELLED);
    assertThat(tasks.cancel(hold.taskId())).isEqualTo(TaskState.CANCELLED);

    TaskStats stats = tasks.stats();
    assertThat(stats.members()).hasSize(3);
    assertThat(stats.assignments()).isGreaterThanOrEqualTo(31);
    assertThat(stats.utilization()).containsKeys("m0", "m1", "m2");
  }

  @Test
  void quarantinedWorkers_getNothing_andWorkersRunTheRest() throws Exception {
    TaskHandler job =
        ctx -> {
          ctx.progress(0.5);
          return "by " + ctx.nodeId();
        };
    try (TaskWorker good = tasks.startWorker("w-good", Map.of("job", job), 4);
        TaskWorker bad = tasks.startWorker("w-bad", Map.of("job", job), 4)) {
      ReputationStore reps = new ReputationStore(cluster.member(0));
      reps.update(
          "w-bad",
          r ->
              new Reputation(
                  r.nodeId(),
                  0.1,
                  r.successes(),
                  r.failures(),
                  r.evidenceCount(),
                  System.currentTimeMillis(),
                  r.timeouts(),
                  r.wrongVotes(),
                  true));
      for (int i = 0; i < 3; i++) {
        HazelcastInstance m = cluster.member(i);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  List<String> fleet =
                      SwarmGrid.service(m, BalanceEngine.class).orElseThrow().fleet().stream()
                          .map(NodeView::nodeId)
                          .toList();
                  return fleet.contains("w-good") && !fleet.contains("w-bad");
                });
      }
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        ids.add(tasks.submit(TaskRequest.of("job", 5).onData("j-" + i)).taskId());
      }
      for (String id : ids) {
        Task t = done(id);
        assertThat(t.state()).isEqualTo(TaskState.DONE);
        assertThat(t.node()).isEqualTo("w-good");
        assertThat(t.result()).isEqualTo("by w-good");
      }
      assertThat(good.completed()).isEqualTo(20);
      assertThat(bad.completed()).isZero();
    }
  }

  @Test
  void whenAWorkerStopsHeartbeating_itsTasksAreRequeued_andRunElsewhere() throws Exception {
    TaskWorker stuck =
        tasks.startWorker(
            "w-stuck",
            Map.of(
                "hang",
                ctx -> {
                  NEVER.await();
                  return "never";
                }),
            4);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(tasks.submit(TaskRequest.of("hang", 5).onData("h-" + i)).taskId());
    }
    for (String id : ids) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> tasks.status(id).orElseThrow().state() == TaskState.RUNNING);
      assertThat(tasks.status(id).orElseThrow().node()).isEqualTo("w-stuck");
    }
    stuck.close();
    try (TaskWorker rescue = tasks.startWorker("w-rescue", Map.of("hang", ctx -> "rescued"), 4)) {
      for (String id : ids) {
        Task t = done(id);
        assertThat(t.state()).isEqualTo(TaskState.DONE);
        assertThat(t.node()).isEqualTo("w-rescue");
        assertThat(t.result()).isEqualTo("rescued");
        assertThat(t.epoch()).isGreaterThanOrEqualTo(3);
      }
      // The worker counts a completion after the grid recorded it: wait for the count.
      await().atMost(Duration.ofSeconds(30)).until(() -> rescue.completed() == 3);
      // Stats are gathered from every member per call; one that does not answer in time is left
      // out of that call, so wait for a complete count rather than trust the first.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> tasks.stats().members().stream().mapToLong(MemberStats::requeued).sum() >= 3);
    }
  }

  @Test
  void whenSkewPassesTheThreshold_queuedTasksMove() throws Exception {
    NodeRegistry registry = new NodeRegistry(client.hazelcast());
    client.joinAsNode("idle-r", NodeKeys.generate(), "default", NodeTier.EDGE, List.of("task:r"));
    for (int i = 0; i < 3; i++) {
      HazelcastInstance m = cluster.member(i);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                registry.heartbeat("idle-r", System.currentTimeMillis());
                return SwarmGrid.service(m, BalanceEngine.class).orElseThrow().fleet().stream()
                    .anyMatch(n -> n.nodeId().equals("idle-r"));
              });
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      SubmitReceipt r = tasks.submit(TaskRequest.of("r", 5).onData("r-" + i));
      assertThat(r.node()).isEqualTo("idle-r");
      ids.add(r.taskId());
    }
    try (TaskWorker worker = tasks.startWorker("w-r", Map.of("r", ctx -> "moved"), 2)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(100, TimeUnit.MILLISECONDS)
          .until(
              () -> {
                registry.heartbeat("idle-r", System.currentTimeMillis());
                return worker.completed() >= 8;
              });
      long left =
          ids.stream()
              .map(id -> tasks.status(id).orElseThrow())
              .filter(t -> t.state() == TaskState.ASSIGNED && t.node().equals("idle-r"))
              .count();
      assertThat(left).isLessThanOrEqualTo(4);
      assertThat(tasks.stats().members().stream().mapToLong(MemberStats::rebalanced).sum())
          .isGreaterThanOrEqualTo(8);
    }
  }
}
