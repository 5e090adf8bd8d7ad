package io.swarmgrid.storage.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A member's copy of a map follows what any member does to the map, and reloads to equal it. */
class MapCopyTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  static List<String> sorted(MapCopy<String, String> copy) {
    return List.copyOf(new TreeSet<>(copy.values()));
  }

  @Test
  void followsPutsUpdatesRemovalsExpiryAndClear_madeOnAnotherMember() {
    String name = "copy-" + UUID.randomUUID();
    IMap<String, String> elsewhere = cluster.member(1).getMap(name);
    elsewhere.put("before", "b0");
    try (MapCopy<String, String> copy =
        MapCopy.follow(cluster.member(0), name, Duration.ofMinutes(10), "test-copy")) {
      assertThat(sorted(copy)).containsExactly("b0");
      assertThat(copy.reloads()).isEqualTo(1);

      for (int i = 0; i < 30; i++) {
        elsewhere.put("k" + i, "v" + i);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> copy.values().size() == 31);
      elsewhere.put("k1", "changed");
      elsewhere.delete("k2");
      elsewhere.put("short", "lived", 1, TimeUnit.SECONDS);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "changed".equals(copy.get("k1")) && copy.get("k2") == null);
      await().atMost(Duration.ofSeconds(60)).until(() -> copy.get("short") == null);
      assertThat(copy.values()).hasSize(30);

      elsewhere.clear();
      await().atMost(Duration.ofSeconds(30)).until(() -> copy.values().isEmpty());
    }
  }

  @Test
  void reloadingMakesTheCopyEqualTheMap_andCloseStopsFollowing() {
    String name = "copy-" + UUID.randomUUID();
    IMap<String, String> map = cluster.member(0).getMap(name);
    MapCopy<String, String> copy =
        MapCopy.follow(cluster.member(1), name, Duration.ofMillis(200), "test-copy");
    for (int i = 0; i < 10; i++) {
      map.put("k" + i, "v" + i);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> copy.reloads() >= 3);
    await().atMost(Duration.ofSeconds(30)).until(() -> copy.values().size() == 10);
    copy.reload();
    assertThat(sorted(copy)).hasSize(10).contains("v0", "v9");

    copy.close();
    map.put("after-close", "x");
    assertThat(copy.values()).isEmpty();
    assertThat(copy.get("after-close")).isNull();
  }
}
