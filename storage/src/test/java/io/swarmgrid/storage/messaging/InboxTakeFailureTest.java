package io.swarmgrid.storage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A take that fails part-way: {@link InboxQueues#drain} takes class after class, and messages an
 * earlier class gave up have left the grid, so a later class's failure must not drop them (it did:
 * the exception threw the batch away with the messages in it). Here the later failure is an item
 * that cannot be read; a connection dropped by a member leaving or merging fails a take the same
 * way.
 */
class InboxTakeFailureTest {
  private static final int FACTORY = 9_901;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(1)
          .configure(
              (i, config) ->
                  config
                      .getSerializationConfig()
                      .addDataSerializableFactory(FACTORY, id -> new Unreadable()));

  @Test
  void aLaterClassFailing_keepsTheMessagesAnEarlierClassGaveUp() {
    HazelcastInstance hz = cluster.member(0);
    String node = "take-failure-" + UUID.randomUUID();
    Message normal = message(node, Priority.NORMAL);
    hz.<Message>getQueue(Mailboxes.inboxName(node, Priority.NORMAL)).offer(normal);
    hz.getQueue(Mailboxes.inboxName(node, Priority.LOW)).offer(new Unreadable());
    AtomicLong failed = new AtomicLong();
    InboxQueues inbox = new InboxQueues(hz, node, failed);

    assertThat(inbox.drain()).containsExactly(normal);
    assertThat(failed).as("the failed take is counted").hasValue(1);
    // The failure is not swallowed: the next take reports it (the class was left to look at).
    hz.getQueue(Mailboxes.inboxName(node, Priority.LOW)).offer(new Unreadable());
    assertThatThrownBy(inbox::drain).isInstanceOf(HazelcastSerializationException.class);
  }

  @Test
  void aFailureBeforeAnythingWasTaken_isThrown() {
    HazelcastInstance hz = cluster.member(0);
    String node = "take-failure-" + UUID.randomUUID();
    hz.getQueue(Mailboxes.inboxName(node, Priority.HIGH)).offer(new Unreadable());
    AtomicLong failed = new AtomicLong();
    InboxQueues inbox = new InboxQueues(hz, node, failed);

    assertThatThrownBy(inbox::drain).isInstanceOf(HazelcastSerializationException.class);
    assertThat(failed).hasValue(1);
  }

  private static Message message(String recipient, Priority priority) {
    return new Message(
        UUID.randomUUID().toString(),
        "sender",
        recipient,
        MessageType.STATUS_UPDATE,
        priority,
        1,
        Outbox.nowMicros(),
        0,
        "",
        "hello".getBytes(StandardCharsets.UTF_8));
  }

  /** Written fine, never read back. */
  static final class Unreadable implements IdentifiedDataSerializable {
    @Override
    public int getFactoryId() {
      return FACTORY;
    }

    @Override
    public int getClassId() {
      return 1;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeInt(1);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      throw new IOException("this item cannot be read");
    }
  }
}
