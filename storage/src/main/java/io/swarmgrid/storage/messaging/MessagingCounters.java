package io.swarmgrid.storage.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One messenger's counters and per-priority delivery latencies, read as {@link MessagingStats}.
 * Latency percentiles come from Micrometer timers (a decaying window of about the last two
 * minutes), on the messenger's own registry: a messenger also runs in clients, which have none.
 */
final class MessagingCounters {
  final AtomicLong sent = new AtomicLong();
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong missedDeadlines = new AtomicLong();
  final AtomicLong failedTakes = new AtomicLong();
  private final Map<Priority, Timer> latency = new EnumMap<>(Priority.class);

  MessagingCounters() {
    MeterRegistry registry = new SimpleMeterRegistry();
    for (Priority p : Priority.values()) {
      latency.put(
          p,
          Timer.builder("swarmgrid.messaging.delivery.latency")
              .tag("priority", p.name())
              .publishPercentiles(0.5, 0.99)
              .percentilePrecision(2)
              .distributionStatisticExpiry(Duration.ofMinutes(2))
              .register(registry));
    }
  }

  /** Records the delivery latency of one message, in microseconds. */
  void latency(Priority priority, long micros) {
    latency.get(priority).record(Math.max(0, micros), TimeUnit.MICROSECONDS);
  }

  MessagingStats snapshot() {
    Map<Priority, MessagingStats.Latency> lat = new EnumMap<>(Priority.class);
    latency.forEach((p, t) -> lat.put(p, latencyOf(t)));
    return new MessagingStats(
        sent.get(),
        delivered.get(),
        duplicates.get(),
        dropped.get(),
        missedDeadlines.get(),
        failedTakes.get(),
        lat);
  }

  private static MessagingStats.Latency latencyOf(Timer t) {
    double p50 = 0;
    double p99 = 0;
    for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
      if (v.percentile() == 0.5) {
        p50 = v.value(TimeUnit.MILLISECONDS);
      } else if (v.percentile() == 0.99) {
        p99 = v.value(TimeUnit.MILLISECONDS);
      }
    }
    return new MessagingStats.Latency(t.count(), p50, p99);
  }
}
