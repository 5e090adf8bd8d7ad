package io.swarmgrid.plugin.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swarmgrid.plugin.region.internal.ReplicationJobs;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.region.ReplicationStamp;
import io.swarmgrid.storage.region.ReplicationStatus;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two regions, each a real cluster in this JVM, replicating one map both ways (active-active). */
class RegionReplicationTest {
  private static final String MAP = "test.items";
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path keys;
  static RegionCluster eu;
  static RegionCluster us;

  @BeforeAll
  static void start() {
    eu = new RegionCluster("eu", 100, keys);
    us = new RegionCluster("us", 150, keys);
    eu.peer(us).replicate(MAP, "latest-update");
    us.peer(eu).replicate(MAP, "latest-update");
    eu.start(1);
    us.start(1);
    awaitRunning(eu, "us");
    awaitRunning(us, "eu");
  }

  @AfterAll
  static void stop() {
    if (eu != null) {
      eu.close();
    }
    if (us != null) {
      us.close();
    }
  }

  static Job streamJob(RegionCluster region, String target) {
    return region.any().getJet().getJob("swarmgrid-replicate-" + MAP + "-to-" + target);
  }

  static void awaitRunning(RegionCluster region, String target) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              Job j = streamJob(region, target);
              return j != null && j.getStatus() == JobStatus.RUNNING;
            });
  }

  static IMap<String, String> map(RegionCluster r) {
    return r.any().getMap(MAP);
  }

  @Test
  void putsUpdatesAndRemovals_arriveInTheOtherRegion_bothWays() {
    for (int i = 0; i < 100; i++) {
      map(eu).set("a-" + i, "v" + i);
      map(us).set("b-" + i, "w" + i);
    }
    for (int i = 0; i < 100; i += 2) {
      map(eu).set("a-" + i, "v" + i + "-updated");
      map(us).delete("b-" + i);
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(prefixed(us, "a-")).isEqualTo(prefixed(eu, "a-")).hasSize(100);
              assertThat(prefixed(eu, "b-")).isEqualTo(prefixed(us, "b-")).hasSize(50);
            });
    assertThat(map(us).get("a-4")).isEqualTo("v4-updated");
    assertThat(map(eu).containsKey("b-4")).isFalse();
  }

  @Test
  void replicatedEntries_areNotSentBack() {
    for (int i = 0; i < 50; i++) {
      map(eu).set("loop-" + i, "x" + i);
    }
    await().atMost(WAIT).until(() -> prefixed(us, "loop-").size() == 50);
    IMap<String, ReplicationStamp> euStamps = eu.any().getMap(ReplicationJobs.stampMapName(MAP));
    IMap<String, ReplicationStamp> usStamps = us.any().getMap(ReplicationJobs.stampMapName(MAP));
    // A value that went eu -> us -> eu would come back with a new stamp (version 2, origin us).
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (int i = 0; i < 50; i++) {
                assertThat(usStamps.get("loop-" + i)).isEqualTo(euStamps.get("loop-" + i));
                assertThat(euStamps.get("loop-" + i).origin()).isEqualTo("eu");
                assertThat(euStamps.get("loop-" + i).version()).isEqualTo(1);
              }
            });
    // And the us -> eu link rejected nothing of it, because it never shipped it.
    IMap<String, ReplicationStatus> status = us.any().getMap(SwarmMap.REPLICATION.mapName());
    await().atMost(WAIT).until(() -> !status.isEmpty());
    long shippedBack =
        status.values().stream()
            .filter(s -> s.map().equals(MAP))
            .mapToLong(ReplicationStatus::rejected)
            .sum();
    assertThat(shippedBack).isZero();
  }

  @Test
  void partitionBetweenRegions_writesOnBothSides_convergeByLatestUpdate_nothingAcknowledgedLost()
      throws Exception {
    for (int i = 0; i < 20; i++) {
      map(eu).set("p-" + i, "before");
    }
    await().atMost(WAIT).until(() -> prefixed(us, "p-").size() == 20);

    // Partition: neither region's replication job runs; both keep taking writes.
    streamJob(eu, "us").suspend();
    streamJob(us, "eu").suspend();
    await()
        .atMost(WAIT)
        .until(
            () ->
                streamJob(eu, "us").getStatus() == JobStatus.SUSPENDED
                    && streamJob(us, "eu").getStatus() == JobStatus.SUSPENDED);
    for (int i = 0; i < 20; i++) {
      map(eu).set("p-eu-only-" + i, "eu");
      map(us).set("p-us-only-" + i, "us");
    }
    map(eu).set("p-1", "eu-first");
    map(eu).delete("p-2");
    map(us).set("p-3", "us-first");
    long t = System.currentTimeMillis();
    await().until(() -> System.currentTimeMillis() > t + 5); // the later writes carry a later clock
    map(us).set("p-1", "us-later");
    map(eu).delete("p-3");

    streamJob(eu, "us").resume();
    streamJob(us, "eu").resume();
    // p-1: the later of two updates wins; p-2: a removal on one side arrives; p-3: a removal later
    // than the other side's update wins.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Map<String, String> merged = prefixed(eu, "p-");
              assertThat(merged).isEqualTo(prefixed(us, "p-"));
              assertThat(merged)
                  .containsEntry("p-1", "us-later")
                  .doesNotContainKey("p-2")
                  .doesNotContainKey("p-3");
              for (int i = 0; i < 20; i++) {
                assertThat(merged)
                    .containsEntry("p-eu-only-" + i, "eu")
                    .containsEntry("p-us-only-" + i, "us");
              }
            });
    // Both sides hold the same stamps: the conflict was judged the same way in both regions.
    IMap<String, ReplicationStamp> euStamps = eu.any().getMap(ReplicationJobs.stampMapName(MAP));
    IMap<String, ReplicationStamp> usStamps = us.any().getMap(ReplicationJobs.stampMapName(MAP));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (String k : new String[] {"p-1", "p-2", "p-3"}) {
                assertThat(euStamps.get(k)).isEqualTo(usStamps.get(k));
              }
            });
  }

  @Test
  void status_reportsShippedAndLagPerMapAndRegion() {
    for (int i = 0; i < 30; i++) {
      map(eu).set("s-" + i, "v");
    }
    IMap<String, ReplicationStatus> status = eu.any().getMap(SwarmMap.REPLICATION.mapName());
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              ReplicationStatus s =
                  status.values().stream()
                      .filter(x -> x.map().equals(MAP) && x.target().equals("us"))
                      .findFirst()
                      .orElseThrow();
              assertThat(s.source()).isEqualTo("eu");
              assertThat(s.shipped()).isGreaterThanOrEqualTo(30);
              assertThat(s.state()).isEqualTo("running");
              assertThat(s.backlog()).isZero();
              assertThat(s.updatedAt()).isGreaterThan(s.lastErrorAt());
            });
  }

  @Test
  void stageTimers_countEveryChangeReadFromTheJournal() {
    for (int i = 0; i < 25; i++) {
      map(eu).set("t-" + i, "v");
    }
    await().atMost(WAIT).until(() -> prefixed(us, "t-").size() == 25);
    MeterRegistry registry = SwarmServices.find(eu.any(), MeterRegistry.class).orElseThrow();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              long stamped = stageCount(registry, "stamp");
              assertThat(stamped).isGreaterThanOrEqualTo(25);
              assertThat(stageCount(registry, "to-writer")).isEqualTo(stamped);
              assertThat(stageCount(registry, "to-sink")).isGreaterThanOrEqualTo(stamped);
            });
  }

  private static long stageCount(MeterRegistry registry, String stage) {
    Timer t =
        registry
            .find("swarmgrid.region.replication." + stage)
            .tag("map", MAP)
            .tag("target", "us")
            .timer();
    return t == null ? 0 : t.count();
  }

  static Map<String, String> prefixed(RegionCluster r, String prefix) {
    Map<String, String> out = new HashMap<>();
    HazelcastInstance hz = r.any();
    for (Map.Entry<String, String> e : hz.<String, String>getMap(MAP).entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
