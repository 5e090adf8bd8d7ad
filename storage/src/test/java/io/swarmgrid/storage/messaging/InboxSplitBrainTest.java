package io.swarmgrid.storage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.collection.IQueue;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.storage.SwarmSerialization;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a split brain heals, an inbox holds the messages queued on both sides (issue 13): two
 * one-member clusters of the same name, each queueing for one node, are merged by Hazelcast's own
 * split-brain handling (one lists the other's address).
 */
class InboxSplitBrainTest {
  private static final String NODE = "edge-7";
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
    SwarmSerialization.register(c.getSerializationConfig());
    Mailboxes.addTo(c, StorageConfig.DEFAULTS, MessagingConfig.DEFAULTS);
    return c;
  }

  private static Message message(String id, Priority priority, long seq) {
    return new Message(
        id,
        "sender",
        NODE,
        MessageType.STATUS_UPDATE,
        priority,
        seq,
        seq,
        0,
        "",
        id.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void mergedInbox_keepsTheMessagesOfBothSides_inTheirPriorityQueues() {
    String cluster = "inbox-merge-" + UUID.randomUUID();
    int port = EmbeddedCluster.BASE_PORT + 45;
    // Left lists right's port, so its split-brain handler finds right once both run; right lists
    // only itself, so it starts as a cluster of its own.
    left = Hazelcast.newHazelcastInstance(member(cluster, port, 2));
    queue(left, Priority.NORMAL).offer(message("left-1", Priority.NORMAL, 1));
    queue(left, Priority.LOW).offer(message("left-2", Priority.LOW, 2));
    Config rightConfig = member(cluster, port + 1, 1);
    rightConfig
        .getNetworkConfig()
        .getJoin()
        .getTcpIpConfig()
        .setMembers(List.of("127.0.0.1:" + (port + 1)));
    right = Hazelcast.newHazelcastInstance(rightConfig);
    assertThat(right.getCluster().getMembers()).hasSize(1);
    queue(right, Priority.EMERGENCY).offer(message("right-1", Priority.EMERGENCY, 3));
    queue(right, Priority.NORMAL).offer(message("right-2", Priority.NORMAL, 4));

    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                left.getCluster().getMembers().size() == 2
                    && right.getCluster().getMembers().size() == 2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                queue(left, Priority.EMERGENCY).size()
                        + queue(left, Priority.NORMAL).size()
                        + queue(left, Priority.LOW).size()
                    == 4);
    assertThat(ids(queue(left, Priority.EMERGENCY))).containsExactly("right-1");
    assertThat(ids(queue(left, Priority.NORMAL))).containsExactlyInAnyOrder("left-1", "right-2");
    assertThat(ids(queue(left, Priority.LOW))).containsExactly("left-2");
  }

  private static IQueue<Message> queue(HazelcastInstance hz, Priority priority) {
    return hz.getQueue(Mailboxes.inboxName(NODE, priority));
  }

  private static List<String> ids(IQueue<Message> queue) {
    return queue.stream().map(Message::id).toList();
  }
}
