package io.swarmgrid.storage.messaging;

import java.util.concurrent.CompletableFuture;

/**
 * Queues an item in a grid queue without holding a thread while the queue's partition answers:
 * {@code IQueue} has no asynchronous offer in Hazelcast 5.4. A member supplies one through {@code
 * SwarmServices} (the grid plugin's {@code PartitionQueueOffer}); {@link Messenger#sendAsync} uses
 * it, and falls back to a blocking offer where there is none (a client).
 */
public interface AsyncQueueOffer {
  /**
   * Offers {@code item} to queue {@code queueName} as {@code IQueue.offer} does (no wait for room);
   * completes with whether the queue took it, or with the grid's exception.
   */
  CompletableFuture<Boolean> offer(String queueName, Object item);
}
