package io.swarmgrid.storage.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A node's mailbox in the grid: send, broadcast, request and reply, subscribe, presence and stats.
 * {@code SwarmClient.messenger(...)} hands out this interface; {@link Messenger} is the one
 * implementation, over the node's priority inbox.
 */
public interface Mailbox extends AutoCloseable {
  /** This node's id. */
  String nodeId();

  /** Sends a message without deadline; returns its id. */
  String send(String recipient, MessageType type, Priority priority, byte[] payload);

  /**
   * Queues a message in {@code recipient}'s inbox; returns its id.
   *
   * @param deadline after this instant the message is never delivered; null for none
   * @throws MessageRejectedException for an unknown recipient, a payload over the limit, a deadline
   *     in the past or a full inbox; nothing is queued then
   */
  String send(
      String recipient, MessageType type, Priority priority, byte[] payload, Instant deadline);

  /**
   * Like {@link #send(String, MessageType, Priority, byte[], Instant)} with a correlation id (empty
   * for none): a node that is not a {@code Messenger}, such as a WebSocket client, answers a
   * request by sending a {@link MessageType#RESPONSE} with the request's correlation id.
   */
  String send(
      String recipient,
      MessageType type,
      Priority priority,
      byte[] payload,
      Instant deadline,
      String correlationId);

  /**
   * As {@link #send(String, MessageType, Priority, byte[])}, the grid's answer as a future; this
   * default sends at once on the caller's thread ({@link Messenger} does not hold it on a member).
   * Completes with the message id or the send's exception.
   */
  default CompletableFuture<String> sendAsync(
      String recipient, MessageType type, Priority priority, byte[] payload) {
    try {
      return CompletableFuture.completedFuture(send(recipient, type, priority, payload));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Sends one copy of a message to every active node of {@code target} except this one; returns how
   * many were queued. Copies have an empty recipient and share one id. A copy refused by a full
   * inbox is counted in {@link MessagingStats#dropped()} and does not stop the others.
   */
  int broadcast(
      BroadcastTarget target,
      MessageType type,
      Priority priority,
      byte[] payload,
      Instant deadline);

  /**
   * Sends a {@link MessageType#REQUEST}-style message and completes with the response, or with a
   * {@link TimeoutException} after {@code timeout}, or a {@link DeadlineMissedException} if the
   * request expired in the recipient's inbox (its deadline is now + timeout). Needs {@link
   * #subscribe} first: responses arrive in this node's inbox.
   */
  CompletableFuture<Message> request(
      String recipient, MessageType type, Priority priority, byte[] payload, Duration timeout);

  /**
   * Like {@link #request}, retried on timeout with exponential backoff ({@code messaging.retry-*}).
   * Every attempt carries the same message id and correlation id, so the responder handles the
   * request once however many copies reach it; the first response completes the future.
   */
  CompletableFuture<Message> requestWithRetry(
      String recipient,
      MessageType type,
      Priority priority,
      byte[] payload,
      Duration timeoutPerAttempt);

  /** Answers a request with {@code payload}, at the request's priority. */
  void reply(Message request, byte[] payload);

  /**
   * As {@link #subscribe}, but a message leaves the inbox only once {@code handler} returned: if it
   * throws, or this process dies first, the message stays and is delivered again (to a later
   * subscriber; the receiver de-duplicates by id). Each take is a Hazelcast transaction, so this is
   * slower; the WebSocket gateway uses it to acknowledge after the frame is written.
   */
  void subscribeAcknowledged(Consumer<Message> handler);

  /**
   * Starts delivering this node's inbox to {@code handler} on a delivery thread; one handler per
   * messenger.
   */
  void subscribe(Consumer<Message> handler);

  /**
   * Starts this node's heartbeats (see {@link Presence}) without taking its inbox: a node that is
   * up but has no handler yet is present, and its messages wait in the grid. {@link #subscribe}
   * starts them too; calling both, or either twice, beats once.
   */
  void startHeartbeats();

  /**
   * Whether {@code node} is reachable: it heart-beats while its messenger is subscribed, and is
   * marked unreachable by the members' presence monitors after {@code
   * messaging.unreachable-after-missed-pings} missed beats. Its inbox is kept meanwhile.
   */
  Presence presence(String node);

  /** The nodes now marked unreachable. */
  Set<String> unreachable();

  /** Whether {@link #subscribe} was called. */
  boolean subscribed();

  /** Called with every pong this node receives (used by presence). */
  void onPong(Consumer<Message> listener);

  /** Messages waiting in this node's inbox. */
  int queued();

  /** Messages waiting in {@code node}'s inbox. */
  int queuedFor(String node);

  /** This messenger's counters and latencies. */
  MessagingStats stats();

  /** Stops delivery (a message being handled finishes first); queued messages stay in the grid. */
  void close();
}
