package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.map.IMap;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.pipeline.SwarmPipelines;
import io.swarmgrid.tasks.pipeline.SwarmSources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SwarmClient against three embedded SwarmGrid members with the CP Subsystem on. */
class SwarmClientTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .cpMembers(3)
          .keep("swarm.nodes")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("n" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .build()));

  static SwarmClient client;

  @BeforeAll
  static void connect() {
    client =
        SwarmClient.connect(
            new SwarmClientConfig(
                cluster.clusterName(),
                cluster.clientConfig().getNetworkConfig().getAddresses(),
                30_000));
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void nodes_areListed_withTheirIdentity() {
    await().atMost(Duration.ofSeconds(30)).until(() -> client.activeNodes().size() == 3);
    assertThat(client.nodes()).extracting(NodeInfo::nodeId).containsExactly("n0", "n1", "n2");
    assertThat(client.node("n1").orElseThrow().publicKey()).hasSize(32);
    assertThat(client.node("nobody")).isEmpty();
  }

  @Test
  void status_showsMembersCpMembersAndEngines() {
    await().atMost(Duration.ofSeconds(60)).until(() -> client.status().cpMembers().size() == 3);
    ClusterStatus s = client.status();
    assertThat(s.members()).hasSize(3);
    assertThat(s.cpMembers()).containsExactlyInAnyOrderElementsOf(s.members());
    assertThat(s.cpNote()).isEmpty();
    assertThat(s.clusterState()).isEqualTo("ACTIVE");
    assertThat(s.enginesByNode()).containsOnlyKeys("n0", "n1", "n2");
    assertThat(s.enginesByNode().get("n0")).isEmpty();
  }

  @Test
  void submit_wordCountOverTheShippedLogs_matchesACountDoneHere() throws Exception {
    Path samples = Path.of("../deploy/samples/loghub").toAbsolutePath();
    Map<String, Long> expected = new HashMap<>();
    try (var files = Files.newDirectoryStream(samples, "*.log")) {
      for (Path f : files) {
        for (String line : Files.readAllLines(f)) {
          for (String w : SwarmPipelines.words(line)) {
            expected.merge(w, 1L, Long::sum);
          }
        }
      }
    }
    client
        .submit(
            SwarmPipelines.wordCount(SwarmSources.textFiles(samples, "*.log"), "wc"),
            new JobConfig())
        .join();
    IMap<String, Long> counts = client.hazelcast().getMap("wc");
    assertThat(Map.copyOf(counts)).isEqualTo(expected);
  }

  @Test
  void config_badValues_areRejected_namingTheField() {
    assertThatThrownBy(() -> new SwarmClientConfig(" ", List.of("a:1"), 5000))
        .hasMessageContaining("clusterName");
    assertThatThrownBy(() -> new SwarmClientConfig("c", List.of(), 5000))
        .hasMessageContaining("addresses");
    assertThatThrownBy(() -> new SwarmClientConfig("c", List.of("a b"), 5000))
        .hasMessageContaining("'a b'");
    assertThatThrownBy(() -> new SwarmClientConfig("c", List.of("a:1"), 10))
        .hasMessageContaining("connectTimeoutMillis: 10");
  }

  @Test
  void connect_toNothing_failsWithTheClusterAndAddresses() {
    assertThatThrownBy(
            () ->
                SwarmClient.connect(
                    new SwarmClientConfig("nobody-here", List.of("127.0.0.1:5899"), 1000)))
        .hasMessageContaining("nobody-here")
        .hasMessageContaining("127.0.0.1:5899");
  }

  @Test
  void exampleMemberYaml_importsTheSwarmGridMemberYaml() throws Exception {
    assertThat(Files.readString(Path.of("../deploy/examples/loopback-3/hazelcast.yaml")))
        .contains("- classpath:swarmgrid-member.yaml");
    assertThat(Files.readString(Path.of("../deploy/examples/loopback-3/hazelcast-plain.yaml")))
        .contains("- classpath:swarmgrid-serializers.yaml")
        .doesNotContain("SwarmGridBootstrap");
  }

  @Test
  void messenger_joinsAsClientNode_sendsRequestsAndReceives() throws Exception {
    try (Mailbox edge = client.messenger("edge-7", "eu", NodeTier.EDGE);
        Mailbox hub = client.messenger("hub", "eu", NodeTier.CLOUD)) {
      assertThat(client.node("edge-7").orElseThrow().tier()).isEqualTo(NodeTier.EDGE);
      hub.subscribe(m -> hub.reply(m, ("seen " + m.text()).getBytes(StandardCharsets.UTF_8)));
      edge.subscribe(m -> {});
      Message r =
          edge.request(
                  "hub",
                  MessageType.REQUEST,
                  Priority.NORMAL,
                  "hi".getBytes(StandardCharsets.UTF_8),
                  Duration.ofSeconds(10))
              .get(20, TimeUnit.SECONDS);
      assertThat(r.text()).isEqualTo("seen hi");
      assertThat(edge.stats().sent()).isEqualTo(1);
      assertThatThrownBy(() -> client.messenger("bad id", "eu", NodeTier.EDGE))
          .hasMessageContaining("nodeId: 'bad id'");
    } finally {
      // The other tests here count the member nodes: the client nodes leave.
      var registry = new io.swarmgrid.storage.node.NodeRegistry(client.hazelcast());
      registry.markGone("edge-7", System.currentTimeMillis(), 60);
      registry.markGone("hub", System.currentTimeMillis(), 60);
    }
  }
}
