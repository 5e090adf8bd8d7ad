package io.swarmgrid.storage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messaging between clients of three real members: order, deadlines, requests, retries, bad input.
 */
class MessengerTest {

  // "tiny" gets inbox queues of 10 messages: a longer pattern wins over the swarm.inboxes.* one.
  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .configure(
              (i, c) ->
                  c.addQueueConfig(
                      Mailboxes.inboxConfig(
                              io.swarmgrid.config.StorageConfig.DEFAULTS,
                              MessagingConfig.custom().maxQueuedPerRecipient(10).build())
                          .setName(Mailboxes.INBOX_PREFIX + "*.tiny")));

  private final List<Messenger> open = new ArrayList<>();
  private HazelcastInstance client;

  @BeforeEach
  void registerNodes() {
    client = cluster.newClient();
    NodeRegistry registry = new NodeRegistry(client);
    registry.register(node("alice", "eu", NodeTier.CLOUD));
    registry.register(node("bob", "eu", NodeTier.EDGE));
    registry.register(node("carol", "us", NodeTier.EDGE));
    registry.register(node("tiny", "us", NodeTier.EDGE));
  }

  @AfterEach
  void closeMessengers() {
    open.forEach(Messenger::close);
    open.clear();
  }

  private static NodeInfo node(String id, String region, NodeTier tier) {
    return new NodeInfo(
        id,
        region,
        tier,
        List.of(),
        new Capacity(1, 256, 0),
        NodeKeys.generate().publicKey(),
        NodeStatus.ACTIVE,
        "",
        "",
        List.of(),
        "test",
        1,
        System.currentTimeMillis());
  }

  private Messenger messenger(String nodeId) {
    return messenger(nodeId, MessagingConfig.DEFAULTS);
  }

  private Messenger messenger(String nodeId, MessagingConfig config) {
    Messenger m = new Messenger(client, nodeId, config);
    open.add(m);
    return m;
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void backlog_isDeliveredHighestPriorityFirst_fifoWithinPriority() {
    Messenger alice = messenger("alice");
    Messenger bob = messenger("bob");
    Priority[] cycle = {
      Priority.LOW,
      Priority.LOW,
      Priority.NORMAL,
      Priority.LOW,
      Priority.HIGH,
      Priority.LOW,
      Priority.EMERGENCY
    };
    int total = 350;
    for (int i = 0; i < total; i++) {
      Priority p = cycle[i % cycle.length];
      alice.send("bob", MessageType.STATUS_UPDATE, p, text(p + ":" + i));
    }
    assertThat(bob.queued()).isEqualTo(total);

    List<Message> got = Collections.synchronizedList(new ArrayList<>());
    bob.subscribe(got::add);
    await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == total);

    List<Priority> priorities = got.stream().map(Message::priority).toList();
    assertThat(priorities).isSortedAccordingTo(Enum::compareTo);
    for (Priority p : Priority.values()) {
      List<Integer> order =
          got.stream()
              .filter(m -> m.priority() == p)
              .map(m -> Integer.parseInt(m.text().substring(m.text().indexOf(':') + 1)))
              .toList();
      assertThat(order).as("FIFO within %s", p).isSorted();
    }
    assertThat(bob.stats().delivered()).isEqualTo(total);
    assertThat(alice.stats().sent()).isEqualTo(total);
  }

  @Test
  void expiredMessage_isNeverDelivered_andCountedAsMissedDeadline() {
    Messenger alice = messenger("alice");
    Messenger bob = messenger("bob");
    Instant deadline = Instant.now().plusMillis(200);
    alice.send("bob", MessageType.TASK_ASSIGNMENT, Priority.HIGH, text("too late"), deadline);
    alice.send("bob", MessageType.TASK_ASSIGNMENT, Priority.LOW, text("no deadline"));
    await().until(() -> Instant.now().isAfter(deadline.plusMillis(5)));

    List<Message> got = Collections.synchronizedList(new ArrayList<>());
    bob.subscribe(got::add);
    await().until(() -> bob.stats().missedDeadlines() == 1 && got.size() == 1);
    assertThat(got).extracting(Message::text).containsExactly("no deadline");
    assertThat(bob.queued()).isZero();
  }

