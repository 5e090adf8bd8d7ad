package io.swarmgrid.plugin.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Messenger;
import io.swarmgrid.storage.messaging.Presence;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Presence: a client node that stops heart-beating is marked unreachable, keeps its inbox, and
 * comes back.
 */
class PresenceTest {
  static final MessagingConfig FAST =
      MessagingConfig.custom()
          .pingIntervalMillis(100)
          .unreachableAfterMissedPings(3)
          .goneAfterUnreachableSeconds(1)
          .build();

  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(2)
          .keep("swarm.nodes")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("node-" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(Set.of(EngineKind.MESSAGING)))
                          .messaging(FAST)
                          .build()));

  static MessagingEngine engine(int member) {
    await()
        .until(
            () ->
                SwarmGrid.engines(cluster.member(member))
                    .flatMap(e -> e.engine(MessagingEngine.class))
                    .isPresent());
    return SwarmGrid.engines(cluster.member(member))
        .flatMap(e -> e.engine(MessagingEngine.class))
        .orElseThrow();
  }

  @Test
  void clientNodeStopsAnswering_isMarkedUnreachable_keepsItsInbox_andIsReachableWhenBack() {
    Messenger member = engine(0).messenger();
    engine(1);
    HazelcastInstance client = cluster.newClient();
    new NodeRegistry(client)
        .register(
            new NodeInfo(
                "edge-1",
                "eu",
                NodeTier.EDGE,
                List.of(),
                new Capacity(1, 256, 0),
                NodeKeys.generate().publicKey(),
                NodeStatus.ACTIVE,
                "",
                "",
                List.of(),
                "test",
                1,
                System.currentTimeMillis()));
    assertThat(member.presence("edge-1").state()).isEqualTo(Presence.State.UNKNOWN);

    Messenger edge = new Messenger(client, "edge-1", FAST);
    edge.subscribe(m -> {});
    await().until(() -> member.presence("edge-1").reachable());
    await().until(() -> member.presence("node-1").reachable());

    edge.close();
    await().until(() -> member.presence("edge-1").state() == Presence.State.UNREACHABLE);
    assertThat(member.unreachable()).contains("edge-1").doesNotContain("node-0", "node-1");
    member.send(
        "edge-1",
        MessageType.STATUS_UPDATE,
        Priority.NORMAL,
        "while away".getBytes(StandardCharsets.UTF_8));
    assertThat(member.queuedFor("edge-1")).isEqualTo(1);

    List<String> received = new CopyOnWriteArrayList<>();
    Messenger back = new Messenger(client, "edge-1", FAST);
    back.subscribe(m -> received.add(m.text()));
    await().until(() -> member.presence("edge-1").reachable());
    await().until(() -> received.contains("while away"));
    assertThat(member.unreachable()).doesNotContain("edge-1");
    back.close();
  }

  @Test
  void clientNodeUnreachableLongerThanTheLimit_isMarkedGone_andLeavesTheActiveNodes() {
    Messenger member = engine(0).messenger();
    HazelcastInstance client = cluster.newClient();
    NodeRegistry registry = new NodeRegistry(client);
    registry.register(
        new NodeInfo(
            "edge-9",
            "eu",
            NodeTier.EDGE,
            List.of(),
            new Capacity(1, 256, 0),
            NodeKeys.generate().publicKey(),
            NodeStatus.ACTIVE,
            "",
            "",
            List.of(),
            "test",
            1,
            System.currentTimeMillis()));
    Messenger edge = new Messenger(client, "edge-9", FAST);
    edge.subscribe(m -> {});
    await().until(() -> member.presence("edge-9").reachable());
    // The client crashes: no close() marks its node gone, only its silence.
    edge.close();
    await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> registry.get("edge-9").orElseThrow().status() == NodeStatus.GONE);
    assertThat(registry.active()).extracting(NodeInfo::nodeId).doesNotContain("edge-9");
    assertThat(registry.active()).extracting(NodeInfo::nodeId).contains("node-0", "node-1");
  }
}
