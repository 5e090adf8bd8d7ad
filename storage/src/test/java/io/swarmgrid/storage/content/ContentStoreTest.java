package io.swarmgrid.storage.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContentStoreTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void put_get_dedup_manifest_andErrorsNamingTheHash() {
    HazelcastInstance client = cluster.newClient();
    ContentStore store = new ContentStore(client, 3);
    String h = store.put(bytes("abc"));
    assertThat(h).isEqualTo(ContentStore.sha256Hex(bytes("abc")));
    assertThat(store.copyKeys(h)).hasSize(3).first().isEqualTo(h);
    assertThat(client.getMap(SwarmMap.CONTENT.mapName()).size()).isEqualTo(3);
    assertThat(store.put(bytes("abc"))).isEqualTo(h);
    assertThat(client.getMap(SwarmMap.CONTENT.mapName()).size()).isEqualTo(3);
    assertThat(store.get(h)).isEqualTo(bytes("abc"));

    Manifest m = store.putManifest(List.of(h, store.put(bytes("def"))), 6);
    assertThat(store.manifest(m.hash())).isEqualTo(m);
    assertThatThrownBy(() -> store.manifest(h))
        .hasMessageContaining("manifest hash", h, "not a SwarmGrid manifest");
    assertThatThrownBy(() -> store.get("ABC"))
        .hasMessageContaining("content hash", "'ABC'", "SHA-256");
    String missing = ContentStore.sha256Hex(bytes("missing"));
    assertThatThrownBy(() -> store.get(missing))
        .hasMessageContaining(missing, "not in swarm.content");
    assertThat(store.find(missing)).isEmpty();
    assertThatThrownBy(() -> store.put(null)).hasMessageContaining("content");
    assertThatThrownBy(() -> new ContentStore(client, 0)).hasMessageContaining("copies", "0");
  }

  @Test
  void
      collect_removesOldContentWithoutEnergy_thenOldestFirstOverTheLimits_neverContentWithEnergy() {
    ContentStore writer = new ContentStore(cluster.member(0), 1);
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      hashes.add(writer.put(bytes("entry " + i)));
    }
    Set<String> energetic = Set.of(hashes.get(0), hashes.get(1), hashes.get(2));
    long now = System.currentTimeMillis();
    // Young entries and a high limit: nothing goes.
    for (HazelcastInstance m : cluster.members()) {
      ContentStore.Collection c =
          new ContentStore(m, 1).collect(h -> 0, now, 60_000, 0, 1 << 20, 1000);
      assertThat(c.removed()).isZero();
    }
    // Over an entry limit of 5 per member: the oldest without energy go until each holds 5 or
    // fewer,
    // except that content with energy stays.
    int held = 0;
    for (HazelcastInstance m : cluster.members()) {
      ContentStore.Collection c =
          new ContentStore(m, 1)
              .collect(h -> energetic.contains(h) ? 10 : 0, now, 60_000, 0, 1 << 20, 5);
      assertThat(c.entries()).isLessThanOrEqualTo(5);
      held += c.entries();
    }
    IMap<String, byte[]> map = cluster.member(0).getMap(SwarmMap.CONTENT.mapName());
    assertThat(map.size()).isEqualTo(held);
    assertThat(map.keySet()).containsAll(energetic);
    // Older than the age limit (0 ms) and without energy: collected; with energy: kept.
    for (HazelcastInstance m : cluster.members()) {
      new ContentStore(m, 1)
          .collect(h -> energetic.contains(h) ? 10 : 0, now + 1, 0, 0, 1 << 20, 1000);
    }
    assertThat(map.keySet()).containsExactlyInAnyOrderElementsOf(energetic);
    // Within the grace period nothing is collected, whatever its age limit.
    String fresh = writer.put(bytes("fresh"));
    for (HazelcastInstance m : cluster.members()) {
      new ContentStore(m, 1).collect(h -> 0, System.currentTimeMillis(), 0, 60_000, 1 << 20, 1);
    }
    assertThat(map.containsKey(fresh)).isTrue();
  }
}
