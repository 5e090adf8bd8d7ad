package io.swarmgrid.plugin.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.recovery.HealthMonitor;
import io.swarmgrid.storage.recovery.NodeHealth;
import io.swarmgrid.storage.recovery.RecoveryEvent;
import io.swarmgrid.storage.recovery.RecoveryEventStore;
import io.swarmgrid.storage.recovery.RecoveryKind;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.storage.work.Completion;
import io.swarmgrid.storage.work.WorkItem;
import io.swarmgrid.storage.work.WorkLease;
import io.swarmgrid.storage.work.WorkState;
import io.swarmgrid.storage.work.WorkStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery with no grace period: a member is killed (terminated, no goodbye) while its node holds
 * work; all of it moves to the healthy nodes by load, nothing is lost, nothing completes twice.
 */
class RecoveryTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep("swarm.nodes")
          .configure((i, config) -> SwarmGrid.enable(config, swarmConfig("node-" + i, 0, keys)));

  static SwarmGridConfig swarmConfig(String id, int graceSeconds, Path keyDir) {
    FaultConfig fault =
        FaultConfig.custom().recoveryGraceSeconds(graceSeconds).maxWorkItems(10_000).build();
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id(id)
                .heartbeatSeconds(1)
                .keyFile(keyDir.resolve("{node-id}.key").toString())
                .build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.FAULT)))
        .fault(fault)
        .build();
  }

  static void awaitEngines(EmbeddedCluster cluster) {
    for (HazelcastInstance m : cluster.members()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> SwarmGrid.service(m, FaultToleranceEngine.class).isPresent());
    }
  }

  static List<String> ids(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
  }

  @Test
  void
      when_memberIsKilledHoldingWork_then_allItsWorkMovesByLoad_nothingLost_nothingCompletesTwice() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    WorkStore work = new WorkStore(client, 10_000);
    long t = System.currentTimeMillis();
    List<WorkLease> victimLeases = work.createAll(ids("v-", 90), "task", "node-1", t);
    work.createAll(ids("b-", 60), "task", "node-2", t);
    assertThat(victimLeases).hasSize(90);
    // Ten of the victim's items finish before it dies: they stay completed, never move.
    for (WorkLease lease : victimLeases.subList(0, 10)) {
      assertThat(work.complete(lease, t)).isEqualTo(Completion.COMPLETED);
    }

    cluster.member(1).getLifecycleService().terminate();

    RecoveryEventStore events = new RecoveryEventStore(client, 100);
    await().atMost(Duration.ofSeconds(60)).until(() -> !events.of("node-1").isEmpty());
    RecoveryEvent event = events.of("node-1").get(0);
    assertThat(event.kind()).isEqualTo(RecoveryKind.PERMANENT);
    assertThat(event.itemsFound()).isEqualTo(80);
    assertThat(event.itemsReassigned()).isEqualTo(80);
    assertThat(event.itemsLeft()).isZero();
    assertThat(event.detectToLastReassignMillis()).isGreaterThanOrEqualTo(event.reassignMillis());

    // Nothing lost: every item is still there, none of the unfinished ones with the dead node.
    Map<String, WorkItem> items = work.getAll(ids("v-", 90));
    assertThat(items).hasSize(90);
    List<WorkItem> moved = items.values().stream().filter(WorkItem::assigned).toList();
    assertThat(moved)
        .hasSize(80)
        .allSatisfy(
            w -> {
              assertThat(w.ownerNode()).isIn("node-0", "node-2");
              assertThat(w.epoch()).isEqualTo(2);
            });
    assertThat(items.values().stream().filter(w -> w.state() == WorkState.COMPLETED))
        .hasSize(10)
        .allSatisfy(w -> assertThat(w.ownerNode()).isEqualTo("node-1"));
    // By load: node-0 had 0 items and node-2 had 60, so 70 + 10 evens them out at 70 each.
    assertThat(work.load("node-0")).isEqualTo(70);
    assertThat(work.load("node-2")).isEqualTo(70);

    // Nothing completes twice: the dead owner's leases are stale, the new owners' complete once.
    List<Completion> results = new ArrayList<>();
    for (WorkLease stale : victimLeases) {
      results.add(work.complete(stale, t));
    }
    for (WorkItem w : moved) {
      results.add(work.complete(w.lease(), t));
      results.add(work.complete(w.lease(), t));
    }
    Map<Completion, Long> counts =
        results.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counts)
        .containsEntry(Completion.COMPLETED, 80L)
        .containsEntry(Completion.STALE_LEASE, 80L)
        .containsEntry(Completion.ALREADY_COMPLETED, 90L);

    // Health, as a client reads it: the dead node is gone and holds nothing; loads are the work
    // left.
    HealthMonitor health = new HealthMonitor(client, work);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                health.health(System.currentTimeMillis()).stream()
                    .anyMatch(h -> h.nodeId().equals("node-1") && h.status() == NodeStatus.GONE));
    Map<String, NodeHealth> byNode =
        health.health(System.currentTimeMillis()).stream()
            .collect(Collectors.toMap(NodeHealth::nodeId, h -> h));
    assertThat(byNode.get("node-1").load()).isZero();
    assertThat(byNode.get("node-0").load() + byNode.get("node-2").load()).isEqualTo(60);
    assertThat(byNode.get("node-0").healthy(10_000)).isTrue();

    // Bad input changes nothing.
    assertThatThrownBy(() -> work.create("x-1", "task", "node-1", t))
        .hasMessageContaining("ownerNode", "'node-1'", "gone");
    assertThatThrownBy(() -> work.create("x-1", "task", "nobody", t))
        .hasMessageContaining("ownerNode", "'nobody'", "not a registered node");
    assertThatThrownBy(() -> work.create(" ", "task", "node-0", t)).hasMessageContaining("workId");
    assertThatThrownBy(() -> work.create("v-0", "task", "node-0", t))
        .hasMessageContaining("workId", "'v-0'", "exists");
    assertThat(work.get("x-1")).isEmpty();
    assertThat(work.get("v-0").orElseThrow().ownerNode()).isEqualTo("node-1");
  }
}
