package io.swarmgrid.storage.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.storage.SwarmMaps;
import io.swarmgrid.storage.SwarmSerialization;
import io.swarmgrid.storage.internal.CheckpointUnionMergePolicy;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a split brain heals, {@code swarm.checkpoints} holds the snapshots both sides saved (issue
 * 13): versions only one side has as they are, and a version both sides saved keeps the other
 * side's snapshot as a conflict instead of dropping it.
 */
class CheckpointMergeTest {
  private HazelcastInstance left;
  private HazelcastInstance right;

  @AfterEach
  void stop() {
    for (HazelcastInstance hz : new HazelcastInstance[] {left, right}) {
      if (hz != null) {
        hz.getLifecycleService().terminate();
      }
    }
  }

  private static Checkpoint cp(long version, String text, long at) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    return new Checkpoint("m", version, data, CheckpointStore.sha256(data), at);
  }

  private static List<String> texts(Checkpoint c) {
    return Stream.concat(Stream.of(c), c.conflicts().stream())
        .map(x -> new String(x.data(), StandardCharsets.UTF_8))
        .toList();
  }

  @Test
  void union_keepsEveryDistinctSnapshot_newestAsTheVersion_whicheverSideMerges() {
    Checkpoint a = cp(5, "left", 100);
    Checkpoint b = cp(5, "right", 200);
    assertThat(texts(CheckpointUnionMergePolicy.union(a, b))).containsExactly("right", "left");
    assertThat(texts(CheckpointUnionMergePolicy.union(b, a))).containsExactly("right", "left");
    assertThat(CheckpointUnionMergePolicy.union(a, cp(5, "left", 100))).isSameAs(a);
    // A third side merged later: its snapshot joins, the earlier conflict stays, none twice.
    Checkpoint ab = CheckpointUnionMergePolicy.union(a, b);
    Checkpoint abc = CheckpointUnionMergePolicy.union(cp(5, "third", 150), ab);
    assertThat(texts(abc)).containsExactly("right", "third", "left");
    assertThat(abc.conflicts()).allMatch(c -> c.conflicts().isEmpty());
    assertThat(texts(CheckpointUnionMergePolicy.union(abc, ab))).isEqualTo(texts(abc));
  }

  private static Config member(String cluster, int port, int joinPorts) {
    Config c = EmbeddedCluster.loopbackConfig(cluster, port, 1, joinPorts);
    c.getJetConfig().setEnabled(false);
    c.setProperty("hazelcast.merge.first.run.delay.seconds", "1");
    c.setProperty("hazelcast.merge.next.run.delay.seconds", "1");
    SwarmSerialization.register(c.getSerializationConfig());
    SwarmMaps.addTo(c, StorageConfig.DEFAULTS);
    return c;
  }

  @Test
  void mergedClusters_keepTheVersionsOfBothSides() {
    String cluster = "checkpoint-merge-" + UUID.randomUUID();
    int port = EmbeddedCluster.BASE_PORT + 47;
    left = Hazelcast.newHazelcastInstance(member(cluster, port, 2));
    CheckpointStore leftStore = new CheckpointStore(left, 1 << 20, 10);
    leftStore.save("model", "left-1".getBytes(StandardCharsets.UTF_8));
    leftStore.save("model", "left-2".getBytes(StandardCharsets.UTF_8));
    Config rightConfig = member(cluster, port + 1, 1);
    rightConfig
        .getNetworkConfig()
        .getJoin()
        .getTcpIpConfig()
        .setMembers(List.of("127.0.0.1:" + (port + 1)));
    right = Hazelcast.newHazelcastInstance(rightConfig);
    assertThat(right.getCluster().getMembers()).hasSize(1);
    new CheckpointStore(right, 1 << 20, 10)
        .save("model", "right-1".getBytes(StandardCharsets.UTF_8));

    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                left.getCluster().getMembers().size() == 2
                    && right.getCluster().getMembers().size() == 2);
    CheckpointStore merged = new CheckpointStore(left, 1 << 20, 10);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> merged.list("model").size() == 2 && merged.conflicts("model", 1).size() == 1);
    List<String> v1 =
        Stream.concat(Stream.of(merged.restore("model", 1)), merged.conflicts("model", 1).stream())
            .map(c -> new String(c.data(), StandardCharsets.UTF_8))
            .toList();
    assertThat(v1).containsExactlyInAnyOrder("left-1", "right-1");
    assertThat(new String(merged.restore("model", 2).data(), StandardCharsets.UTF_8))
        .isEqualTo("left-2");
  }
}
