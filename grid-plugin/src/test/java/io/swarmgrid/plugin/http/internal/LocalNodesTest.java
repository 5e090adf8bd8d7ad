package io.swarmgrid.plugin.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member's copy of the node registry follows registrations, updates and removals made on any
 * member, and a member that restarts builds a complete one.
 */
class LocalNodesTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  static final byte[] KEY = NodeKeys.generate().publicKey();

  static NodeInfo node(String id, long at) {
    return new NodeInfo(
        id,
        "eu",
        NodeTier.CLOUD,
        List.of(),
        new Capacity(1, 1, 0),
        KEY,
        NodeStatus.ACTIVE,
        "uuid-" + id,
        "",
        List.of(),
        "test",
        at,
        at);
  }

  static List<String> ids(List<NodeInfo> nodes) {
    return nodes.stream().map(NodeInfo::nodeId).toList();
  }

  @Test
  void followsAddsUpdatesAndRemovals_madeOnAnotherMember() {
    try (LocalNodes local = LocalNodes.start(cluster.member(0))) {
      NodeRegistry elsewhere = new NodeRegistry(cluster.member(1));
      for (int i = 0; i < 20; i++) {
        elsewhere.register(node("n" + (char) ('a' + i), 10));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> local.all().size() == 20 && local.active().size() == 20);
      assertThat(ids(local.all())).isSorted().contains("na", "nt");

      elsewhere.markGone("nc", 20, 3600);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> local.get("nc").map(n -> n.status() == NodeStatus.GONE).orElse(false));
      assertThat(ids(local.active())).doesNotContain("nc").hasSize(19);

      elsewhere.register(node("nc", 30));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> local.get("nc").map(NodeInfo::active).orElse(false));

      cluster.member(1).getMap(SwarmMap.NODES.mapName()).delete("nd");
      await().atMost(Duration.ofSeconds(30)).until(() -> local.get("nd").isEmpty());
      assertThat(local.all()).hasSize(19);

      cluster.member(1).getMap(SwarmMap.NODES.mapName()).clear();
      await().atMost(Duration.ofSeconds(30)).until(() -> local.all().isEmpty());
    }
  }

  @Test
  void aRestartedMember_buildsACompleteCopy_andTheOthersKeepFollowing() {
    HazelcastInstance restarting = cluster.startMember();
    try (LocalNodes survivor = LocalNodes.start(cluster.member(0))) {
      NodeRegistry registry = new NodeRegistry(cluster.member(0));
      for (int i = 0; i < 10; i++) {
        registry.register(node("r" + i, 10));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> survivor.all().size() == 10);

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> cluster.member(0).getPartitionService().isClusterSafe());
      restarting.getLifecycleService().terminate();
      HazelcastInstance restarted = cluster.startMember();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> cluster.member(0).getCluster().getMembers().size() == 3);
      try (LocalNodes fresh = LocalNodes.start(restarted)) {
        assertThat(ids(fresh.all())).hasSize(10).contains("r0", "r9");

        // Enough keys that every member owns some of them, the restarted one included.
        NodeRegistry onRestarted = new NodeRegistry(restarted);
        for (int i = 10; i < 40; i++) {
          onRestarted.register(node("r" + i, 20));
        }
        for (int i = 0; i < 10; i += 2) {
          registry.markGone("r" + i, 20, 3600);
        }
        for (LocalNodes local : List.of(survivor, fresh)) {
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      local.all().size() == 40
                          && local.active().size() == 35
                          && local.get("r4").map(n -> !n.active()).orElse(false));
        }
      }
    }
  }
}
