package io.swarmgrid.storage.messaging;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.swarmgrid.config.MessagingConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The request/response side of a {@link Messenger}: sends requests, retried on timeout with the
 * same ids, and completes each waiting future with the response or deadline miss that arrives in
 * the inbox.
 */
final class Requests {
  private final String nodeId;
  private final Outbox outbox;
  private final ScheduledExecutorService scheduler;
  private final BooleanSupplier subscribed;
  private final Retry requestRetry;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  Requests(
      String nodeId,
      MessagingConfig config,
      Outbox outbox,
      ScheduledExecutorService scheduler,
      BooleanSupplier subscribed) {
    this.nodeId = nodeId;
    this.outbox = outbox;
    this.scheduler = scheduler;
    this.subscribed = subscribed;
    this.requestRetry =
        Retry.of(
            "request-" + nodeId,
            RetryConfig.custom()
                .maxAttempts(config.retryMaxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(
                        config.retryInitialBackoffMillis(), config.retryBackoffMultiplier()))
                .retryOnException(Requests::isRetryable)
                .build());
  }

  CompletableFuture<Message> request(
      String recipient, MessageType type, Priority priority, byte[] payload, Duration timeout) {
    Message m = requestMessage(recipient, type, priority, payload, timeout);
    return attempt(m, timeout);
  }

  CompletableFuture<Message> requestWithRetry(
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
                      Outbox.nowMicros(),
                      System.currentTimeMillis() + timeoutPerAttempt.toMillis(),
                      first.correlationId(),
                      first.payload());
              return attempt(again, timeoutPerAttempt);
            })
        .get()
        .toCompletableFuture();
  }

  /**
   * Takes a {@link MessageType#RESPONSE} or {@link MessageType#DEADLINE_MISSED} from the inbox;
   * returns false if the message goes on to the handler (a response nobody here waits for).
   */
  boolean consume(Message m) {
    Pending p = pending.get(m.correlationId());
    // A retried request has several copies; only the expiry of the copy now awaited fails it.
    if (p != null
        && (m.type() == MessageType.RESPONSE || m.text().equals(Long.toString(p.sentAtMicros())))) {
      pending.remove(m.correlationId(), p);
      if (m.type() == MessageType.RESPONSE) {
        p.future().complete(m);
      } else {
        p.future()
            .completeExceptionally(new DeadlineMissedException(m.correlationId(), m.sender()));
      }
      return true;
    }
    if (p != null) {
      return true;
    }
    return m.type() == MessageType.DEADLINE_MISSED;
  }

  /** Fails every waiting request: the messenger closed. */
  void failAll() {
    pending
        .values()
        .forEach(
            p ->
                p.future()
                    .completeExceptionally(
                        new IllegalStateException("messenger of " + nodeId + " closed")));
    pending.clear();
  }

  private Message requestMessage(
      String recipient, MessageType type, Priority priority, byte[] payload, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new MessageRejectedException("timeout", timeout, "must be positive");
    }
    if (!subscribed.getAsBoolean()) {
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
            Outbox.nextSeq(),
            Outbox.nowMicros(),
            System.currentTimeMillis() + timeout.toMillis(),
            id,
            payload);
    outbox.validate(m);
    outbox.checkRecipient(recipient);
    return m;
  }

  private CompletableFuture<Message> attempt(Message m, Duration timeout) {
    CompletableFuture<Message> f = new CompletableFuture<>();
    Pending p = new Pending(f, m.sentAtMicros());
    pending.put(m.correlationId(), p);
    try {
      outbox.offer(m.recipient(), m);
    } catch (RuntimeException e) {
      pending.remove(m.correlationId(), p);
      f.completeExceptionally(e);
      return f;
    }
    return f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((r, e) -> pending.remove(m.correlationId(), p));
  }

  /**
   * An attempt that timed out, or that the recipient reports expired before it took it: neither was
   * handled, so sending it again cannot make it handled twice.
   */
  private static boolean isRetryable(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    return cause instanceof TimeoutException || cause instanceof DeadlineMissedException;
  }

  /** A request waiting for its response: the attempt's future and send time. */
  private record Pending(CompletableFuture<Message> future, long sentAtMicros) {}
}
