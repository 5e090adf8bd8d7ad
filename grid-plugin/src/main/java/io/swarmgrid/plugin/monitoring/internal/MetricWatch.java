package io.swarmgrid.plugin.monitoring.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.MeterRegistry;
import io.swarmgrid.config.MonitoringConfig;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.monitoring.MetricReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Metric self-monitoring of one member: each scan it publishes its watched meters' samples to
 * {@code swarm.monitoring.metrics}, then reads every member's latest samples and checks each
 * (member, meter) series against its own learned {@link MetricBand}. A series that leaves its band
 * for {@code metric-persistence} scans is reported to {@link AnomalyVotes} under a key naming the
 * member and the meter, so every member that sees the same member's series leave its band votes on
 * the same proposal: a member's backlog pages only when a quorum of its peers sees it too, and a
 * member whose own view is wrong pages nobody. Not thread-safe: one scanner.
 */
public final class MetricWatch {
  /** Scans a published sample outlives, so that a gone member's series stop. */
  private static final int SAMPLE_TTL_SCANS = 10;

  private final IMap<String, MetricReading> readings;
  private final String nodeId;
  private final MeterSampler sampler;
  private final MonitoringConfig config;
  private final AnomalyVotes votes;
  private final MonitoringMetrics metrics;
  private final Map<String, Series> series = new HashMap<>();
  private long sequence;

  /** Watches {@code config.metrics()} of {@code registry}, as {@code nodeId}. */
  public MetricWatch(
      HazelcastInstance hz,
      String nodeId,
      MeterRegistry registry,
      MonitoringConfig config,
      AnomalyVotes votes,
      MonitoringMetrics metrics) {
    this.readings = hz.getMap(SwarmMap.MONITORING_METRICS.mapName());
    this.nodeId = nodeId;
    this.sampler = new MeterSampler(registry, config.metrics());
    this.config = config;
    this.votes = votes;
    this.metrics = metrics;
  }

  /** One member's series of one meter: its band and the last sequence taken. */
  private static final class Series {
    final MetricBand band;
    long sequence = -1;

    Series(MetricBand band) {
      this.band = band;
    }
  }

  /**
   * Publishes this member's samples, checks every member's, and votes for each series that just
   * left its band.
   *
   * @return the ids of the proposals this member voted for in this scan
   */
  public List<String> scan() {
    sequence++;
    publish(sampler.sample(System.nanoTime()));
    List<String> voted = new ArrayList<>();
    for (MetricReading r : readings.values()) {
      check(r, voted);
    }
    metrics.metricScan();
    return voted;
  }

  private void publish(Map<String, Double> values) {
    long now = System.currentTimeMillis();
    long ttl = config.scanMillis() * SAMPLE_TTL_SCANS;
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    values.forEach(
        (metric, value) -> {
          MetricReading r = new MetricReading(nodeId, metric, sequence, now, value);
          writes.add(
              readings.setAsync(r.key(), r, ttl, TimeUnit.MILLISECONDS).toCompletableFuture());
        });
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
  }

  private void check(MetricReading r, List<String> voted) {
    Series s = series.computeIfAbsent(r.key(), k -> new Series(band()));
    if (r.sequence() == s.sequence) {
      return;
    }
    if (r.sequence() < s.sequence) {
      // the member restarted under the same node id: its series starts again
      s = new Series(band());
      series.put(r.key(), s);
    }
    s.sequence = r.sequence();
    metrics.metricSample();
    MetricBand.Check c = s.band.add(r.value());
    if (c.starts()) {
      metrics.metricAnomaly();
      votes.report(key(r), example(r, c)).ifPresent(voted::add);
    }
  }

  private MetricBand band() {
    return new MetricBand(
        config.metricWarmup(), config.metricBandSigmas(), config.metricPersistence());
  }

  /** The anomaly key of a series: no {@code -}, since a proposal id is {@code anomaly-KEY-UUID}. */
  static String key(MetricReading r) {
    return ("metric:" + r.nodeId() + ":" + r.metric()).replace('-', '_');
  }

  private String example(MetricReading r, MetricBand.Check c) {
    return String.format(
        Locale.ROOT,
        "metric %s on %s: %.4g above its band (learned mean %.4g, upper %.4g) for %d scans",
        r.metric(),
        r.nodeId(),
        c.value(),
        c.mean(),
        c.upper(),
        config.metricPersistence());
  }
}
