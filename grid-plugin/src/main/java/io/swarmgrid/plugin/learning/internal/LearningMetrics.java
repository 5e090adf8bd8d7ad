package io.swarmgrid.plugin.learning.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One member's learning meters {@code swarmgrid.learning.*}: rounds aggregated, updates trained
 * here, updates accepted and refused, outliers filed, retried attempts, and the round time.
 */
final class LearningMetrics {
  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong trained = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong outliers = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final Timer round;

  LearningMetrics(MeterRegistry meters) {
    counter(meters, "swarmgrid.learning.rounds", rounds);
    counter(meters, "swarmgrid.learning.updates.trained", trained);
    counter(meters, "swarmgrid.learning.updates.accepted", accepted);
    counter(meters, "swarmgrid.learning.updates.rejected", rejected);
    counter(meters, "swarmgrid.learning.outliers", outliers);
    counter(meters, "swarmgrid.learning.retries", retries);
    round =
        Timer.builder("swarmgrid.learning.round")
            .description(
                "one round attempt that completed: training, checks, aggregation, promotion")
            .register(meters);
  }

  private static void counter(MeterRegistry meters, String name, AtomicLong value) {
    FunctionCounter.builder(name, value, AtomicLong::get).register(meters);
  }

  void round(int accepted, int rejected, int outliers, long millis) {
    rounds.incrementAndGet();
    this.accepted.addAndGet(accepted);
    this.rejected.addAndGet(rejected);
    this.outliers.addAndGet(outliers);
    round.record(millis, TimeUnit.MILLISECONDS);
  }

  void trained(int updates) {
    trained.addAndGet(updates);
  }

  void retried() {
    retries.incrementAndGet();
  }
}
