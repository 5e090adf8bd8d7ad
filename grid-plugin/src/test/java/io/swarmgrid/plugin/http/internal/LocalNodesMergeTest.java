package io.swarmgrid.plugin.http.internal;

import static io.swarmgrid.plugin.http.internal.LocalNodesTest.ids;
import static io.swarmgrid.plugin.http.internal.LocalNodesTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.storage.SwarmMaps;
import io.swarmgrid.storage.SwarmSerialization;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a split brain heals, each member's copy of the node registry holds what the merged map
 * holds: two one-member clusters of the same name, each with its own nodes, merged by Hazelcast's
 * split-brain handling (one lists the other's address).
 */
class LocalNodesMergeTest {
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

  private static Config member(String cluster, int port, int joinPorts) {
    Config c = EmbeddedCluster.loopbackConfig(cluster, port, 1, joinPorts);
    c.getJetConfig().setEnabled(false);
    c.setProperty("hazelcast.merge.first.run.delay.seconds", "1");
    c.setProperty("hazelcast.merge.next.run.delay.seconds", "1");
    SwarmSerialization.registerForMember(c.getSerializationConfig());
    SwarmMaps.addTo(c, StorageConfig.DEFAULTS);
    return c;
  }

  @Test
  void afterAMerge_bothCopiesHoldTheNodesOfBothSides() {
    String cluster = "nodes-merge-" + UUID.randomUUID();
    int port = EmbeddedCluster.BASE_PORT + 47;
    left = Hazelcast.newHazelcastInstance(member(cluster, port, 2));
    new NodeRegistry(left).register(node("left-1", 10));
    new NodeRegistry(left).register(node("shared", 10));
    Config rightConfig = member(cluster, port + 1, 1);
    rightConfig
        .getNetworkConfig()
        .getJoin()
        .getTcpIpConfig()
        .setMembers(List.of("127.0.0.1:" + (port + 1)));
    right = Hazelcast.newHazelcastInstance(rightConfig);
    assertThat(right.getCluster().getMembers()).hasSize(1);
    new NodeRegistry(right).register(node("right-1", 20));
    new NodeRegistry(right).register(node("right-2", 20));
    // The newer registration wins the merge (the registry's LatestUpdate policy).
    new NodeRegistry(right).register(node("shared", 30));

    try (LocalNodes leftNodes = LocalNodes.start(left);
        LocalNodes rightNodes = LocalNodes.start(right)) {
      assertThat(ids(leftNodes.all())).containsExactly("left-1", "shared");
      assertThat(ids(rightNodes.all())).containsExactly("right-1", "right-2", "shared");

      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  left.getCluster().getMembers().size() == 2
                      && right.getCluster().getMembers().size() == 2);
      for (LocalNodes local : List.of(leftNodes, rightNodes)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    ids(local.all()).equals(List.of("left-1", "right-1", "right-2", "shared"))
                        && local.get("shared").orElseThrow().registeredAt() == 30);
      }
      new NodeRegistry(left).register(node("after-merge", 40));
      for (LocalNodes local : List.of(leftNodes, rightNodes)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> local.get("after-merge").isPresent());
      }
    }
  }
}
