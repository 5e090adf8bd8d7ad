package io.swarmgrid.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryYamlConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.config.SwarmGridConfigLoader;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The plugin inside real members: registration, YAML activation, bad config, leaving. */
class SwarmGridBootstrapTest {

  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep("swarm.nodes")
          .configure((i, config) -> SwarmGrid.enable(config, swarmConfig("node-" + i)));

  static SwarmGridConfig swarmConfig(String id) {
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id(id)
                .region("eu")
                .tier(NodeTier.EDGE_SERVER)
                .capability("gpu")
                .keyFile(keys.resolve("{node-id}.key").toString())
                .heartbeatSeconds(1)
                .build())
        .build();
  }

  @AfterEach
  void clearProperty() {
    System.clearProperty(SwarmGridConfigLoader.CONFIG_PROPERTY);
  }

  private static NodeRegistry registry() {
    return new NodeRegistry(cluster.anyRunning());
  }

  /** YAML for a member of the test cluster; {@code extra} goes under {@code hazelcast:}. */
  private static String memberYaml(String extra) {
    String members =
        IntStream.range(EmbeddedCluster.BASE_PORT, EmbeddedCluster.BASE_PORT + 10)
            .mapToObj(p -> "          - 127.0.0.1:" + p)
            .collect(Collectors.joining("\n"));
    return """
        hazelcast:
          cluster-name: %s
          jet: { enabled: true }
          properties:
            hazelcast.phone.home.enabled: false
            hazelcast.wait.seconds.before.join: 0
            hazelcast.partition.count: 71
          network:
            port: { port: %d, auto-increment: true, port-count: 50 }
            interfaces: { enabled: true, interfaces: [127.0.0.1] }
            join:
              multicast: { enabled: false }
              auto-detection: { enabled: false }
              tcp-ip:
                enabled: true
                member-list:
        %s
        %s
        """
        .formatted(cluster.clusterName(), EmbeddedCluster.BASE_PORT, members, extra);
  }

  private static final String SWARMGRID = "  import:\n    - classpath:swarmgrid-member.yaml\n";
  private static final String SERIALIZERS =
      "  import:\n    - classpath:swarmgrid-serializers.yaml\n";

  @Test
  void everyMember_registersItsNode_withIdentityAndCapabilities() {
    await().atMost(Duration.ofSeconds(30)).until(() -> registry().active().size() >= 3);
    for (int i = 0; i < 3; i++) {
      NodeInfo n = registry().get("node-" + i).orElseThrow();
      assertThat(n.region()).isEqualTo("eu");
      assertThat(n.tier()).isEqualTo(NodeTier.EDGE_SERVER);
      assertThat(n.capabilities()).containsExactly("gpu");
      assertThat(n.capacity().cpuCores()).isPositive();
      assertThat(n.publicKey())
          .isEqualTo(SwarmGrid.node(cluster.member(i)).orElseThrow().keys().publicKey());
      assertThat(n.memberUuid())
          .isEqualTo(cluster.member(i).getCluster().getLocalMember().getUuid().toString());
      assertThat(Files.exists(keys.resolve("node-" + i + ".key"))).isTrue();
    }
    long firstSeen = registry().get("node-0").orElseThrow().lastSeen();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> registry().get("node-0").orElseThrow().lastSeen() > firstSeen);
  }

  @Test
  void memberNamingTheBootstrapInYaml_registers_andLeavesGracefully() throws Exception {
    Path file = keys.resolve("yaml-member.yaml");
    Files.writeString(
        file,
        """
        swarmgrid:
          node:
            id: from-yaml
            region: us
            key-file: %s
        """
            .formatted(keys.resolve("{node-id}.key")));
    System.setProperty(SwarmGridConfigLoader.CONFIG_PROPERTY, file.toString());
    Config config = new InMemoryYamlConfig(memberYaml(SWARMGRID));
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> registry().get("from-yaml").isPresent());
      assertThat(registry().get("from-yaml").orElseThrow().region()).isEqualTo("us");
    } finally {
      member.shutdown();
    }
    assertThat(registry().get("from-yaml").orElseThrow().status()).isEqualTo(NodeStatus.GONE);
  }

  @Test
  void plainMember_withoutTheBootstrap_isNotRegistered() {
    int before = registry().all().size();
    HazelcastInstance plain =
        Hazelcast.newHazelcastInstance(new InMemoryYamlConfig(memberYaml(SERIALIZERS)));
    try {
      assertThat(plain.getCluster().getMembers()).hasSize(4);
      assertThat(SwarmGrid.node(plain)).isEmpty();
      assertThat(registry().all()).hasSize(before);
    } finally {
      plain.shutdown();
    }
  }

  @Test
  void invalidConfig_stopsTheMemberBeforeItJoins_namingKeyAndValue() throws Exception {
    Path file = keys.resolve("bad.yaml");
    Files.writeString(file, "swarmgrid:\n  node:\n    tier: satellite\n");
    System.setProperty(SwarmGridConfigLoader.CONFIG_PROPERTY, file.toString());
    Config config = new InMemoryYamlConfig(memberYaml(SWARMGRID));
    assertThatThrownBy(() -> Hazelcast.newHazelcastInstance(config))
        .hasStackTraceContaining("swarmgrid.node.tier")
        .hasStackTraceContaining("'satellite'");
    assertThat(cluster.member(0).getCluster().getMembers()).hasSize(3);
  }

  @Test
  void memberWithoutTheSerializers_isRefused_withTheLinesToAdd() {
    Config config =
        new InMemoryYamlConfig(
            memberYaml(
                """
          listeners:
            - io.swarmgrid.plugin.SwarmGridBootstrap
        """));
    assertThatThrownBy(() -> Hazelcast.newHazelcastInstance(config))
        .hasStackTraceContaining("NodeInfoSerializer")
        .hasStackTraceContaining("classpath:swarmgrid-member.yaml");
    assertThat(cluster.member(0).getCluster().getMembers()).hasSize(3);
  }

  @Test
  void crashedMember_isMarkedGone_byTheSurvivors() {
    HazelcastInstance doomed = cluster.startMember();
    String id = SwarmGrid.node(doomed).orElseThrow().nodeId();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> registry().get(id).map(NodeInfo::active).orElse(false));
    doomed.getLifecycleService().terminate();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> registry().get(id).map(n -> n.status() == NodeStatus.GONE).orElse(false));
  }

  /**
   * What a split-brain merge leaves: the member that merged back runs under a new UUID, while the
   * registry holds its node gone (marked by the larger side) or active on the UUID it had before
   * (its own side's record, kept by the merge policy). Its next heartbeat registers it again.
   */
  @Test
  void runningMembersNode_markedGoneOrOnAStaleMember_registersAgain() {
    await().atMost(Duration.ofSeconds(30)).until(() -> registry().active().size() >= 3);
    String uuid = cluster.member(1).getCluster().getLocalMember().getUuid().toString();
    NodeInfo before = registry().get("node-1").orElseThrow();

    assertThat(registry().markGone("node-1", System.currentTimeMillis(), 60)).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(registry().get("node-1").orElseThrow())
                    .matches(NodeInfo::active, "active")
                    .matches(n -> n.memberUuid().equals(uuid), "on member " + uuid)
                    .matches(n -> n.registeredAt() > before.registeredAt(), "registered again"));

    NodeInfo again = registry().get("node-1").orElseThrow();
    String stale = java.util.UUID.randomUUID().toString();
    cluster
        .anyRunning()
        .<String, NodeInfo>getMap(SwarmMap.NODES.mapName())
        .set(
            "node-1",
            new NodeInfo(
                again.nodeId(),
                again.region(),
                again.tier(),
                again.capabilities(),
                again.capacity(),
                again.publicKey(),
                NodeStatus.ACTIVE,
                stale,
                again.address(),
                again.engines(),
                again.version(),
                again.registeredAt(),
                again.lastSeen()));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(registry().get("node-1").orElseThrow().memberUuid()).isEqualTo(uuid));
  }
}
