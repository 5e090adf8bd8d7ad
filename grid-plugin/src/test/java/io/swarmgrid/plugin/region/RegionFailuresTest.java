package io.swarmgrid.plugin.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.region.RegionHealth;
import io.swarmgrid.storage.region.ReplicationStatus;
import io.swarmgrid.tasks.region.GeoRouter;
import io.swarmgrid.tasks.region.RouteChoice;
import io.swarmgrid.tasks.region.RouteRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regions that come late, and source members that die mid-stream. Each test has ports of its own,
 * so that a member a previous test could not stop (see RegionCluster.close) cannot answer for
 * another.
 */
class RegionFailuresTest {
  private static final String MAP = "test.items";
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path keys;

  @Test
  void unreachableRegionAtStart_isRetriedAndReported_thenCatchesUp_threeRegions() {
    try (RegionCluster eu = new RegionCluster("eu", 200, keys);
        RegionCluster us = new RegionCluster("us", 250, keys);
        RegionCluster ap = new RegionCluster("ap", 300, keys)) {
      eu.peer(us).peer(ap).replicate(MAP, "latest-update");
      us.peer(eu).peer(ap).replicate(MAP, "latest-update");
      ap.peer(eu).peer(us).replicate(MAP, "latest-update");
      eu.start(1);
      us.start(1);
      for (int i = 0; i < 50; i++) {
        eu.any().<String, String>getMap(MAP).set("eu-" + i, "e");
        us.any().<String, String>getMap(MAP).set("us-" + i, "u");
      }
      // ap does not exist yet: the links to it retry and say so, the members keep working.
      IMap<String, ReplicationStatus> status = eu.any().getMap(SwarmMap.REPLICATION.mapName());
      await()
          .atMost(WAIT)
          .until(
              () ->
                  status.values().stream()
                      .anyMatch(
                          s ->
                              s.target().equals("ap")
                                  && s.state().equals("retrying")
                                  && !s.lastError().isEmpty()));
      await().atMost(WAIT).until(() -> contents(us).size() == 100 && contents(eu).size() == 100);
      // The router sees ap down and sends ap-homed work to the nearest region that answers.
      IMap<String, RegionHealth> health = eu.any().getMap(SwarmMap.REGIONS.mapName());
      await()
          .atMost(WAIT)
          .until(
              () ->
                  health.containsKey("ap")
                      && !health.get("ap").reachable()
                      && health.containsKey("us")
                      && health.get("us").reachable());
      RouteChoice fallback =
          GeoRouter.choose(
              new RouteRequest("", "ap"), health.values(), new NodeRegistry(eu.any()).active());
      assertThat(fallback.region()).isIn("eu", "us");
      assertThat(fallback.reason()).contains("ap is unreachable");

      ap.start(1);
      await().atMost(WAIT).until(() -> health.get("ap").reachable());
      assertThat(GeoRouter.choose(new RouteRequest("", "ap"), health.values(), List.of()).region())
          .isEqualTo("ap");
      await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(contents(ap)).isEqualTo(contents(eu)).hasSize(100));
      ap.any().<String, String>getMap(MAP).set("ap-0", "a");
      eu.any().<String, String>getMap(MAP).set("eu-0", "e2");
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(contents(eu))
                    .isEqualTo(contents(us))
                    .isEqualTo(contents(ap))
                    .hasSize(101);
                assertThat(contents(ap)).containsEntry("eu-0", "e2").containsEntry("ap-0", "a");
              });
      await()
          .atMost(WAIT)
          .until(
              () ->
                  status.values().stream()
                      .anyMatch(s -> s.target().equals("ap") && s.state().equals("running")));
    }
  }

  /**
   * A sink retrying towards a region that is gone must give up when its job is cancelled and when
   * its member shuts down; once, a member's shutdown waited on it forever. The bounded waits here
   * guard against that hang; they measure nothing.
   */
  @Test
  void cancelAndGracefulShutdown_completeWhileDeliveryToAGoneRegionIsRetrying() throws Exception {
    try (RegionCluster eu = new RegionCluster("eu", 650, keys);
        RegionCluster us = new RegionCluster("us", 700, keys)) {
      eu.peer(us).replicate(MAP, "latest-update");
      us.peer(eu).replicate(MAP, "latest-update");
      eu.start(2);
      us.start(1);
      eu.any().<String, String>getMap(MAP).set("first", "v");
      await().atMost(WAIT).until(() -> contents(us).containsKey("first"));
      us.stop();
      IMap<String, ReplicationStatus> status = eu.any().getMap(SwarmMap.REPLICATION.mapName());
      for (int i = 0; i < 20; i++) {
        eu.any().<String, String>getMap(MAP).set("k" + i, "v");
      }
      await()
          .atMost(WAIT)
          .until(
              () ->
                  status.values().stream()
                      .anyMatch(s -> s.target().equals("us") && s.state().equals("retrying")));

      Job stream = eu.any().getJet().getJob("swarmgrid-replicate-" + MAP + "-to-us");
      assertThat(stream).isNotNull();
      stream.cancel();
      await().atMost(WAIT).until(() -> stream.getStatus() == JobStatus.FAILED);

      // The engine resubmits the link's job, which retries again; a graceful shutdown must still
      // end.
      await()
          .atMost(WAIT)
          .until(
              () -> {
                Job again = eu.any().getJet().getJob("swarmgrid-replicate-" + MAP + "-to-us");
                return again != null
                    && again.getId() != stream.getId()
                    && again.getStatus() == JobStatus.RUNNING;
              });
      for (int i = 0; i < 2; i++) {
        HazelcastInstance m = eu.member(i);
        CompletableFuture.runAsync(m::shutdown).get(3, TimeUnit.MINUTES);
        assertThat(m.getLifecycleService().isRunning()).isFalse();
      }
    }
  }

  @Test
  void regionJoiningAfterTheJournalOverflowed_getsEverythingByTheInitialSync() {
    try (RegionCluster eu = new RegionCluster("eu", 350, keys).journalCapacity(1000);
        RegionCluster us = new RegionCluster("us", 400, keys)) {
      eu.peer(us).replicate(MAP, "latest-update");
      us.peer(eu).replicate(MAP, "latest-update");
      eu.start(1);
      // 30,000 writes into a journal of 1,000, more than Jet's queues can buffer while the link
      // waits:
      // most events are gone before us exists, so only a full copy of the map can bring them over.
      IMap<String, String> items = eu.any().getMap(MAP);
      for (int batch = 0; batch < 30; batch++) {
        Map<String, String> puts = new HashMap<>();
        for (int i = batch * 1000; i < (batch + 1) * 1000; i++) {
          puts.put("k" + i, "v" + i);
        }
        items.putAll(puts);
      }
      us.start(1);
      await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(contents(us)).hasSize(30_000).isEqualTo(contents(eu)));
    }
  }

  /**
   * Jet's journal source reports events lost to a journal overflow only in a warning, and whether a
   * run loses events depends on how far its queues read ahead; so this test gives the member that
   * warning itself, worded exactly as Jet 5.4 words it, through the member's public logging
   * service.
   */
  @Test
  void journalOverflowWarnedByJet_isCountedReported_andStartsAResyncByDigest() {
    try (RegionCluster eu = new RegionCluster("eu", 750, keys);
        RegionCluster us = new RegionCluster("us", 800, keys)) {
      eu.peer(us).replicate(MAP, "latest-update");
      us.peer(eu).replicate(MAP, "latest-update");
      eu.start(1);
      us.start(1);
      eu.any().<String, String>getMap(MAP).set("before", "v");
      await().atMost(WAIT).until(() -> contents(us).containsKey("before"));

      eu.any()
          .getLoggingService()
          .getLogger("com.hazelcast.jet.impl.connector.StreamEventJournalP")
          .warning(
              "swarmgrid-replicate-"
                  + MAP
                  + "-to-us/journal "
                  + MAP
                  + "#0 12 events lost for partition 7 due to"
                  + " journal overflow when reading from event journal. Increase journal size to avoid this error."
                  + " nextSequenceToReadFrom=40, readCount=4, prevSeq=24");
      eu.any()
          .<String, String>getMap(MAP)
          .set("after", "v"); // the link notices on its next delivery

      IMap<String, ReplicationStatus> status = eu.any().getMap(SwarmMap.REPLICATION.mapName());
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(status.values())
                      .anySatisfy(
                          s -> {
                            assertThat(s.target()).isEqualTo("us");
                            assertThat(s.lostEvents()).isEqualTo(12);
                            assertThat(s.resyncs()).isEqualTo(1);
                            assertThat(s.lastError())
                                .contains("journal overflow: 12 events")
                                .contains("resync by digest started");
                          }));
      await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(contents(us)).isEqualTo(contents(eu)).hasSize(2));
    }
  }

  @Test
  void sourceMemberKilledMidStream_losesNothingAcknowledged() {
    try (RegionCluster eu = new RegionCluster("eu", 450, keys);
        RegionCluster us = new RegionCluster("us", 500, keys)) {
      eu.peer(us).replicate(MAP, "latest-update");
      us.peer(eu).replicate(MAP, "latest-update");
      eu.start(3);
      us.start(1);
      HazelcastInstance writer = eu.member(0);
      IMap<String, String> source = writer.getMap(MAP);
      Map<String, String> acknowledged = new HashMap<>();
      for (int i = 0; i < 3000; i++) {
        source.set("k-" + i, "v" + i);
        acknowledged.put("k-" + i, "v" + i);
        if (i == 1500) {
          eu.member(2).getLifecycleService().terminate();
        }
      }
      await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(contents(us)).containsAllEntriesOf(acknowledged));
    }
  }

  @Test
  void conflictingPoliciesAcrossRegions_areReported_andNothingIsDelivered() {
    try (RegionCluster eu = new RegionCluster("eu", 550, keys);
        RegionCluster us = new RegionCluster("us", 600, keys)) {
      eu.peer(us).replicate(MAP, "latest-update");
      us.peer(eu).replicate(MAP, "higher-version");
      eu.start(1);
      us.start(1);
      // The check runs when a link has something to deliver: write once both links have published.
      IMap<String, ReplicationStatus> status = eu.any().getMap(SwarmMap.REPLICATION.mapName());
      IMap<String, ReplicationStatus> usStatus = us.any().getMap(SwarmMap.REPLICATION.mapName());
      await().atMost(WAIT).until(() -> !status.isEmpty() && !usStatus.isEmpty());
      eu.any().<String, String>getMap(MAP).set("x", "1");
      us.any().<String, String>getMap(MAP).set("y", "2");
      await()
          .atMost(WAIT)
          .until(
              () ->
                  status.values().stream()
                      .anyMatch(
                          s ->
                              s.lastError()
                                  .contains(
                                      "conflicting policies for map test.items: region eu uses latest-update, region us uses higher-version")));
      await()
          .atMost(WAIT)
          .until(
              () ->
                  usStatus.values().stream()
                      .anyMatch(
                          s ->
                              s.lastError()
                                  .contains(
                                      "conflicting policies for map test.items: region us uses higher-version, region eu uses latest-update")));
      assertThat(eu.any().getMap(MAP).containsKey("y")).isFalse();
      assertThat(us.any().getMap(MAP).containsKey("x")).isFalse();
    }
  }

  static Map<String, String> contents(RegionCluster r) {
    return new HashMap<>(r.any().<String, String>getMap(MAP));
  }
}
