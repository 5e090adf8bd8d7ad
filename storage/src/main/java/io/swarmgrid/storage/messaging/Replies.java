package io.swarmgrid.storage.messaging;

import java.util.UUID;

/** The messages a receiver sends back by itself: pongs and deadline-missed notices. */
final class Replies {
  private Replies() {}

  /**
   * A message of {@code type} from {@code from} to {@code m}'s sender, at {@code m}'s priority and
   * with its correlation id.
   */
  static Message to(Message m, String from, MessageType type, byte[] payload) {
    return new Message(
        UUID.randomUUID().toString(),
        from,
        m.sender(),
        type,
        m.priority(),
        Outbox.nextSeq(),
        Outbox.nowMicros(),
        0,
        m.correlationId(),
        payload);
  }
}