  @Test
  void badInput_isRefused_namingFieldAndValue_andNothingIsQueued() {
    Messenger alice =
        messenger(
            "alice",
            MessagingConfig.custom().maxPayloadBytes(16).maxQueuedPerRecipient(10).build());
    messenger("bob");
    assertThatThrownBy(() -> alice.send("nobody", MessageType.CUSTOM, Priority.NORMAL, text("x")))
        .isInstanceOf(MessageRejectedException.class)
        .hasMessageContaining("recipient")
        .hasMessageContaining("'nobody'")
        .hasMessageContaining("not a registered node");
    assertThatThrownBy(() -> alice.send("bob", MessageType.CUSTOM, Priority.NORMAL, new byte[17]))
        .isInstanceOf(MessageRejectedException.class)
        .hasMessageContaining("payload")
        .hasMessageContaining("17 bytes")
        .hasMessageContaining("max-payload-bytes=16");
    Instant past = Instant.now().minusSeconds(1);
    assertThatThrownBy(
            () -> alice.send("bob", MessageType.CUSTOM, Priority.NORMAL, text("x"), past))
        .isInstanceOf(MessageRejectedException.class)
        .hasMessageContaining("deadline")
        .hasMessageContaining(past.toString())
        .hasMessageContaining("in the past");
    assertThatThrownBy(() -> new Messenger(client, "stranger", MessagingConfig.DEFAULTS))
        .isInstanceOf(MessageRejectedException.class)
        .hasMessageContaining("'stranger'");
    assertThat(alice.queuedFor("bob")).isZero();
    assertThat(alice.stats().sent()).isZero();
  }

