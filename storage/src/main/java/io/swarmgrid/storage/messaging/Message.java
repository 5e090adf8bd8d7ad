package io.swarmgrid.storage.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One message. Compact type name {@code swarmgrid.Message}; enums as their names.
 *
 * @param id unique id; a receiver handles a given id once
 * @param sender node id of the sender
 * @param recipient node id of the recipient, or empty for a copy of a broadcast
 * @param type what the message is about
 * @param priority delivery class
 * @param seq ordering within a priority: FIFO by this number (per sending JVM strictly increasing,
 *     close to the send time in microseconds across JVMs)
 * @param sentAtMicros epoch microseconds when it was sent (for latency)
 * @param deadlineMillis epoch millis after which it is never delivered, or 0 for none
 * @param correlationId the request id a request or response belongs to, or empty
 * @param payload the body, at most {@code messaging.max-payload-bytes}
 */
public record Message(
    String id,
    String sender,
    String recipient,
    MessageType type,
    Priority priority,
    long seq,
    long sentAtMicros,
    long deadlineMillis,
    String correlationId,
    byte[] payload) {

  /** Checks required fields; nulls of optional ones become empty. */
  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(priority, "priority");
    recipient = recipient == null ? "" : recipient;
    correlationId = correlationId == null ? "" : correlationId;
    payload = payload == null ? new byte[0] : payload;
  }

  /** Whether a deadline is set. */
  public boolean hasDeadline() {
    return deadlineMillis > 0;
  }

  /** Whether the deadline has passed at {@code nowMillis}. */
  public boolean expiredAt(long nowMillis) {
    return deadlineMillis > 0 && nowMillis > deadlineMillis;
  }

  /** The payload as UTF-8 text. */
  public String text() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** Whether this is a copy of a broadcast. */
  public boolean broadcast() {
    return recipient.isEmpty();
  }

  /** Short form for logs: no payload bytes. */
  @Override
  public String toString() {
    return "Message["
        + id
        + " "
        + type
        + " "
        + priority
        + " "
        + sender
        + "->"
        + (recipient.isEmpty() ? "*" : recipient)
        + (correlationId.isEmpty() ? "" : " corr=" + correlationId)
        + " "
        + payload.length
        + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message m
        && id.equals(m.id)
        && sender.equals(m.sender)
        && recipient.equals(m.recipient)
        && type == m.type
        && priority == m.priority
        && seq == m.seq
        && sentAtMicros == m.sentAtMicros
        && deadlineMillis == m.deadlineMillis
        && correlationId.equals(m.correlationId)
        && java.util.Arrays.equals(payload, m.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, recipient, seq);
  }
}
