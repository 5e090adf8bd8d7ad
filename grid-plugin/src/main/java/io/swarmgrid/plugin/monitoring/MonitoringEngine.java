package io.swarmgrid.plugin.monitoring;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.MonitoringConfig;
import io.swarmgrid.plugin.consensus.ConsensusEngine;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.plugin.monitoring.internal.AlertRaiser;
import io.swarmgrid.plugin.monitoring.internal.AnomalyVotes;
import io.swarmgrid.plugin.monitoring.internal.LogTail;
import io.swarmgrid.plugin.monitoring.internal.MetricWatch;
import io.swarmgrid.plugin.monitoring.internal.MonitoringMetrics;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.workload.logs.AnomalyDetector;
import io.swarmgrid.tasks.workload.logs.AnomalyDetector.Verdict;
import io.swarmgrid.tasks.workload.logs.LogTemplates;
import io.swarmgrid.tasks.workload.logs.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Self-monitoring ({@code swarmgrid.engines.monitoring: true}, with consensus): every {@code
 * scan-millis} the member reads the lines appended to its log, runs the unsupervised {@link
 * AnomalyDetector} over them, and votes for each anomaly it sees (keyed by the id of the line's
 * masked content, so the same event on two members has the same key). It also publishes its watched
 * meters ({@code monitoring.metrics}) and checks every member's series against a learned band
 * ({@link MetricWatch}); a series that leaves it is voted on like a log anomaly, keyed by the
 * member and the meter. An alert is raised only when the votes reach the consensus quorum: one
 * noisy member pages nobody.
 */
public final class MonitoringEngine implements SwarmEngine {
  private HazelcastInstance hz;
  private MonitoringMetrics metrics;
  private LogTail tail;
  private AnomalyDetector detector;
  private MetricWatch watch;
  private AnomalyVotes votes;
  private AlertRaiser raiser;
  private ConsensusEngine consensus;
  private UUID decisionListener;
  private ScheduledExecutorService scheduler;

  @Override
  public EngineKind kind() {
    return EngineKind.MONITORING;
  }

  @Override
  public void start(SwarmNode node) {
    hz = node.hazelcast();
    MonitoringConfig config = node.config().monitoring();
    consensus =
        SwarmServices.find(hz, ConsensusEngine.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "swarmgrid.engines.monitoring: true needs swarmgrid.engines.consensus: true"
                            + " (alerts are raised by consensus)"));
    if (config.logFile().isBlank() && config.metrics().isEmpty()) {
      throw new IllegalArgumentException(
          "swarmgrid.monitoring.log-file: '' is empty and swarmgrid.monitoring.metrics: [] is"
              + " empty; give the member's log file to tail or meters to watch");
    }
    int maxDeadline = node.config().consensus().maxDeadlineSeconds();
    if (config.voteSeconds() > maxDeadline) {
      throw new IllegalArgumentException(
          "swarmgrid.monitoring.vote-seconds: "
              + config.voteSeconds()
              + " is over swarmgrid.consensus.max-deadline-seconds ("
              + maxDeadline
              + ")");
    }
    if (!config.logFile().isBlank()) {
      startLogs(config, node.nodeId());
    }
    metrics = new MonitoringMetrics(node.meters());
    votes = new AnomalyVotes(hz, consensus, node.nodeId(), config.voteSeconds(), metrics);
    if (!config.metrics().isEmpty()) {
      watch = new MetricWatch(hz, node.nodeId(), node.meters(), config, votes, metrics);
    }
    raiser = new AlertRaiser(hz, consensus.decisions(), config.alertTtlSeconds(), metrics);
    scheduler = SwarmThreads.scheduler("swarmgrid-monitoring-" + hz.getName());
    // Off the event thread: raising an alert writes to a map.
    decisionListener =
        consensus
            .decisions()
            .addListener(
                d -> {
                  if (AlertRaiser.concerns(d)) {
                    scheduler.execute(
                        BackgroundFailures.guarded("monitoring.alert", () -> raiser.decided(d)));
                  }
                });
    scheduler.scheduleWithFixedDelay(
        BackgroundFailures.guarded("monitoring.scan", this::scanAll),
        config.scanMillis(),
        config.scanMillis(),
        TimeUnit.MILLISECONDS);
    SwarmServices.of(hz).put(MonitoringEngine.class, this);
  }

  @Override
  public void stop() {
    SwarmServices.of(hz).remove(MonitoringEngine.class, this);
    consensus.decisions().removeListener(decisionListener);
    scheduler.shutdownNow();
  }

  private void startLogs(MonitoringConfig config, String nodeId) {
    LogTemplates templates;
    try {
      templates =
          config.format().isEmpty() ? new LogTemplates() : new LogTemplates(config.format());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("swarmgrid.monitoring.format: " + e.getMessage(), e);
    }
    detector =
        new AnomalyDetector(templates, config.rareBelow(), AnomalyDetector.DEFAULT_WINDOW_SECONDS);
    Path file = Path.of(config.logFile().replace("{node-id}", nodeId));
    try {
      tail = new LogTail(file, true);
    } catch (IOException e) {
      throw new UncheckedIOException("swarmgrid.monitoring.log-file: '" + file + "' unreadable", e);
    }
  }

  private void scanAll() {
    if (!hz.getLifecycleService().isRunning()) {
      return;
    }
    if (tail != null) {
      scanNow();
    }
    if (watch != null) {
      scanMetricsNow();
    }
  }

  /**
   * Publishes this member's watched meters, checks every member's series against its learned band,
   * and votes for each series that just left it (the scheduler calls it every {@code scan-millis};
   * callable at any time).
   *
   * @return the ids of the proposals this member voted for in this scan
   * @throws IllegalStateException if {@code monitoring.metrics} is empty
   */
  public synchronized List<String> scanMetricsNow() {
    if (watch == null) {
      throw new IllegalStateException("swarmgrid.monitoring.metrics is empty: no meter is watched");
    }
    return watch.scan();
  }

  /**
   * Reads the lines appended to the log since the last scan and votes for each anomaly among them
   * (the scheduler calls it every {@code scan-millis}; callable at any time).
   *
   * @return the ids of the proposals this member voted for in this scan
   */
  public synchronized List<String> scanNow() {
    if (tail == null) {
      throw new IllegalStateException("swarmgrid.monitoring.log-file is empty: no log is tailed");
    }
    List<String> lines;
    try {
      lines = tail.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    metrics.read(lines.size());
    if (lines.isEmpty()) {
      return List.of();
    }
    Map<String, String> anomalies = new LinkedHashMap<>();
    for (Verdict v : detector.detect(lines)) {
      if (v.anomalous()) {
        String key = Template.of(LogTemplates.pattern(v.parsed())).id();
        anomalies.putIfAbsent(key, v.line());
      }
    }
    List<String> voted = new ArrayList<>();
    anomalies.forEach((key, line) -> votes.report(key, line).ifPresent(voted::add));
    return voted;
  }

  /** Metric scans this member has made. */
  public long metricScans() {
    return metrics.metricScans();
  }

  /** Series (any member's meter) this member saw leave their band. */
  public long metricAnomalies() {
    return metrics.metricAnomalies();
  }

  /** This member's counts: alerts it raised. */
  public long alertsRaised() {
    return metrics.alerts();
  }
}
