package io.swarmgrid.storage.messaging;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.internal.InboxBytesProcessors.Release;
import io.swarmgrid.storage.internal.InboxBytesProcessors.Reserve;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The byte bound of inboxes ({@code messaging.max-queued-bytes-per-recipient}): Hazelcast bounds a
 * queue by count only, so each inbox's payload bytes are counted in {@code swarm.inbox.bytes}. A
 * sender reserves a message's bytes before queueing it (refused over the bound, nothing queued) and
 * gives them back if the queue refuses it; the receiver releases them when it takes the message. A
 * receiver that finds its inbox empty clears the count, so a release lost with a crashed process
 * does not shrink the inbox for good.
 *
 * <p>A sender reserves in chunks ({@link #creditOf}: 64 KiB, or a sixteenth of a smaller bound) and
 * spends the chunk locally, so that small messages cost no entry processor each (it was a second
 * grid call per send); a chunk that does not fit is followed by a reservation of the message's
 * exact bytes. The bound is thereby approximate by at most one chunk per sender; {@link #close}
 * gives the unspent credit back.
 */
final class InboxBytes {
  private static final long RESET_EVERY_MILLIS = 5_000;

  private final IMap<String, Long> held;
  private final long bound;
  private final long chunk;
  private final ConcurrentHashMap<String, AtomicLong> credit = new ConcurrentHashMap<>();
  private volatile long lastReset;

  InboxBytes(HazelcastInstance hz, long bound) {
    this.held = hz.getMap(SwarmMap.INBOX_BYTES.mapName());
    this.bound = bound;
    this.chunk = creditOf(bound);
  }

  /** The bytes a sender reserves at once under {@code bound}. */
  static long creditOf(long bound) {
    return Math.min(64 * 1024, bound / 16);
  }

  /** Reserves {@code m}'s payload bytes in {@code recipient}'s inbox, or refuses the message. */
  void reserve(String recipient, Message m) {
    int bytes = m.payload().length;
    if (bytes == 0) {
      return;
    }
    AtomicLong left = credit.computeIfAbsent(recipient, r -> new AtomicLong());
    if (spend(left, bytes)) {
      return;
    }
    if (chunk > bytes
        && Boolean.TRUE.equals(held.executeOnKey(recipient, new Reserve(chunk, bound)))) {
      left.addAndGet(chunk - bytes);
      return;
    }
    if (!Boolean.TRUE.equals(held.executeOnKey(recipient, new Reserve(bytes, bound)))) {
      throw full(recipient, bytes);
    }
  }

  /**
   * As {@link #reserve}, without holding the caller's thread when the credit is spent: the chunk
   * (or the message's exact bytes) is reserved by {@code submitToKey}.
   */
  CompletableFuture<Void> reserveAsync(String recipient, Message m) {
    int bytes = m.payload().length;
    AtomicLong left = credit.computeIfAbsent(recipient, r -> new AtomicLong());
    if (bytes == 0 || spend(left, bytes)) {
      return CompletableFuture.completedFuture(null);
    }
    long want = Math.max(chunk, bytes);
    CompletionStage<Boolean> chunkReserved = held.submitToKey(recipient, new Reserve(want, bound));
    return chunkReserved
        .thenCompose(
            ok -> {
              if (Boolean.TRUE.equals(ok)) {
                left.addAndGet(want - bytes);
                return CompletableFuture.completedFuture(true);
              }
              CompletionStage<Boolean> exact =
                  want > bytes
                      ? held.submitToKey(recipient, new Reserve(bytes, bound))
                      : CompletableFuture.completedFuture(false);
              return exact;
            })
        .<Void>thenApply(
            ok -> {
              if (!Boolean.TRUE.equals(ok)) {
                throw full(recipient, bytes);
              }
              return null;
            })
        .toCompletableFuture();
  }

  private MessageRejectedException full(String recipient, int bytes) {
    return new MessageRejectedException(
        "recipient",
        recipient,
        "has a full inbox: "
            + "the inbox of "
            + recipient
            + " cannot take "
            + bytes
            + " more payload bytes (messaging.max-queued-bytes-per-recipient="
            + bound
            + ")");
  }

  /** Gives a reserved message's bytes back to this sender's credit: the inbox refused it. */
  void unreserve(String recipient, Message m) {
    if (m.payload().length > 0) {
      credit.computeIfAbsent(recipient, r -> new AtomicLong()).addAndGet(m.payload().length);
    }
  }

  /** Gives the unspent credit of every recipient back to the grid. */
  void close() {
    credit.forEach(
        (recipient, left) -> {
          long bytes = left.getAndSet(0);
          try {
            release(recipient, bytes);
          } catch (RuntimeException e) {
            // The count is cleared anyway once the inbox is seen empty.
          }
        });
  }

  private static boolean spend(AtomicLong left, int bytes) {
    while (true) {
      long have = left.get();
      if (have < bytes) {
        return false;
      }
      if (left.compareAndSet(have, have - bytes)) {
        return true;
      }
    }
  }

  /** Gives back {@code bytes} of messages that left {@code recipient}'s inbox (one batch). */
  void release(String recipient, long bytes) {
    if (bytes > 0) {
      held.submitToKey(recipient, new Release(bytes));
    }
  }

  /** {@code recipient}'s inbox was seen empty: its count restarts from zero (at most every 5 s). */
  void emptied(String recipient) {
    long now = System.currentTimeMillis();
    if (now - lastReset >= RESET_EVERY_MILLIS) {
      lastReset = now;
      held.removeAsync(recipient);
    }
  }
}
