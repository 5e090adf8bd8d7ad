package io.swarmgrid.plugin.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Messenger;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The messaging engine on three real members started by the engine coordinator. */
class MessagingEngineTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep("swarm.nodes")
          .configure((i, c) -> SwarmGrid.enable(c, messagingNode("node-" + i, keys)));

  static SwarmGridConfig messagingNode(String id, Path keyDir) {
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom().id(id).keyFile(keyDir.resolve("{node-id}.key").toString()).build())
        .engines(EnginesConfig.of(Set.of(EngineKind.MESSAGING)))
        .build();
  }

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
  void membersNodes_requestAndReply_throughTheirEngines() throws Exception {
    MessagingEngine a = engine(0);
    MessagingEngine b = engine(1);
    // Responses arrive in the inbox, which is delivered from the first handler on.
    a.onMessage(m -> {});
    b.onMessage(
        m -> {
          if (m.type() == MessageType.REQUEST) {
            b.messenger().reply(m, ("ack " + m.text()).getBytes(StandardCharsets.UTF_8));
          }
        });
    Message response =
        a.messenger()
            .request(
                "node-1",
                MessageType.REQUEST,
                Priority.HIGH,
                "task-7".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(10))
            .get(20, TimeUnit.SECONDS);
    assertThat(response.text()).isEqualTo("ack task-7");
    assertThat(a.stats().sent()).isGreaterThanOrEqualTo(1);
    assertThat(b.stats().delivered()).isGreaterThanOrEqualTo(1);
    assertThat(a.stats().latency().get(Priority.HIGH).count()).isGreaterThanOrEqualTo(1);
  }

  static MessagingEngine engineOf(HazelcastInstance member) {
    await()
        .until(
            () ->
                SwarmGrid.engines(member)
                    .flatMap(e -> e.engine(MessagingEngine.class))
                    .isPresent());
    return SwarmGrid.engines(member).flatMap(e -> e.engine(MessagingEngine.class)).orElseThrow();
  }

  @Test
  void restartedMember_keepsItsBacklog_untilItsFirstHandler() {
    // Node ids survive restarts: the member comes back as node-3 to the inbox it had.
    HazelcastInstance first = Hazelcast.newHazelcastInstance(cluster.memberConfig(3));
    engineOf(first);
    first.getLifecycleService().shutdown();
    Messenger sender = engine(0).messenger();
    List<String> sent = List.of("m1", "m2", "m3", "m4", "m5");
    for (String text : sent) {
      sender.send(
          "node-3",
          MessageType.STATUS_UPDATE,
          Priority.NORMAL,
          text.getBytes(StandardCharsets.UTF_8));
    }
    HazelcastInstance again = Hazelcast.newHazelcastInstance(cluster.memberConfig(3));
    try {
      MessagingEngine restarted = engineOf(again);
      assertThat(restarted.messenger().subscribed()).as("delivering without a handler").isFalse();
      assertThat(sender.queuedFor("node-3")).isEqualTo(sent.size());

      List<String> received = new CopyOnWriteArrayList<>();
      restarted.onMessage(m -> received.add(m.text()));
      await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == sent.size());
      assertThat(received).containsExactlyElementsOf(sent);
    } finally {
      again.getLifecycleService().shutdown();
    }
  }
}
