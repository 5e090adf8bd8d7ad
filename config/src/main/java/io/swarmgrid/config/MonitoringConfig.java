package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.name;
import static io.swarmgrid.config.internal.Checks.range;
import static io.swarmgrid.config.internal.Checks.required;

import java.util.List;
import java.util.Objects;

/**
 * Self-monitoring ({@code swarmgrid.monitoring}); runs with {@code engines.monitoring: true} and
 * needs the consensus engine. Each member tails its own log, runs the anomaly detector over the new
 * lines, and proposes what it finds; it also publishes its watched meters and checks every member's
 * against a learned band. An alert is raised only when the swarm's vote reaches quorum. {@code
 * docs/WORKLOADS.md} ("Self-monitoring") explains it.
 *
 * @param logFile the member's log file to tail; {@code {node-id}} is replaced by the node's id;
 *     empty: no log is tailed (with no {@code metrics} either, the engine refuses to start)
 * @param format the log's header format: a built-in name ({@code HDFS}, {@code Spark}...) or a
 *     format string; empty recognises each line among the built-in formats. The default is
 *     slf4j-simple's line ({@code [time] [thread] LEVEL logger - message})
 * @param scanMillis how often the new lines are read and checked, 100..3600000
 * @param rareBelow within one scan, a template with fewer lines is rare (for formats without a
 *     level), 1..1000
 * @param voteSeconds how long a proposed anomaly stays open for the other members' votes (the
 *     proposal's deadline; at most {@code consensus.max-deadline-seconds}), 1..3600
 * @param alertTtlSeconds how long a raised alert stays in {@code swarm.alerts}, 1..31536000
 * @param metrics names of the member's Micrometer meters to watch (a gauge's value, a counter's
 *     rate per second, a timer's mean in ms over each scan; meters of one name summed over their
 *     tags); empty: no metric is watched
 * @param metricWarmup samples of a series before its band is trusted (none is flagged before),
 *     2..100000
 * @param metricBandSigmas a sample is above the band when it exceeds the learned mean by this many
 *     learned standard deviations (with a floor, see the docs), 1..1000
 * @param metricPersistence consecutive samples above the band before it is an anomaly, 1..1000
 */
