package io.swarmgrid.storage.messaging;

import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionOptions;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's messaging endpoint, on a member or a client: sends to other nodes' inboxes,
 * broadcasts, makes requests, and delivers its own inbox to a handler. Thread-safe; close it when
 * done.
 *
 * <p>Delivery: {@link #subscribe} starts one delivery thread that takes messages from this node's
 * inbox in priority order (Emergency &gt; High &gt; Normal &gt; Low, FIFO within a priority). A
 * message whose deadline has passed is dropped and counted, never handed over; an expired request
 * is answered with {@link MessageType#DEADLINE_MISSED}, so that the requester's future fails at
 * once. A message id already handled (a redelivery after a retried send) is dropped. Pings are
 * answered with pongs; responses complete the waiting request. Everything else goes to the handler,
 * on the delivery thread, in order.
 *
 * <p>A message is taken off the grid when delivered: delivery is at most once to a handler, and a
 * sender's retried send is idempotent (same id, dropped by the receiver's window of {@code
 * messaging.dedup-window} ids).
 */
public final class Messenger implements Mailbox {
  private static final Logger LOG = LoggerFactory.getLogger(Messenger.class);
  private static final AtomicLong LAST_SEQ = new AtomicLong();
  private static final int LATENCY_WINDOW = 16_384;
  private static final long KNOWN_RECIPIENT_MILLIS = 5_000;
  private static final int KNOWN_RECIPIENT_LIMIT = 100_000;

  private final HazelcastInstance hz;
  private final String nodeId;
  private final MessagingConfig config;
  private final NodeRegistry registry;
  private final IQueue<Message> inbox;
  private final Map<String, Long> knownUntil = new ConcurrentHashMap<>();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;
  private boolean beating;
  private final Retry sendRetry;
  private final Retry requestRetry;
  private final AtomicReference<Thread> deliveryThread = new AtomicReference<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong missedDeadlines = new AtomicLong();
  private final Map<Priority, LatencyWindow> latency = new EnumMap<>(Priority.class);
  private final LinkedHashMap<String, Boolean> seen;
  private volatile Consumer<Message> handler;
  private volatile Consumer<Message> pongListener = m -> {};
  private volatile boolean closed;
  private volatile boolean acknowledged;

  /**
   * The endpoint of node {@code nodeId}, which must be registered in the node registry.
   *
   * @throws MessageRejectedException if {@code nodeId} is not a registered node
   */
  public Messenger(HazelcastInstance hz, String nodeId, MessagingConfig config) {
    this.hz = Objects.requireNonNull(hz, "hz");
    this.config = Objects.requireNonNull(config, "config");
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.registry = new NodeRegistry(hz);
    if (registry.get(nodeId).isEmpty()) {
      throw new MessageRejectedException("nodeId", nodeId, "is not a registered node");
    }
    this.inbox = hz.getQueue(Mailboxes.inboxName(nodeId));
    for (Priority p : Priority.values()) {
      latency.put(p, new LatencyWindow());
    }
    int window = config.dedupWindow();
    this.seen =
        new LinkedHashMap<>(1024, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > window;
          }
        };
    this.scheduler = SwarmThreads.scheduler("swarm-msg-timer-" + nodeId);
    // A send that failed on a member change is repeated with the same id: the receiver drops a
    // copy.
    this.sendRetry =
        Retry.of(
            "send-" + nodeId,
            RetryConfig.custom()
                .maxAttempts(config.retryMaxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(
                        config.retryInitialBackoffMillis(), config.retryBackoffMultiplier()))
                .retryOnException(
                    e ->
                        e instanceof HazelcastException
                            && !(e instanceof HazelcastInstanceNotActiveException))
                .build());
    this.requestRetry =
        Retry.of(
            "request-" + nodeId,
            RetryConfig.custom()
                .maxAttempts(config.retryMaxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(
                        config.retryInitialBackoffMillis(), config.retryBackoffMultiplier()))
                .retryOnException(Messenger::isTimeout)
                .build());
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
        build(
            recipient,
            type,
            priority,
            payload,
            deadline,
            correlationId == null ? "" : correlationId);
    checkRecipient(recipient);
    offer(recipient, m);
    return m.id();
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
    Objects.requireNonNull(target, "target");
    Message m = build("", type, priority, payload, deadline, "");
    int queued = 0;
    for (NodeInfo n : registry.active()) {
      if (n.nodeId().equals(nodeId) || !target.includes(n)) {
        continue;
      }
      try {
        offer(n.nodeId(), m);
        queued++;
      } catch (MessageRejectedException e) {
        LOG.debug("broadcast {} skipped {}: {}", m.id(), n.nodeId(), e.getMessage());
      }
    }
    return queued;
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
    Message m = requestMessage(recipient, type, priority, payload, timeout);
    return attempt(m, timeout);
  }

  /**
   * Like {@link #request}, retried on timeout with exponential backoff ({@code messaging.retry-*}).
   * Every attempt carries the same message id and correlation id, so the responder handles the
   * request once however many copies reach it; the first response completes the future.
   */
  @Override
  public CompletableFuture<Message> requestWithRetry(
      String recipient,
      MessageType type,
      Priority priority,
      byte[] payload,
      Duration timeoutPerAttempt) {
    Message first = requestMessage(recipient, type, priority, payload, timeoutPerAttempt);
    return Retry.decorateCompletionStage(
            requestRetry,
            scheduler,
            () -> {
              // Each attempt gets a fresh deadline so that a copy sent late is not dropped as
              // expired at once.
              Message again =
                  new Message(
                      first.id(),
                      first.sender(),
                      first.recipient(),
                      first.type(),
                      first.priority(),
                      first.seq(),
                      nowMicros(),
                      System.currentTimeMillis() + timeoutPerAttempt.toMillis(),
                      first.correlationId(),
                      first.payload());
              return attempt(again, timeoutPerAttempt);
            })
        .get()
        .toCompletableFuture();
  }

  /** Answers a request with {@code payload}, at the request's priority. */
  @Override
  public void reply(Message request, byte[] payload) {
    if (request.correlationId().isEmpty()) {
      throw new MessageRejectedException(
          "request.correlationId", "", "is empty: the message is not a request");
    }
    Message m =
        build(
            request.sender(),
            MessageType.RESPONSE,
            request.priority(),
            payload,
            null,
            request.correlationId());
    offer(request.sender(), m);
  }

  /**
   * As {@link #subscribe}, but a message leaves the inbox only once {@code handler} returned: if it
   * throws, or this process dies first, the message stays and is delivered again (to a later
   * subscriber; the receiver de-duplicates by id). Each take is a Hazelcast transaction, so this is
   * slower; the WebSocket gateway uses it to acknowledge after the frame is written.
   */
  @Override
  public synchronized void subscribeAcknowledged(Consumer<Message> handler) {
    if (this.handler != null) {
      throw new IllegalStateException("node " + nodeId + " already has a subscriber");
    }
    acknowledged = true;
    subscribe(handler);
  }

  /**
   * Starts delivering this node's inbox to {@code handler} on a delivery thread; one handler per
   * messenger.
   */
  @Override
  public synchronized void subscribe(Consumer<Message> handler) {
    Objects.requireNonNull(handler, "handler");
    if (this.handler != null) {
      throw new IllegalStateException("node " + nodeId + " already has a subscriber");
    }
    if (closed) {
      throw new IllegalStateException("messenger of " + nodeId + " is closed");
    }
    this.handler = handler;
    Thread t = SwarmThreads.factory("swarm-msg-" + nodeId).newThread(this::deliverLoop);
    deliveryThread.set(t);
    t.start();
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
    if (beating) {
      return;
    }
    beating = true;
    long ttl = Presence.ttlMillis(config);
    scheduler.scheduleAtFixedRate(
        () -> {
          try {
            Presence.beats(hz).set(nodeId, System.currentTimeMillis(), ttl, TimeUnit.MILLISECONDS);
          } catch (RuntimeException e) {
            if (!closed && hz.getLifecycleService().isRunning()) {
              BackgroundFailures.report("messaging.heartbeat", e);
            }
          }
        },
        0,
        config.pingIntervalMillis(),
        TimeUnit.MILLISECONDS);
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
    return handler != null;
  }

  /** Called with every pong this node receives (used by presence). */
  @Override
  public void onPong(Consumer<Message> listener) {
    this.pongListener = Objects.requireNonNull(listener, "listener");
  }

  /** Messages waiting in this node's inbox. */
  @Override
  public int queued() {
    return inbox.size();
  }

  /** Messages waiting in {@code node}'s inbox. */
  @Override
  public int queuedFor(String node) {
    return hz.<Message>getQueue(Mailboxes.inboxName(node)).size();
  }

  /** This messenger's counters and latencies. */
  @Override
  public MessagingStats stats() {
    Map<Priority, MessagingStats.Latency> lat = new EnumMap<>(Priority.class);
    latency.forEach((p, w) -> lat.put(p, w.snapshot()));
    return new MessagingStats(
        sent.get(), delivered.get(), duplicates.get(), dropped.get(), missedDeadlines.get(), lat);
  }

  /** Stops delivery (a message being handled finishes first); queued messages stay in the grid. */
  @Override
  public void close() {
    closed = true;
    Thread t = deliveryThread.getAndSet(null);
    if (t != null) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    scheduler.shutdownNow();
    pending
        .values()
        .forEach(
            p ->
                p.future()
                    .completeExceptionally(
                        new IllegalStateException("messenger of " + nodeId + " closed")));
    pending.clear();
  }

  // ---------------------------------------------------------------------------------------------

  private Message requestMessage(
      String recipient, MessageType type, Priority priority, byte[] payload, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new MessageRejectedException("timeout", timeout, "must be positive");
    }
    if (handler == null) {
      throw new IllegalStateException(
          "node "
              + nodeId
              + " must subscribe before it makes requests: responses arrive in its inbox");
    }
    String id = UUID.randomUUID().toString();
    Message m =
        new Message(
            id,
            nodeId,
            recipient,
            type,
            priority,
            nextSeq(),
            nowMicros(),
            System.currentTimeMillis() + timeout.toMillis(),
            id,
            payload);
    validate(m);
    checkRecipient(recipient);
    return m;
  }

  private CompletableFuture<Message> attempt(Message m, Duration timeout) {
    CompletableFuture<Message> f = new CompletableFuture<>();
    Pending p = new Pending(f, m.sentAtMicros());
    pending.put(m.correlationId(), p);
    try {
      offer(m.recipient(), m);
    } catch (RuntimeException e) {
      pending.remove(m.correlationId(), p);
      f.completeExceptionally(e);
      return f;
    }
    return f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((r, e) -> pending.remove(m.correlationId(), p));
  }

  private static boolean isTimeout(Throwable e) {
    return e instanceof TimeoutException
        || (e instanceof CompletionException && e.getCause() instanceof TimeoutException);
  }

  private Message build(
      String recipient,
      MessageType type,
      Priority priority,
      byte[] payload,
      Instant deadline,
      String correlationId) {
    if (type == null) {
      throw new MessageRejectedException(
          "type", null, "must be one of " + List.of(MessageType.values()));
    }
    if (priority == null) {
      throw new MessageRejectedException(
          "priority", null, "must be one of " + List.of(Priority.values()));
    }
    long deadlineMillis = 0;
    if (deadline != null) {
      deadlineMillis = deadline.toEpochMilli();
      if (deadlineMillis <= System.currentTimeMillis()) {
        throw new MessageRejectedException("deadline", deadline, "is in the past");
      }
    }
    Message m =
        new Message(
            UUID.randomUUID().toString(),
            nodeId,
            recipient,
            type,
            priority,
            nextSeq(),
            nowMicros(),
            deadlineMillis,
            correlationId,
            payload);
    validate(m);
    return m;
  }

  private void validate(Message m) {
    if (m.payload().length > config.maxPayloadBytes()) {
      throw new MessageRejectedException(
          "payload",
          m.payload().length + " bytes",
          "is over messaging.max-payload-bytes=" + config.maxPayloadBytes());
    }
  }

  private void checkRecipient(String recipient) {
    if (recipient == null || recipient.isEmpty()) {
      throw new MessageRejectedException(
          "recipient", recipient, "is empty; use broadcast to reach many nodes");
    }
    long now = System.currentTimeMillis();
    Long until = knownUntil.get(recipient);
    if (until != null && until > now) {
      return;
    }
    if (registry.get(recipient).isEmpty()) {
      throw new MessageRejectedException("recipient", recipient, "is not a registered node");
    }
    if (knownUntil.size() >= KNOWN_RECIPIENT_LIMIT) {
      knownUntil.clear();
    }
    knownUntil.put(recipient, now + KNOWN_RECIPIENT_MILLIS);
  }

  private void offer(String recipient, Message m) {
    IQueue<Message> queue = hz.getQueue(Mailboxes.inboxName(recipient));
    boolean accepted = Retry.decorateSupplier(sendRetry, () -> queue.offer(m)).get();
    if (!accepted) {
      dropped.incrementAndGet();
      throw new MessageRejectedException(
          "recipient",
          recipient,
          "has a full inbox (messaging.max-queued-per-recipient="
              + config.maxQueuedPerRecipient()
              + ")");
    }
    sent.incrementAndGet();
  }

  private void deliverLoop() {
    while (!closed) {
      if (acknowledged) {
        try {
          deliverAcknowledged();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (HazelcastInstanceNotActiveException e) {
          return;
        } catch (RuntimeException e) {
          if (closed || !hz.getLifecycleService().isRunning()) {
            return;
          }
          LOG.debug(
              "node {}: a delivery was rolled back, the message stays: {}", nodeId, e.toString());
        }
        continue;
      }
      Message m;
      try {
        m = inbox.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (HazelcastInstanceNotActiveException e) {
        return;
      } catch (RuntimeException e) {
        if (closed || !hz.getLifecycleService().isRunning()) {
          return;
        }
        BackgroundFailures.report("messaging.inbox", e);
        continue;
      }
      if (m != null) {
        deliver(m);
      }
    }
  }

  private void deliver(Message m) {
    if (m.expiredAt(System.currentTimeMillis())) {
      missedDeadlines.incrementAndGet();
      if (!m.correlationId().isEmpty()
          && m.type() != MessageType.RESPONSE
          && m.type() != MessageType.DEADLINE_MISSED) {
        try {
          offer(
              m.sender(),
              new Message(
                  UUID.randomUUID().toString(),
                  nodeId,
                  m.sender(),
                  MessageType.DEADLINE_MISSED,
                  m.priority(),
                  nextSeq(),
                  nowMicros(),
                  0,
                  m.correlationId(),
                  Long.toString(m.sentAtMicros())
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
          LOG.debug(
              "node {}: could not tell {} that {} expired: {}",
              nodeId,
              m.sender(),
              m.id(),
              e.toString());
        }
      }
      return;
    }
    if (seen.put(m.id(), Boolean.TRUE) != null) {
      duplicates.incrementAndGet();
      return;
    }
    latency.get(m.priority()).add(nowMicros() - m.sentAtMicros());
    delivered.incrementAndGet();
    switch (m.type()) {
      case PING -> {
        try {
          offer(
              m.sender(),
              new Message(
                  UUID.randomUUID().toString(),
                  nodeId,
                  m.sender(),
                  MessageType.PONG,
                  m.priority(),
                  nextSeq(),
                  nowMicros(),
                  0,
                  m.correlationId(),
                  new byte[0]));
        } catch (RuntimeException e) {
          LOG.debug("node {}: could not answer ping from {}: {}", nodeId, m.sender(), e.toString());
        }
        return;
      }
      case PONG -> {
        pongListener.accept(m);
        return;
      }
      case RESPONSE, DEADLINE_MISSED -> {
        Pending p = pending.get(m.correlationId());
        // A retried request has several copies; only the expiry of the copy now awaited fails it.
        if (p != null
            && (m.type() == MessageType.RESPONSE
                || m.text().equals(Long.toString(p.sentAtMicros())))) {
          pending.remove(m.correlationId(), p);
          if (m.type() == MessageType.RESPONSE) {
            p.future().complete(m);
          } else {
            p.future()
                .completeExceptionally(new DeadlineMissedException(m.correlationId(), m.sender()));
          }
          return;
        }
        if (p != null) {
          return;
        }
        if (m.type() == MessageType.DEADLINE_MISSED) {
          return;
        }
      }
      default -> {
        // to the handler
      }
    }
    if (acknowledged) {
      // The caller rolls the take back: the message stays in the inbox.
      handler.accept(m);
      return;
    }
    try {
      handler.accept(m);
    } catch (RuntimeException e) {
      BackgroundFailures.report("messaging.handler", "node " + nodeId + ", message " + m, e);
    }
  }

  /**
   * One take in a transaction that commits once the message was handled: if the handler throws, or
   * this process dies before the commit, Hazelcast rolls the take back and the message stays in the
   * inbox (at least once; the receiver de-duplicates by id).
   */
  private void deliverAcknowledged() throws InterruptedException {
    TransactionContext tx =
        hz.newTransactionContext(new TransactionOptions().setTimeout(60, TimeUnit.SECONDS));
    tx.beginTransaction();
    Message m = null;
    try {
      m = tx.<Message>getQueue(Mailboxes.inboxName(nodeId)).poll(100, TimeUnit.MILLISECONDS);
      if (m != null) {
        deliver(m);
      }
      tx.commitTransaction();
    } catch (RuntimeException e) {
      tx.rollbackTransaction();
      if (m != null) {
        seen.remove(m.id());
      }
      throw e;
    }
  }

  private static long nextSeq() {
    long now = nowMicros();
    return LAST_SEQ.updateAndGet(prev -> Math.max(prev + 1, now));
  }

  private static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /** A request waiting for its response: the attempt's future and send time. */
  private record Pending(CompletableFuture<Message> future, long sentAtMicros) {}

  /** The most recent latencies of one priority, in microseconds. */
  private static final class LatencyWindow {
    private final long[] ring = new long[LATENCY_WINDOW];
    private long count;

    synchronized void add(long micros) {
      ring[(int) (count % LATENCY_WINDOW)] = Math.max(0, micros);
      count++;
    }

    synchronized MessagingStats.Latency snapshot() {
      int n = (int) Math.min(count, LATENCY_WINDOW);
      if (n == 0) {
        return new MessagingStats.Latency(0, 0, 0);
      }
      List<Long> values = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        values.add(ring[i]);
      }
      values.sort(null);
      return new MessagingStats.Latency(
          count,
          values.get((int) Math.min(n - 1, Math.floor(n * 0.50))) / 1000.0,
          values.get((int) Math.min(n - 1, Math.floor(n * 0.99))) / 1000.0);
    }
  }
}
