package io.swarmgrid.plugin.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Mailboxes;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Messenger;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Messages queued for a node survive the loss of the member that holds its inbox. */
class MessagingMemberLossTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .configure(
              (i, c) -> SwarmGrid.enable(c, MessagingEngineTest.messagingNode("node-" + i, keys)));

  @Test
  void memberTerminated_withMessagesQueued_noneIsLost() {
    HazelcastInstance client = cluster.newClient();
    NodeRegistry registry = new NodeRegistry(client);
    for (String id : List.of("sender", "edge-1")) {
      registry.register(
          new NodeInfo(
              id,
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
    }
    Messenger sender = new Messenger(client, "sender", MessagingConfig.DEFAULTS);
    Set<String> sent = new HashSet<>();
    Priority[] priorities = Priority.values();
    for (int i = 0; i < 2000; i++) {
      sent.add(
          sender.send(
              "edge-1",
              MessageType.STATE_SYNC,
              priorities[i % 4],
              ("m" + i).getBytes(StandardCharsets.UTF_8)));
    }

    Partition partition =
        cluster.member(0).getPartitionService().getPartition(Mailboxes.inboxPartitionKey("edge-1"));
    HazelcastInstance owner =
        cluster.members().stream()
            .filter(
                m ->
                    m.getCluster()
                        .getLocalMember()
                        .getUuid()
                        .equals(partition.getOwner().getUuid()))
            .findFirst()
            .orElseThrow();
    // Every backup in place first: a member that left in the previous test leaves migrations
    // behind, and a kill before they finish may take the only copy of a registry entry (CI lost
    // edge-1's registration so).
    await().atMost(Duration.ofSeconds(60)).until(() -> owner.getPartitionService().isClusterSafe());
    owner.getLifecycleService().terminate();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> cluster.anyRunning().getCluster().getMembers().size() == 2);

    Set<String> received = ConcurrentHashMap.newKeySet();
    try (Messenger edge = new Messenger(client, "edge-1", MessagingConfig.DEFAULTS)) {
      edge.subscribe((Message m) -> received.add(m.id()));
      await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == sent.size());
      assertThat(received).isEqualTo(sent);
      assertThat(edge.queued()).isZero();
    } finally {
      sender.close();
    }
  }

  @Test
  void memberDies_whileHandlingAnAcknowledgedMessage_theMessageStaysQueued() throws Exception {
    HazelcastInstance client = cluster.newClient();
    NodeRegistry registry = new NodeRegistry(client);
    for (String id : List.of("sender-2", "edge-2")) {
      registry.register(
          new NodeInfo(
              id,
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
    }
    // The gateway's case: the member writing a message out dies before it acknowledged it.
    HazelcastInstance gatewayMember = Hazelcast.newHazelcastInstance(cluster.memberConfig(3));
    CountDownLatch handed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Messenger edge = new Messenger(gatewayMember, "edge-2", MessagingConfig.DEFAULTS);
    try (Messenger sender = new Messenger(client, "sender-2", MessagingConfig.DEFAULTS)) {
      edge.subscribeAcknowledged(
          m -> {
            handed.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("never acknowledged");
          });
      String id =
          sender.send(
              "edge-2",
              MessageType.STATE_SYNC,
              Priority.HIGH,
              "hello".getBytes(StandardCharsets.UTF_8));
      assertThat(handed.await(30, TimeUnit.SECONDS)).isTrue();
      gatewayMember.getLifecycleService().terminate();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> cluster.anyRunning().getCluster().getMembers().size() == 3);

      Set<String> received = ConcurrentHashMap.newKeySet();
      try (Messenger again = new Messenger(client, "edge-2", MessagingConfig.DEFAULTS)) {
        again.subscribe(m -> received.add(m.id()));
        await().atMost(Duration.ofSeconds(60)).until(() -> received.contains(id));
      }
    } finally {
      release.countDown();
    }
  }
}