public record MonitoringConfig(
    String logFile,
    String format,
    long scanMillis,
    int rareBelow,
    int voteSeconds,
    int alertTtlSeconds,
    List<String> metrics,
    int metricWarmup,
    double metricBandSigmas,
    int metricPersistence) {

  /**
   * slf4j-simple's line, what SwarmGrid's launcher logs with, with or without its time ({@code
   * showDateTime}).
   */
  public static final String SLF4J_SIMPLE_FORMAT =
      "(<Time> )?\\[<Thread>\\] <Level> <Component> - <Content>";

  /**
   * The meters watched by default: the member's inbox backlog, consensus decision latency, tasks
   * held, propagation latency, replication lag and heap (bound when HTTP is on).
   */
  public static final List<String> DEFAULT_METRICS =
      List.of(
          "swarmgrid.messaging.inbox.queued",
          "swarmgrid.consensus.decision.latency",
          "swarmgrid.balance.node.held",
          "swarmgrid.propagation.latency",
          "swarmgrid.region.replication.lag",
          "jvm.memory.used");

  /** The defaults of the bundled {@code swarmgrid-default.yaml}. */
  public static final MonitoringConfig DEFAULTS =
      new MonitoringConfig(
          "", SLF4J_SIMPLE_FORMAT, 10_000, 3, 60, 86_400, DEFAULT_METRICS, 20, 4.0, 3);

  /** Validates every field. */
  public MonitoringConfig {
    required("log-file", logFile, "a path, or empty");
    required("format", format, "a format name or string, or empty");
    range("scan-millis", scanMillis, 100, 3_600_000);
    range("rare-below", rareBelow, 1, 1_000);
    range("vote-seconds", voteSeconds, 1, 3_600);
    range("alert-ttl-seconds", alertTtlSeconds, 1, 31_536_000);
    metrics = checkedMetrics("metrics", metrics);
    range("metric-warmup", metricWarmup, 2, 100_000);
    range("metric-band-sigmas", metricBandSigmas, 1.0, 1_000.0);
    range("metric-persistence", metricPersistence, 1, 1_000);
  }

  private static List<String> checkedMetrics(String key, List<String> metrics) {
    List<String> copy = List.copyOf(required(key, metrics, "a list of meter names"));
    for (int i = 0; i < copy.size(); i++) {
      name(key + "[" + i + "]", copy.get(i));
    }
    return copy;
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(MonitoringConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static MonitoringConfig ofDefaults() {
    return DEFAULTS;
  }

  /** Builds a {@link MonitoringConfig}; each setter rejects a bad value at once. */
  public static final class Builder {
    private static final String PATH = "swarmgrid.monitoring";

    private String logFile;
    private String format;
    private long scanMillis;
    private int rareBelow;
    private int voteSeconds;
    private int alertTtlSeconds;
    private List<String> metrics;
    private int metricWarmup;
    private double metricBandSigmas;
    private int metricPersistence;

    private Builder(MonitoringConfig c) {
      logFile = c.logFile;
      format = c.format;
      scanMillis = c.scanMillis;
      rareBelow = c.rareBelow;
      voteSeconds = c.voteSeconds;
      alertTtlSeconds = c.alertTtlSeconds;
      metrics = c.metrics;
      metricWarmup = c.metricWarmup;
      metricBandSigmas = c.metricBandSigmas;
      metricPersistence = c.metricPersistence;
    }

    /** The log file to tail ({@code {node-id}} replaced), or empty. */
    public Builder logFile(String logFile) {
      this.logFile = required(PATH + ".log-file", logFile, "a path, or empty");
      return this;
    }

    /** A built-in format's name or a format string, or empty to recognise each line. */
    public Builder format(String format) {
      this.format = required(PATH + ".format", format, "a format name or string, or empty");
      return this;
    }

    /** How often the new lines are read and checked, 100..3600000. */
    public Builder scanMillis(long scanMillis) {
      this.scanMillis = range(PATH + ".scan-millis", scanMillis, 100, 3_600_000);
      return this;
    }

    /** Within one scan, a template with fewer lines is rare, 1..1000. */
    public Builder rareBelow(int rareBelow) {
      this.rareBelow = range(PATH + ".rare-below", rareBelow, 1, 1_000);
      return this;
    }

    /** How long a proposed anomaly stays open for votes, 1..3600. */
    public Builder voteSeconds(int voteSeconds) {
      this.voteSeconds = range(PATH + ".vote-seconds", voteSeconds, 1, 3_600);
      return this;
    }

    /** How long a raised alert stays readable, 1..31536000. */
    public Builder alertTtlSeconds(int alertTtlSeconds) {
      this.alertTtlSeconds = range(PATH + ".alert-ttl-seconds", alertTtlSeconds, 1, 31_536_000);
      return this;
    }

    /** Names of the member's meters to watch; empty: none. */
    public Builder metrics(List<String> metrics) {
      this.metrics = checkedMetrics(PATH + ".metrics", metrics);
      return this;
    }

    /** Samples of a series before its band is trusted, 2..100000. */
    public Builder metricWarmup(int metricWarmup) {
      this.metricWarmup = range(PATH + ".metric-warmup", metricWarmup, 2, 100_000);
      return this;
    }

    /** Learned standard deviations above the mean that leave the band, 1..1000. */
    public Builder metricBandSigmas(double metricBandSigmas) {
      this.metricBandSigmas = range(PATH + ".metric-band-sigmas", metricBandSigmas, 1.0, 1_000.0);
      return this;
    }

    /** Consecutive samples above the band before it is an anomaly, 1..1000. */
    public Builder metricPersistence(int metricPersistence) {
      this.metricPersistence = range(PATH + ".metric-persistence", metricPersistence, 1, 1_000);
      return this;
    }

    /** The config. */
    public MonitoringConfig build() {
      try {
        return new MonitoringConfig(
            logFile,
            format,
            scanMillis,
            rareBelow,
            voteSeconds,
            alertTtlSeconds,
            metrics,
            metricWarmup,
            metricBandSigmas,
            metricPersistence);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
