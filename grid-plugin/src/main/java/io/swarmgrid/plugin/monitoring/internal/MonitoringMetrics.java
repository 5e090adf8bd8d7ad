package io.swarmgrid.plugin.monitoring.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One member's self-monitoring counts and their meters {@code swarmgrid.monitoring.*}: lines read,
 * anomalies this member saw, votes it cast, and alerts it raised (the swarm agreed).
 */
public final class MonitoringMetrics {
  private final AtomicLong lines = new AtomicLong();
  private final AtomicLong anomalies = new AtomicLong();
  private final AtomicLong votes = new AtomicLong();
  private final AtomicLong alerts = new AtomicLong();

  /** Registers the meters in {@code meters}. */
  public MonitoringMetrics(MeterRegistry meters) {
    FunctionCounter.builder("swarmgrid.monitoring.lines", lines, AtomicLong::get).register(meters);
    FunctionCounter.builder("swarmgrid.monitoring.anomalies", anomalies, AtomicLong::get)
        .register(meters);
    FunctionCounter.builder("swarmgrid.monitoring.votes", votes, AtomicLong::get).register(meters);
    FunctionCounter.builder("swarmgrid.monitoring.alerts", alerts, AtomicLong::get)
        .register(meters);
  }

  /** Counts {@code count} lines read. */
  public void read(int count) {
    lines.addAndGet(count);
  }

  void anomaly() {
    anomalies.incrementAndGet();
  }

  void voted() {
    votes.incrementAndGet();
  }

  void alerted() {
    alerts.incrementAndGet();
  }

  /** Alerts this member raised. */
  public long alerts() {
    return alerts.get();
  }
}
