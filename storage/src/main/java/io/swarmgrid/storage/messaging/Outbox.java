package io.swarmgrid.storage.messaging;

import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending side of a {@link Messenger}: builds and checks messages, and queues them in
 * recipients' inboxes (one or every active node), a send that failed on a member change retried
 * with the same id.
 */
final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Messenger.class);
  private static final AtomicLong LAST_SEQ = new AtomicLong();
  private static final long KNOWN_RECIPIENT_MILLIS = 5_000;
  private static final int KNOWN_RECIPIENT_LIMIT = 100_000;

  private final HazelcastInstance hz;
  private final String nodeId;
  private final MessagingConfig config;
  private final NodeRegistry registry;
  private final MessagingCounters counters;
  private final InboxBytes inboxBytes;
  private final Map<String, Long> knownUntil = new ConcurrentHashMap<>();
  private final Retry sendRetry;

  Outbox(
      HazelcastInstance hz,
      String nodeId,
      MessagingConfig config,
      NodeRegistry registry,
      MessagingCounters counters,
      InboxBytes inboxBytes) {
    this.hz = hz;
    this.nodeId = nodeId;
    this.config = config;
    this.registry = registry;
    this.counters = counters;
    this.inboxBytes = inboxBytes;
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
  }

  /** Sends one copy to every active node of {@code target} except this one; returns how many. */
  int broadcast(
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

  Message build(
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

  void validate(Message m) {
    if (m.payload().length > config.maxPayloadBytes()) {
      throw new MessageRejectedException(
          "payload",
          m.payload().length + " bytes",
          "is over messaging.max-payload-bytes=" + config.maxPayloadBytes());
    }
  }

  void checkRecipient(String recipient) {
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

  void offer(String recipient, Message m) {
    IQueue<Message> queue = hz.getQueue(Mailboxes.inboxName(recipient, m.priority()));
    try {
      inboxBytes.reserve(recipient, m);
    } catch (MessageRejectedException e) {
      counters.dropped.incrementAndGet();
      throw e;
    }
    boolean accepted;
    try {
      accepted = Retry.decorateSupplier(sendRetry, () -> queue.offer(m)).get();
    } catch (RuntimeException e) {
      inboxBytes.unreserve(recipient, m);
      throw e;
    }
    if (!accepted) {
      inboxBytes.unreserve(recipient, m);
      counters.dropped.incrementAndGet();
      throw fullInbox(recipient, m);
    }
    counters.sent.incrementAndGet();
  }

  /**
   * As {@link #offer}, holding no thread while the grid answers: the inbox bytes are reserved and
   * the message queued through {@code offers}; a failure on a member change is retried with the
   * same message (Resilience4j on {@code scheduler}), as {@link #offer} does.
   */
  CompletableFuture<String> offerAsync(
      String recipient, Message m, AsyncQueueOffer offers, ScheduledExecutorService scheduler) {
    String queue = Mailboxes.inboxName(recipient, m.priority());
    return inboxBytes
        .reserveAsync(recipient, m)
        .whenComplete(
            (v, e) -> {
              if (e != null && e.getCause() instanceof MessageRejectedException) {
                counters.dropped.incrementAndGet();
              }
            })
        .thenCompose(
            v ->
                sendRetry
                    .executeCompletionStage(scheduler, () -> offers.offer(queue, m))
                    .handle(
                        (accepted, e) -> {
                          if (e != null) {
                            inboxBytes.unreserve(recipient, m);
                            throw e instanceof CompletionException c
                                ? c
                                : new CompletionException(e);
                          }
                          if (!accepted) {
                            inboxBytes.unreserve(recipient, m);
                            counters.dropped.incrementAndGet();
                            throw fullInbox(recipient, m);
                          }
                          counters.sent.incrementAndGet();
                          return m.id();
                        }));
  }

  private MessageRejectedException fullInbox(String recipient, Message m) {
    return new MessageRejectedException(
        "recipient",
        recipient,
        "has a full inbox for "
            + m.priority()
            + " messages (messaging.max-queued-per-recipient="
            + config.maxQueuedPerRecipient()
            + " per priority)");
  }

  static long nextSeq() {
    long now = nowMicros();
    return LAST_SEQ.updateAndGet(prev -> Math.max(prev + 1, now));
  }

  static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
