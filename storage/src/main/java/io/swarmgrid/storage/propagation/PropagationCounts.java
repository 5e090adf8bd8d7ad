package io.swarmgrid.storage.propagation;

import java.util.Objects;

/**
 * Counters of one stream or one target on one member.
 *
 * @param key the state id (per stream) or node id (per target)
 * @param updates updates published (per stream) or offered to the target
 * @param sent deliveries sent
 * @param bytes bytes sent (message payloads)
 * @param dropped deltas dropped because a later update replaced them before they could be sent
 * @param degraded deliveries sent below the target's quality because it was over budget
 * @param meanLatencyMs mean time from publication to sending, milliseconds
 * @param maxLatencyMs peak of that time, milliseconds
 * @param p99LatencyMs 99th percentile of that time (Micrometer histogram), milliseconds
 * @param budgetBytesPerSecond the target's budget, 0 for unlimited or for a stream
 */
public record PropagationCounts(
    String key,
    long updates,
    long sent,
    long bytes,
    long dropped,
    long degraded,
    double meanLatencyMs,
    double maxLatencyMs,
    double p99LatencyMs,
    long budgetBytesPerSecond) {

  /** Checks the key. */
  public PropagationCounts {
    Objects.requireNonNull(key, "key");
  }

  /** These counts added to {@code o}'s (latencies: the larger; mean weighted by sends). */
  public PropagationCounts plus(PropagationCounts o) {
    long s = sent + o.sent;
    double mean = s == 0 ? 0 : (meanLatencyMs * sent + o.meanLatencyMs * o.sent) / s;
    return new PropagationCounts(
        key,
        updates + o.updates,
        s,
        bytes + o.bytes,
        dropped + o.dropped,
        degraded + o.degraded,
        mean,
        Math.max(maxLatencyMs, o.maxLatencyMs),
        Math.max(p99LatencyMs, o.p99LatencyMs),
        Math.max(budgetBytesPerSecond, o.budgetBytesPerSecond));
  }
}
