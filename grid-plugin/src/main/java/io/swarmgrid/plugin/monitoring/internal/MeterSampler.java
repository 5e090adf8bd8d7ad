package io.swarmgrid.plugin.monitoring.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads the watched meters of one registry as one number each per scan: a gauge's value, a
 * counter's rate per second since the last scan, a timer's (or summary's) mean in ms over the
 * events since the last scan; meters of one name are summed over their tags (timers: total time
 * over total count). A name with no meter, a counter's first scan and a timer with no event since
 * the last scan give no number. Not thread-safe: one scanner.
 */
final class MeterSampler {
  private final MeterRegistry registry;
  private final List<String> names;
  private final Map<Meter.Id, Totals> previous = new HashMap<>();
  private long previousNanos;

  MeterSampler(MeterRegistry registry, List<String> names) {
    this.registry = registry;
    this.names = List.copyOf(names);
  }

  /** Running totals of one counter or timer at the last scan. */
  private record Totals(double count, double total) {}

  /** The sum of one name's meters in one scan. */
  private static final class Sum {
    double level;
    double timedCount;
    double timedTotal;
    boolean seen;

    double value() {
      return level + (timedCount > 0 ? timedTotal / timedCount : 0);
    }
  }

  /** One number per watched name that has one this scan. */
  Map<String, Double> sample(long nanos) {
    double seconds = previousNanos == 0 ? 0 : (nanos - previousNanos) / 1e9;
    previousNanos = nanos;
    Map<String, Double> values = new LinkedHashMap<>();
    for (String name : names) {
      Sum sum = new Sum();
      for (Meter meter : registry.find(name).meters()) {
        add(sum, meter, seconds);
      }
      if (sum.seen && Double.isFinite(sum.value())) {
        values.put(name, sum.value());
      }
    }
    return values;
  }

  private void add(Sum sum, Meter meter, double seconds) {
    if (meter instanceof TimeGauge g) {
      level(sum, g.value(TimeUnit.MILLISECONDS));
    } else if (meter instanceof Gauge g) {
      level(sum, g.value());
    } else if (meter instanceof LongTaskTimer t) {
      level(sum, t.activeTasks());
    } else if (meter instanceof Counter c) {
      rate(sum, meter, c.count(), seconds);
    } else if (meter instanceof FunctionCounter c) {
      rate(sum, meter, c.count(), seconds);
    } else if (meter instanceof Timer t) {
      timed(sum, meter, t.count(), t.totalTime(TimeUnit.MILLISECONDS));
    } else if (meter instanceof FunctionTimer t) {
      timed(sum, meter, t.count(), t.totalTime(TimeUnit.MILLISECONDS));
    } else if (meter instanceof DistributionSummary s) {
      timed(sum, meter, s.count(), s.totalAmount());
    }
  }

  private static void level(Sum sum, double value) {
    if (Double.isFinite(value)) {
      sum.level += value;
      sum.seen = true;
    }
  }

  private void rate(Sum sum, Meter meter, double count, double seconds) {
    Totals last = previous.put(meter.getId(), new Totals(count, 0));
    if (last != null && seconds > 0 && Double.isFinite(count)) {
      sum.level += Math.max(0, count - last.count()) / seconds;
      sum.seen = true;
    }
  }

  private void timed(Sum sum, Meter meter, double count, double total) {
    Totals last = previous.put(meter.getId(), new Totals(count, total));
    if (last != null && count > last.count()) {
      sum.timedCount += count - last.count();
      sum.timedTotal += total - last.total();
      sum.seen = true;
    }
  }
}
