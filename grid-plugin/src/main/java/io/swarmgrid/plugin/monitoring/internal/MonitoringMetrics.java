package io.swarmgrid.plugin.monitoring.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One member's self-monitoring counts and their meters {@code swarmgrid.monitoring.*}: lines read,
 * anomalies this member saw, votes it cast, alerts it raised (the swarm agreed), and its metric
 * scans, the metric samples it checked and the series it saw leave their band.
 */
public final class MonitoringMetrics {
  private final AtomicLong lines = new AtomicLong();
  private final AtomicLong anomalies = new AtomicLong();
  private final AtomicLong votes = new AtomicLong();
  private final AtomicLong alerts = new AtomicLong();
  private final AtomicLong metricScans = new AtomicLong();
  private final AtomicLong metricSamples = new AtomicLong();
  private final AtomicLong metricAnomalies = new AtomicLong();

  /** Registers the meters in {@code meters}. */
  public MonitoringMetrics(MeterRegistry meters) {
    FunctionCounter.builder("swarmgrid.monitoring.lines", lines, AtomicLong::get).register(meters);
    FunctionCounter.builder("swarmgrid.monitoring.anomalies", anomalies, AtomicLong::get)
        .register(meters);
    FunctionCounter.builder("swarmgrid.monitoring.votes", votes, AtomicLong::get).register(meters);
    FunctionCounter.builder("swarmgrid.monitoring.alerts", alerts, AtomicLong::get)
        .register(meters);
    FunctionCounter.builder("swarmgrid.monitoring.metric.scans", metricScans, AtomicLong::get)
        .register(meters);
    FunctionCounter.builder("swarmgrid.monitoring.metric.samples", metricSamples, AtomicLong::get)
        .description("samples of every member's watched meters checked by this member")
        .register(meters);
    FunctionCounter.builder(
            "swarmgrid.monitoring.metric.anomalies", metricAnomalies, AtomicLong::get)
        .description("series this member saw leave their band")
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

  void metricScan() {
    metricScans.incrementAndGet();
  }

  void metricSample() {
    metricSamples.incrementAndGet();
  }

  void metricAnomaly() {
    metricAnomalies.incrementAndGet();
  }

  /** Metric scans this member made. */
  public long metricScans() {
    return metricScans.get();
  }

  /** Series this member saw leave their band. */
  public long metricAnomalies() {
    return metricAnomalies.get();
  }

  /** Alerts this member raised. */
  public long alerts() {
    return alerts.get();
  }
}
