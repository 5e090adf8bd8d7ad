package io.swarmgrid.plugin.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.plugin.hazelcast.ValueHash;
import io.swarmgrid.plugin.region.internal.ReplicationJobs;
import io.swarmgrid.storage.region.ReplicationStamp;
import io.swarmgrid.tasks.region.ApplyAndWrite;
import io.swarmgrid.tasks.region.ApplyStamp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replicated update delivered in one call on a real two-member target region: judged, stamped and
 * written on the member that owns the key, the stamp never left pending, and both kept by the
 * backups when that member dies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplyAndWriteTest {
  private static final String MAP = "direct.items";
  private static final String STAMPS = ReplicationJobs.stampMapName(MAP);

  @TempDir static Path keys;
  static RegionCluster target;

  @BeforeAll
  static void start() {
    target = new RegionCluster("us", 120, keys).start(2);
    // Update times need per-entry stats, as the region engine sets on the maps it replicates.
    target.any().getConfig().addMapConfig(new MapConfig(MAP).setPerEntryStatsEnabled(true));
  }

  @AfterAll
  static void stop() {
    if (target != null) {
      target.close();
    }
  }

  private static ApplyAndWrite delivery(ReplicationStamp stamp, String value) {
    ApplyStamp judge = ApplyStamp.of(stamp, "latest-update", "", 60, "us", 0, 0);
    return new ApplyAndWrite(judge, MAP, value);
  }

  @Test
  void newerUpdate_isStampedAndWrittenInOneCall_olderOneRejected_removalRemoves() {
    HazelcastInstance hz = target.any();
    IMap<String, String> data = hz.getMap(MAP);
    IMap<Object, ReplicationStamp> stamps = hz.getMap(STAMPS);
    ReplicationStamp first = new ReplicationStamp("eu", 1_000, 1, hash(hz, "v1"), false);
    assertThat(stamps.executeOnKey("a", delivery(first, "v1"))).isEqualTo(ApplyAndWrite.WRITTEN);
    assertThat(data.get("a")).isEqualTo("v1");
    assertThat(stamps.get("a")).isEqualTo(first); // not pending: the value is there

    ReplicationStamp older = new ReplicationStamp("eu", 500, 1, hash(hz, "old"), false);
    assertThat(stamps.executeOnKey("a", delivery(older, "old"))).isEqualTo(ApplyStamp.REJECTED);
    assertThat(data.get("a")).isEqualTo("v1");
    assertThat(stamps.get("a")).isEqualTo(first);

    // The same stamp re-delivered (at least once) is written again.
    assertThat(stamps.executeOnKey("a", delivery(first, "v1"))).isEqualTo(ApplyAndWrite.WRITTEN);
    assertThat(stamps.get("a")).isEqualTo(first);

    ReplicationStamp removal = new ReplicationStamp("eu", 2_000, 2, 0, true);
    assertThat(stamps.executeOnKey("a", delivery(removal, null))).isEqualTo(ApplyAndWrite.WRITTEN);
    assertThat(data.containsKey("a")).isFalse();
    assertThat(stamps.get("a")).isEqualTo(removal);
  }

  @Test
  void localWriteAtTheTarget_newerThanTheUpdate_isKept() {
    HazelcastInstance hz = target.any();
    IMap<String, String> data = hz.getMap(MAP);
    IMap<Object, ReplicationStamp> stamps = hz.getMap(STAMPS);
    data.set("local", "mine");
    // An update stamped long before the local write: the local write is stamped here and wins.
    ReplicationStamp old = new ReplicationStamp("eu", 1_000, 1, hash(hz, "theirs"), false);
    assertThat(stamps.executeOnKey("local", delivery(old, "theirs")))
        .isEqualTo(ApplyStamp.REJECTED);
    assertThat(data.get("local")).isEqualTo("mine");
    assertThat(stamps.get("local").origin()).isEqualTo("us");
  }

  @Test
  @Order(Integer.MAX_VALUE) // kills a member: last
  void ownerDies_theBackupsHoldTheValueAndTheSameStamp() {
    HazelcastInstance hz = target.member(0);
    IMap<Object, ReplicationStamp> stamps = hz.getMap(STAMPS);
    for (int i = 0; i < 50; i++) {
      ReplicationStamp s = new ReplicationStamp("eu", 5_000 + i, 1, hash(hz, "b" + i), false);
      assertThat(stamps.executeOnKey("b-" + i, delivery(s, "b" + i)))
          .isEqualTo(ApplyAndWrite.WRITTEN);
    }
    HazelcastInstance survivor = target.member(1);
    // Kill only once every partition has its backup (the second member joined just before).
    await().atMost(Duration.ofSeconds(60)).until(() -> hz.getPartitionService().isClusterSafe());
    target.member(0).getLifecycleService().terminate();
    IMap<String, String> data = survivor.getMap(MAP);
    IMap<Object, ReplicationStamp> kept = survivor.getMap(STAMPS);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (int i = 0; i < 50; i++) {
                assertThat(data.get("b-" + i)).isEqualTo("b" + i);
                ReplicationStamp s = kept.get("b-" + i);
                assertThat(s).isEqualTo(new ReplicationStamp("eu", 5_000 + i, 1, s.hash(), false));
                assertThat(s.hash()).isEqualTo(hash(survivor, "b" + i));
              }
            });
  }

  private static long hash(HazelcastInstance hz, Object value) {
    return new ValueHash(hz).of(value);
  }
}
