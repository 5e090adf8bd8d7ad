package io.swarmgrid.storage.messaging;

import java.util.Map;

/**
 * Counters of one messenger (one node) since it started.
 *
 * @param sent messages this node queued (each broadcast copy counts)
 * @param delivered messages handed to this node's handler or to a waiting request
 * @param duplicates redeliveries of an id already handled, dropped
 * @param dropped sends refused because the recipient's inbox was full
 * @param missedDeadlines messages found expired at this node's inbox head, dropped undelivered
 * @param failedTakes takes of {@link Mailbox#subscribe}'s delivery that failed, mostly because a
 *     connection dropped as a member left or merged: that delivery is at most once, and what a take
 *     removed before its answer was lost is gone (docs/DECISIONS.md, messaging inboxes)
 * @param latency delivery latency (send to hand-over) per priority, over the most recent deliveries
 */
public record MessagingStats(
    long sent,
    long delivered,
    long duplicates,
    long dropped,
    long missedDeadlines,
    long failedTakes,
    Map<Priority, Latency> latency) {

  /** Copies the map. */
  public MessagingStats {
    latency = Map.copyOf(latency);
  }

  /**
   * Delivery latency of one priority.
   *
   * @param count deliveries measured in total
   * @param p50Millis median over the recent window, in ms
   * @param p99Millis 99th percentile over the recent window, in ms
   */
  public record Latency(long count, double p50Millis, double p99Millis) {}
}
