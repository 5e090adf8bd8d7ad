package io.swarmgrid.plugin.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import io.swarmgrid.storage.messaging.AsyncQueueOffer;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.messaging.MessageRejectedException;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Messenger;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link Messenger#sendAsync} on members, over {@link PartitionQueueOffer}. */
class PartitionQueueOfferTest {
  @TempDir static Path keys;

  private static final MessagingConfig MESSAGING =
      MessagingConfig.custom().maxQueuedPerRecipient(200).build();

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(2)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("offer-" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(Set.of(EngineKind.MESSAGING)))
                          .messaging(MESSAGING)
                          .build()));

  private static void register(HazelcastInstance hz, String id) {
    new NodeRegistry(hz)
        .register(
            new NodeInfo(
                id,
                "default",
                NodeTier.CLOUD,
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
  }

  private static byte[] number(int n) {
    return ByteBuffer.allocate(4).putInt(n).array();
  }

  @Test
  void sendsChainedOneAfterTheOther_arriveAllAndInOrder_onAnInboxOfAnotherMember() {
    HazelcastInstance from = cluster.member(0);
    HazelcastInstance to = cluster.member(1);
    assertThat(SwarmServices.find(from, AsyncQueueOffer.class)).isPresent();
    register(from, "async-sender");
    register(from, "async-receiver");
    List<Integer> got = new CopyOnWriteArrayList<>();
    try (Messenger sender = new Messenger(from, "async-sender", MESSAGING);
        Messenger receiver = new Messenger(to, "async-receiver", MESSAGING)) {
      receiver.subscribe(m -> got.add(ByteBuffer.wrap(m.payload()).getInt()));
      CompletableFuture<String> chain = CompletableFuture.completedFuture("");
      for (int i = 0; i < 150; i++) {
        int n = i;
        chain =
            chain.thenCompose(
                id ->
                    sender.sendAsync(
                        "async-receiver",
                        MessageType.STATUS_UPDATE,
                        Priority.EMERGENCY,
                        number(n)));
      }
      chain.join();
      await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 150);
      assertThat(got).isSorted().doesNotHaveDuplicates();
      assertThat(sender.stats().sent()).isEqualTo(150);
    }
  }

  @Test
  void aFullInbox_failsTheFuture_andQueuesNothingMore() {
    HazelcastInstance from = cluster.member(0);
    register(from, "full-sender");
    register(from, "full-receiver");
    try (Messenger sender = new Messenger(from, "full-sender", MESSAGING)) {
      CompletableFuture<String> chain = CompletableFuture.completedFuture("");
      for (int i = 0; i < 200; i++) {
        int n = i;
        chain =
            chain.thenCompose(
                id ->
                    sender.sendAsync(
                        "full-receiver", MessageType.STATUS_UPDATE, Priority.HIGH, number(n)));
      }
      chain.join();

      assertThatThrownBy(
              () ->
                  sender
                      .sendAsync(
                          "full-receiver", MessageType.STATUS_UPDATE, Priority.HIGH, number(200))
                      .join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(MessageRejectedException.class)
          .hasMessageContaining("full inbox");
      assertThat(sender.queuedFor("full-receiver")).isEqualTo(200);
      assertThat(sender.stats().dropped()).isEqualTo(1);
    }
  }

  @Test
  void anUnknownRecipient_isRefusedAtOnce_namingIt() {
    HazelcastInstance from = cluster.member(0);
    register(from, "lonely-sender");
    try (Messenger sender = new Messenger(from, "lonely-sender", MESSAGING)) {
      assertThatThrownBy(
              () ->
                  sender.sendAsync("nobody", MessageType.STATUS_UPDATE, Priority.HIGH, new byte[1]))
          .isInstanceOf(MessageRejectedException.class)
          .hasMessageContaining("recipient")
          .hasMessageContaining("nobody");
    }
  }

  @Test
  void aDrainedMessage_isTheOneSent() {
    HazelcastInstance from = cluster.member(1);
    register(from, "echo-sender");
    register(from, "echo-receiver");
    List<Message> got = new CopyOnWriteArrayList<>();
    try (Messenger sender = new Messenger(from, "echo-sender", MESSAGING);
        Messenger receiver = new Messenger(cluster.member(0), "echo-receiver", MESSAGING)) {
      receiver.subscribe(got::add);
      String id =
          sender
              .sendAsync("echo-receiver", MessageType.STATE_SYNC, Priority.NORMAL, number(7))
              .join();
      await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 1);
      assertThat(got.get(0).id()).isEqualTo(id);
      assertThat(got.get(0).sender()).isEqualTo("echo-sender");
      assertThat(got.get(0).type()).isEqualTo(MessageType.STATE_SYNC);
      assertThat(got.get(0).payload()).isEqualTo(number(7));
    }
  }
}
