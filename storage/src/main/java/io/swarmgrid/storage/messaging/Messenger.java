package io.swarmgrid.storage.messaging;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One node's messaging endpoint, on a member or a client: sends to other nodes' inboxes,
 * broadcasts, makes requests, and delivers its own inbox to a handler. Thread-safe; close it when
 * done.
 *
 * <p>Delivery: {@link #subscribe} starts one delivery thread that takes messages from this node's
 * inbox in priority order (Emergency &gt; High &gt; Normal &gt; Low, FIFO within a priority), and
 * an Emergency receiver thread that takes Emergency messages as they arrive, so that one does not
 * wait for a lower class's batch: it is handed over after the message being handled. A message
 * whose deadline has passed is dropped and counted, never handed over; an expired request is
 * answered with {@link MessageType#DEADLINE_MISSED}, so that the requester's future fails at once.
 * A message id already handled (a redelivery after a retried send) is dropped. Pings are answered
 * with pongs; responses complete the waiting request. Everything else goes to the handler, one
 * message at a time and in order (on the delivery thread, or on the Emergency receiver's while the
 * delivery thread waits for the grid).
 *
 * <p>A message is taken off the grid when delivered: delivery is at most once to a handler, and a
 * sender's retried send is idempotent (same id, dropped by the receiver's window of {@code
 * messaging.dedup-window} ids).
 *
 * <p>A facade over its roles: {@link Outbox} (sending, broadcast), {@link Requests} (request and
 * response, retried), {@link InboxDelivery} (the delivery thread, dedup), {@link Heartbeats}
 * (presence) and {@link MessagingCounters} (stats).
 */
public final class Messenger implements Mailbox {
  private final HazelcastInstance hz;
  private final String nodeId;
  private final ScheduledExecutorService scheduler;
  private final MessagingCounters counters = new MessagingCounters();
  private final Outbox outbox;
  private final Requests requests;
  private final InboxDelivery delivery;
  private final Heartbeats heartbeats;
  private final InboxBytes inboxBytes;
  private volatile boolean closed;

  /**
   * The endpoint of node {@code nodeId}, which must be registered in the node registry.
   *
   * @throws MessageRejectedException if {@code nodeId} is not a registered node
   */
  public Messenger(HazelcastInstance hz, String nodeId, MessagingConfig config) {
    this.hz = Objects.requireNonNull(hz, "hz");
    Objects.requireNonNull(config, "config");
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    NodeRegistry registry = new NodeRegistry(hz);
    if (registry.get(nodeId).isEmpty()) {
      throw new MessageRejectedException("nodeId", nodeId, "is not a registered node");
    }
    this.inboxBytes = new InboxBytes(hz, config.maxQueuedBytesPerRecipient());
    this.outbox = new Outbox(hz, nodeId, config, registry, counters, inboxBytes);
    this.delivery =
        new InboxDelivery(
            hz, nodeId, config.dedupWindow(), outbox, counters, inboxBytes, () -> closed);
    this.scheduler = SwarmThreads.scheduler("swarm-msg-timer-" + nodeId);
    this.requests = new Requests(nodeId, config, outbox, scheduler, delivery::subscribed);
    delivery.requests(requests);
    this.heartbeats = new Heartbeats(hz, nodeId, config, scheduler, () -> closed);
  }

  /** This node's id. */
  @Override
  public String nodeId() {
    return nodeId;
  }

  /** Sends a message without deadline; returns its id. */
  @Override
  public String send(String recipient, MessageType type, Priority priority, byte[] payload) {
    return send(recipient, type, priority, payload, null);
  }

  /**
   * Queues a message in {@code recipient}'s inbox; returns its id.
   *
   * @param deadline after this instant the message is never delivered; null for none
   * @throws MessageRejectedException for an unknown recipient, a payload over the limit, a deadline
   *     in the past or a full inbox; nothing is queued then
   */
  @Override
  public String send(
      String recipient, MessageType type, Priority priority, byte[] payload, Instant deadline) {
    return send(recipient, type, priority, payload, deadline, "");
  }

  /**
   * Like {@link #send(String, MessageType, Priority, byte[], Instant)} with a correlation id (empty
   * for none): a node that is not a {@code Messenger}, such as a WebSocket client, answers a
   * request by sending a {@link MessageType#RESPONSE} with the request's correlation id.
   */
  @Override
  public String send(
      String recipient,
      MessageType type,
      Priority priority,
      byte[] payload,
      Instant deadline,
      String correlationId) {
    Message m =
        outbox.build(
            recipient,
            type,
            priority,
            payload,
            deadline,
            correlationId == null ? "" : correlationId);
    outbox.checkRecipient(recipient);
    outbox.offer(recipient, m);
    return m.id();
  }

  /**
   * As {@link #send(String, MessageType, Priority, byte[])} without holding the caller's thread
   * while the grid answers, on a member ({@link AsyncQueueOffer}; elsewhere the send blocks the
   * caller and the future is complete on return). Completes with the message id, or with {@link
   * MessageRejectedException} (a full inbox: nothing queued) or the grid's exception. Two sends to
   * one inbox are queued in order only if the second starts after the first completed.
   *
   * @throws MessageRejectedException at once for an unknown recipient or a payload over the limit
   */
  @Override
  public CompletableFuture<String> sendAsync(
      String recipient, MessageType type, Priority priority, byte[] payload) {
    Optional<AsyncQueueOffer> offers = SwarmServices.find(hz, AsyncQueueOffer.class);
    if (offers.isEmpty()) {
      return Mailbox.super.sendAsync(recipient, type, priority, payload);
    }
    Message m = outbox.build(recipient, type, priority, payload, null, "");
    outbox.checkRecipient(recipient);
    return outbox.offerAsync(recipient, m, offers.get(), scheduler);
  }

  /**
   * Sends one copy of a message to every active node of {@code target} except this one; returns how
   * many were queued. Copies have an empty recipient and share one id. A copy refused by a full
   * inbox is counted in {@link MessagingStats#dropped()} and does not stop the others.
   */
  @Override
  public int broadcast(
      BroadcastTarget target,
      MessageType type,
      Priority priority,
      byte[] payload,
      Instant deadline) {
    return outbox.broadcast(target, type, priority, payload, deadline);
  }

  /**
   * Sends a {@link MessageType#REQUEST}-style message and completes with the response, or with a
   * {@link TimeoutException} after {@code timeout}, or a {@link DeadlineMissedException} if the
   * request expired in the recipient's inbox (its deadline is now + timeout). Needs {@link
   * #subscribe} first: responses arrive in this node's inbox.
   */
  @Override
  public CompletableFuture<Message> request(
      String recipient, MessageType type, Priority priority, byte[] payload, Duration timeout) {
    return requests.request(recipient, type, priority, payload, timeout);
  }

  /**
   * Like {@link #request}, retried on timeout, or when the recipient reports the attempt expired
   * before it took it, with exponential backoff ({@code messaging.retry-*}). Every attempt carries
   * the same message id and correlation id, so the responder handles the request once however many
   * copies reach it; the first response completes the future.
   */
  @Override
  public CompletableFuture<Message> requestWithRetry(
      String recipient,
      MessageType type,
      Priority priority,
      byte[] payload,
      Duration timeoutPerAttempt) {
    return requests.requestWithRetry(recipient, type, priority, payload, timeoutPerAttempt);
  }

  /** Answers a request with {@code payload}, at the request's priority. */
  @Override
  public void reply(Message request, byte[] payload) {
    if (request.correlationId().isEmpty()) {
      throw new MessageRejectedException(
          "request.correlationId", "", "is empty: the message is not a request");
    }
    Message m =
        outbox.build(
            request.sender(),
            MessageType.RESPONSE,
            request.priority(),
            payload,
            null,
            request.correlationId());
    outbox.offer(request.sender(), m);
  }

  /**
   * As {@link #subscribe}, but a message leaves the inbox only once {@code handler} returned: if it
   * throws, or this process dies first, the message stays and is delivered again (to a later
   * subscriber; the receiver de-duplicates by id). Each take is a Hazelcast transaction, so this is
   * slower; the WebSocket gateway uses it to acknowledge after the frame is written.
   */
  @Override
  public synchronized void subscribeAcknowledged(Consumer<Message> handler) {
    subscribe(handler, true);
  }

  /**
   * Starts delivering this node's inbox to {@code handler} on a delivery thread; one handler per
   * messenger.
   */
  @Override
  public synchronized void subscribe(Consumer<Message> handler) {
    subscribe(handler, false);
  }

  private void subscribe(Consumer<Message> handler, boolean acknowledged) {
    if (acknowledged) {
      if (delivery.subscribed()) {
        throw new IllegalStateException("node " + nodeId + " already has a subscriber");
      }
      delivery.acknowledge();
    }
    Objects.requireNonNull(handler, "handler");
    if (delivery.subscribed()) {
      throw new IllegalStateException("node " + nodeId + " already has a subscriber");
    }
    if (closed) {
      throw new IllegalStateException("messenger of " + nodeId + " is closed");
    }
    delivery.start(handler);
    // A node that takes its inbox is present: it heart-beats until it closes (see Presence).
    startHeartbeats();
  }

  /**
   * Starts this node's heartbeats (see {@link Presence}) without taking its inbox: a node that is
   * up but has no handler yet is present, and its messages wait in the grid. {@link #subscribe}
   * starts them too; calling both, or either twice, beats once.
   */
  @Override
  public synchronized void startHeartbeats() {
    if (closed) {
      throw new IllegalStateException("messenger of " + nodeId + " is closed");
    }
    heartbeats.start();
  }

  /**
   * Whether {@code node} is reachable: it heart-beats while its messenger is subscribed, and is
   * marked unreachable by the members' presence monitors after {@code
   * messaging.unreachable-after-missed-pings} missed beats. Its inbox is kept meanwhile.
   */
  @Override
  public Presence presence(String node) {
    return Presence.of(hz, node);
  }

  /** The nodes now marked unreachable. */
  @Override
  public Set<String> unreachable() {
    return Set.copyOf(Presence.unreachable(hz).keySet());
  }

  /** Whether {@link #subscribe} was called. */
  @Override
  public boolean subscribed() {
    return delivery.subscribed();
  }

  /** Called with every pong this node receives (used by presence). */
  @Override
  public void onPong(Consumer<Message> listener) {
    delivery.onPong(listener);
  }

  /** Messages waiting in this node's inbox. */
  @Override
  public int queued() {
    return delivery.queued();
  }

  /** Messages waiting in {@code node}'s inbox. */
  @Override
  public int queuedFor(String node) {
    int n = hz.<Message>getQueue(Mailboxes.legacyInboxName(node)).size();
    for (Priority p : Priority.values()) {
      n += hz.<Message>getQueue(Mailboxes.inboxName(node, p)).size();
    }
    return n;
  }

  /** This messenger's counters and latencies. */
  @Override
  public MessagingStats stats() {
    return counters.snapshot();
  }

  /** Stops delivery (a message being handled finishes first); queued messages stay in the grid. */
  @Override
  public void close() {
    closed = true;
    delivery.stop();
    scheduler.shutdownNow();
    requests.failAll();
    inboxBytes.close();
  }
}
