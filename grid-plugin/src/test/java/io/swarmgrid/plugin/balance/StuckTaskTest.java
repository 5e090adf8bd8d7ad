package io.swarmgrid.plugin.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.storage.balance.TaskStore;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, tasks stuck forever: a task assigned to a live node that never starts it, and a task
 * started by a node that then stops renewing its lease (it hung, or restarted with the same id), go
 * back to the queue; the old holder's late start or completion is refused.
 */
class StuckTaskTest {
  @TempDir static Path keys;

  static final CountDownLatch RELEASE = new CountDownLatch(1);

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(1)
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
                          .balance(
                              BalanceConfig.custom()
                                  .sweepMillis(100)
                                  .workerTimeoutMillis(3_600_000)
                                  .assignedTimeoutMillis(1_000)
                                  .runningLeaseMillis(3_000)
                                  .build())
                          .build()));

  private LoadBalancer lb;
  private TaskStore store;

  @BeforeEach
  void engine() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> SwarmGrid.service(cluster.member(0), BalanceEngine.class).isPresent());
    lb = SwarmGrid.service(cluster.member(0), BalanceEngine.class).orElseThrow();
    store = new TaskStore(cluster.member(0), 10_000, 600);
  }

  /**
   * A worker node that heart-beat once (alive for the hour-long worker timeout) and never polls.
   */
  private void silentWorker(String nodeId, String type) {
    long now = System.currentTimeMillis();
    new NodeRegistry(cluster.member(0))
        .register(
            new NodeInfo(
                nodeId,
                "default",
                NodeTier.EDGE,
                List.of("task:" + type),
                new Capacity(4, 4_096, 0),
                NodeKeys.generate().publicKey(),
                NodeStatus.ACTIVE,
                "",
                "test",
                List.of(),
                "test",
                now,
                now));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> lb.fleet().stream().anyMatch(v -> v.nodeId().equals(nodeId)));
  }

  @Test
  void when_assignedTaskIsNeverStarted_then_itIsRequeuedAndTheOldEpochIsFenced() {
    silentWorker("w-silent", "idle");
    String id = lb.submit(TaskRequest.of("idle", 10)).taskId();
    Task first = lb.status(id).orElseThrow();
    assertThat(first.state()).isEqualTo(TaskState.ASSIGNED);
    assertThat(first.node()).isEqualTo("w-silent");

    // The only node that takes the type gets it again, at a new epoch, after the timeout.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> lb.status(id).orElseThrow().epoch() > first.epoch() + 1);
    Task again = lb.status(id).orElseThrow();
    assertThat(again.state()).isEqualTo(TaskState.ASSIGNED);
    assertThat(again.node()).isEqualTo("w-silent");
    assertThat(store.start(id, "w-silent", first.epoch(), System.currentTimeMillis()))
        .as("a start at the epoch the task was first dispatched with")
        .isFalse();
    lb.cancel(id);
  }

  @Test
  void when_runningTaskLeaseLapses_then_itIsRequeued_andTheLateCompletionIsRefused() {
    silentWorker("w-hung", "hang");
    String id = lb.submit(TaskRequest.of("hang", 10)).taskId();
    long epoch = lb.status(id).orElseThrow().epoch();
    assertThat(store.start(id, "w-hung", epoch, System.currentTimeMillis())).isTrue();

    // The run never renews its lease (the worker hung, or restarted with the same node id).
    await().atMost(Duration.ofSeconds(30)).until(() -> lb.status(id).orElseThrow().epoch() > epoch);
    assertThat(store.complete(id, "w-hung", epoch, "late", System.currentTimeMillis()))
        .as("the completion of the run whose lease lapsed")
        .isFalse();
    Task now = lb.status(id).orElseThrow();
    assertThat(now.state()).isIn(TaskState.QUEUED, TaskState.ASSIGNED);
    assertThat(now.result()).isEmpty();

    // A run that renews keeps the task past several lease lengths, and completes it.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> lb.status(id).orElseThrow().state() == TaskState.ASSIGNED);
    long next = lb.status(id).orElseThrow().epoch();
    assertThat(store.start(id, "w-hung", next, System.currentTimeMillis())).isTrue();
    await()
        .during(Duration.ofMillis(7_000))
        .atMost(Duration.ofSeconds(30))
        .until(() -> store.renew(id, "w-hung", next));
    assertThat(store.complete(id, "w-hung", next, "renewed", System.currentTimeMillis())).isTrue();
    assertThat(lb.status(id).orElseThrow().result()).isEqualTo("renewed");
  }

  @Test
  void when_memberHandlerRunsLongerThanTheLease_then_theRunnerRenewsIt() {
    lb.registerHandler(
        "slow",
        ctx -> {
          RELEASE.await();
          return "slow-done";
        });
    String id = lb.submit(TaskRequest.of("slow", 10)).taskId();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> lb.status(id).orElseThrow().state() == TaskState.RUNNING);
    long epoch = lb.status(id).orElseThrow().epoch();
    await()
        .during(Duration.ofMillis(7_000))
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Task t = lb.status(id).orElseThrow();
              return t.state() == TaskState.RUNNING && t.epoch() == epoch;
            });
    RELEASE.countDown();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> lb.status(id).orElseThrow().state() == TaskState.DONE);
    assertThat(lb.status(id).orElseThrow().epoch()).isEqualTo(epoch);
  }
}
