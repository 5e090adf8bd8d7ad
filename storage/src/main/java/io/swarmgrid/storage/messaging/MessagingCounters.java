package io.swarmgrid.storage.messaging;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One messenger's counters and per-priority delivery latencies, read as {@link MessagingStats}. */
final class MessagingCounters {
  private static final int LATENCY_WINDOW = 16_384;

  final AtomicLong sent = new AtomicLong();
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong missedDeadlines = new AtomicLong();
  private final Map<Priority, LatencyWindow> latency = new EnumMap<>(Priority.class);

  MessagingCounters() {
    for (Priority p : Priority.values()) {
      latency.put(p, new LatencyWindow());
    }
  }

  /** Records the delivery latency of one message, in microseconds. */
  void latency(Priority priority, long micros) {
    latency.get(priority).add(micros);
  }

  MessagingStats snapshot() {
    Map<Priority, MessagingStats.Latency> lat = new EnumMap<>(Priority.class);
    latency.forEach((p, w) -> lat.put(p, w.snapshot()));
    return new MessagingStats(
        sent.get(), delivered.get(), duplicates.get(), dropped.get(), missedDeadlines.get(), lat);
  }

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
