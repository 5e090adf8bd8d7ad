package io.swarmgrid.storage.messaging;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.internal.InboxBytesProcessors.Release;
import io.swarmgrid.storage.internal.InboxBytesProcessors.Reserve;

/**
 * The byte bound of inboxes ({@code messaging.max-queued-bytes-per-recipient}): Hazelcast bounds a
 * queue by count only, so each inbox's payload bytes are counted in {@code swarm.inbox.bytes}. A
 * sender reserves a message's bytes before queueing it (refused over the bound, nothing queued) and
 * gives them back if the queue refuses it; the receiver releases them when it takes the message. A
 * receiver that finds its inbox empty clears the count, so a release lost with a crashed process
 * does not shrink the inbox for good.
 */
final class InboxBytes {
  private static final long RESET_EVERY_MILLIS = 5_000;

  private final IMap<String, Long> held;
  private final long bound;
  private volatile long lastReset;

  InboxBytes(HazelcastInstance hz, long bound) {
    this.held = hz.getMap(SwarmMap.INBOX_BYTES.mapName());
    this.bound = bound;
  }

  /** Reserves {@code m}'s payload bytes in {@code recipient}'s inbox, or refuses the message. */
  void reserve(String recipient, Message m) {
    int bytes = m.payload().length;
    if (bytes == 0) {
      return;
    }
    if (!Boolean.TRUE.equals(held.executeOnKey(recipient, new Reserve(bytes, bound)))) {
      throw new MessageRejectedException(
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
  }

  /** Gives back the bytes of a message that left (or never entered) {@code recipient}'s inbox. */
  void release(String recipient, Message m) {
    release(recipient, m.payload().length);
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
