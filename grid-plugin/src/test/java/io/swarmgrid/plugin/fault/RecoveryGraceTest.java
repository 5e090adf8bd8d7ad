package io.swarmgrid.plugin.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.recovery.RecoveryEvent;
import io.swarmgrid.storage.recovery.RecoveryEventStore;
import io.swarmgrid.storage.recovery.RecoveryKind;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.storage.work.WorkItem;
import io.swarmgrid.storage.work.WorkStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost node that comes back (on a new member, same node id and key) within {@code
 * fault.recovery-grace-seconds} is a temporary loss: it keeps its work.
 */
class RecoveryGraceTest {
  @TempDir static Path keys;

  // Member 3 is node-1 again, started after member 1 is killed. The grace is what the test
  // waits out (the verdict comes at its end): 15 s, where the replacement member takes a few
  // seconds to start and register node-1 again.
  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep("swarm.nodes")
          .configure(
              (i, config) ->
                  SwarmGrid.enable(
                      config, RecoveryTest.swarmConfig("node-" + (i % 2 == 1 ? 1 : i), 15, keys)));

  @Test
  void when_lostNodeReturnsWithinGrace_then_itKeepsItsWork() {
    RecoveryTest.awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    WorkStore work = new WorkStore(client, 10_000);
    work.createAll(RecoveryTest.ids("g-", 20), "agent", "node-1", 1);

    cluster.member(1).getLifecycleService().terminate();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.member(0).getCluster().getMembers().size() == 2);
    HazelcastInstance again = cluster.startMember();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> SwarmGrid.service(again, FaultToleranceEngine.class).isPresent());

    RecoveryEventStore events = new RecoveryEventStore(client, 100);
    await().atMost(Duration.ofSeconds(90)).until(() -> !events.of("node-1").isEmpty());
    RecoveryEvent event = events.of("node-1").get(0);
    assertThat(event.kind()).isEqualTo(RecoveryKind.TEMPORARY);
    assertThat(event.itemsFound()).isEqualTo(20);
    assertThat(event.itemsReassigned()).isZero();
    assertThat(work.getAll(RecoveryTest.ids("g-", 20)).values())
        .hasSize(20)
        .allSatisfy(
            w -> {
              assertThat(w.ownerNode()).isEqualTo("node-1");
              assertThat(w.epoch()).isEqualTo(1);
            });
    assertThat(work.getAll(RecoveryTest.ids("g-", 20)).values()).allMatch(WorkItem::assigned);
  }
}