  @Test
  void inboxOverItsByteBound_refusesTheSend_namingInboxAndBound_untilItIsDelivered() {
    MessagingConfig small =
        MessagingConfig.custom().maxPayloadBytes(1024).maxQueuedBytesPerRecipient(4096).build();
    Messenger alice = messenger("alice", small);
    for (int i = 0; i < 4; i++) {
      alice.send("carol", MessageType.STATE_SYNC, Priority.LOW, new byte[1024]);
    }
    assertThatThrownBy(() -> alice.send("carol", MessageType.STATE_SYNC, Priority.LOW, new byte[1]))
        .isInstanceOf(MessageRejectedException.class)
        .hasMessageContaining("'carol'")
        .hasMessageContaining("the inbox of carol")
        .hasMessageContaining("max-queued-bytes-per-recipient=4096");
    assertThat(alice.queuedFor("carol")).isEqualTo(4);
    assertThat(alice.stats().dropped()).isEqualTo(1);

    // Delivery gives the bytes back: the inbox takes as much again.
    Messenger carol = messenger("carol", small);
    List<Message> got = Collections.synchronizedList(new ArrayList<>());
    carol.subscribe(got::add);
    await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 4);
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreException(MessageRejectedException.class)
        .until(
            () -> {
              alice.send("carol", MessageType.STATE_SYNC, Priority.LOW, new byte[1024]);
              return true;
            });
    await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 5);
  }

  @Test
  void fullInbox_refusesTheSend_andCountsItDropped_butOnlyForThatPriority() {
    Messenger alice = messenger("alice");
    for (int i = 0; i < 10; i++) {
      alice.send("tiny", MessageType.STATE_SYNC, Priority.LOW, text("m" + i));
    }
    assertThatThrownBy(
            () -> alice.send("tiny", MessageType.STATE_SYNC, Priority.LOW, text("one too many")))
        .isInstanceOf(MessageRejectedException.class)
        .hasMessageContaining("'tiny'")
        .hasMessageContaining("full inbox")
        .hasMessageContaining("max-queued-per-recipient");
    assertThat(alice.queuedFor("tiny")).isEqualTo(10);
    assertThat(alice.stats().dropped()).isEqualTo(1);
    assertThat(alice.stats().sent()).isEqualTo(10);
    // The bound is per priority: a Low backlog never refuses an Emergency.
    alice.send("tiny", MessageType.EMERGENCY_ALERT, Priority.EMERGENCY, text("still heard"));
    assertThat(alice.queuedFor("tiny")).isEqualTo(11);
  }

  @Test
  void request_getsTheResponse_matchedByCorrelationId() throws Exception {
    Messenger alice = messenger("alice");
    Messenger bob = messenger("bob");
    alice.subscribe(m -> {});
    bob.subscribe(m -> bob.reply(m, text("pong:" + m.text())));
    Message response =
        alice
            .request(
                "bob", MessageType.REQUEST, Priority.HIGH, text("hello"), Duration.ofSeconds(10))
            .get(20, TimeUnit.SECONDS);
    assertThat(response.type()).isEqualTo(MessageType.RESPONSE);
    assertThat(response.text()).isEqualTo("pong:hello");
    assertThat(response.sender()).isEqualTo("bob");
  }

  @Test
  void request_withoutResponder_timesOut_andItsExpiredCopyIsNotHandedOver() {
    Messenger alice = messenger("alice");
    alice.subscribe(m -> {});
    CompletableFuture<Message> f =
        alice.request(
            "bob", MessageType.REQUEST, Priority.NORMAL, text("anyone?"), Duration.ofMillis(200));
    await().atMost(Duration.ofSeconds(10)).until(f::isDone);
    assertThatThrownBy(f::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);

    Messenger bob = messenger("bob");
    AtomicInteger handled = new AtomicInteger();
    bob.subscribe(m -> handled.incrementAndGet());
    await().until(() -> bob.stats().missedDeadlines() == 1);
    assertThat(handled).hasValue(0);
  }

  @Test
  void requestWithRetry_succeedsOnceTheResponderAppears_andTheResponderHandlesItOnce()
      throws Exception {
    Messenger alice =
        messenger(
            "alice",
            MessagingConfig.custom()
                .retryMaxAttempts(20)
                .retryInitialBackoffMillis(50)
                .retryBackoffMultiplier(1.2)
                .build());
    Messenger bob = messenger("bob");
    alice.subscribe(m -> {});
    // Attempts keep coming for about 30 s: bob subscribes after two, and under CI load taking one
    // may need more than a short deadline.
    CompletableFuture<Message> f =
        alice.requestWithRetry(
            "bob", MessageType.REQUEST, Priority.HIGH, text("work"), Duration.ofMillis(1000));
    // Two attempts are queued (the first timed out): the same request id twice.
    await().atMost(Duration.ofSeconds(20)).until(() -> bob.queued() >= 2);
    AtomicInteger handled = new AtomicInteger();
    bob.subscribe(
        m -> {
          handled.incrementAndGet();
          bob.reply(m, text("done"));
        });
    assertThat(f.get(60, TimeUnit.SECONDS).text()).isEqualTo("done");
    await().until(() -> bob.queued() == 0);
    assertThat(handled).as("a redelivered request is handled once").hasValue(1);
    assertThat(bob.stats().duplicates() + bob.stats().missedDeadlines()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void broadcast_reachesAllOrRegionOrTier_butNotTheSender() {
    Messenger alice = messenger("alice");
    Messenger bob = messenger("bob");
    Messenger carol = messenger("carol");
    Map<String, List<String>> got = new java.util.concurrent.ConcurrentHashMap<>();
    for (Messenger m : List.of(alice, bob, carol)) {
      m.subscribe(
          msg ->
              got.computeIfAbsent(m.nodeId(), k -> Collections.synchronizedList(new ArrayList<>()))
                  .add(msg.text()));
    }
    assertThat(
            alice.broadcast(
                BroadcastTarget.all(),
                MessageType.EMERGENCY_ALERT,
                Priority.EMERGENCY,
                text("all"),
                null))
        .as("bob, carol, tiny")
        .isEqualTo(3);
    assertThat(
            alice.broadcast(
                BroadcastTarget.region("eu"),
                MessageType.STATUS_UPDATE,
                Priority.NORMAL,
                text("eu"),
                null))
        .isEqualTo(1);
    assertThat(
            bob.broadcast(
                BroadcastTarget.tier(NodeTier.EDGE),
                MessageType.STATE_SYNC,
                Priority.LOW,
                text("edge"),
                null))
        .as("carol, tiny")
        .isEqualTo(2);
    await()
        .until(
            () ->
                got.getOrDefault("carol", List.of()).size() == 2
                    && got.getOrDefault("bob", List.of()).size() == 2);
    assertThat(got.get("bob")).containsExactly("all", "eu");
    assertThat(got.get("carol")).containsExactly("all", "edge");
    assertThat(got).doesNotContainKey("alice");
  }
}
