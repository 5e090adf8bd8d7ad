package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;
import static io.swarmgrid.config.internal.Checks.required;

import java.util.Objects;

/**
 * Self-monitoring ({@code swarmgrid.monitoring}); runs with {@code engines.monitoring: true} and
 * needs the consensus engine. Each member tails its own log, runs the anomaly detector over the new
 * lines, and proposes what it finds; an alert is raised only when the swarm's vote reaches quorum.
 * {@code docs/WORKLOADS.md} ("Self-monitoring") explains it.
 *
 * @param logFile the member's log file to tail; {@code {node-id}} is replaced by the node's id;
 *     empty: nothing is tailed (the engine refuses to start)
 * @param format the log's header format: a built-in name ({@code HDFS}, {@code Spark}...) or a
 *     format string; empty recognises each line among the built-in formats. The default is
 *     slf4j-simple's line ({@code [time] [thread] LEVEL logger - message})
 * @param scanMillis how often the new lines are read and checked, 100..3600000
 * @param rareBelow within one scan, a template with fewer lines is rare (for formats without a
 *     level), 1..1000
 * @param voteSeconds how long a proposed anomaly stays open for the other members' votes (the
 *     proposal's deadline; at most {@code consensus.max-deadline-seconds}), 1..3600
 * @param alertTtlSeconds how long a raised alert stays in {@code swarm.alerts}, 1..31536000
 */
public record MonitoringConfig(
    String logFile,
    String format,
    long scanMillis,
    int rareBelow,
    int voteSeconds,
    int alertTtlSeconds) {

  /**
   * slf4j-simple's line, what SwarmGrid's launcher logs with, with or without its time ({@code
   * showDateTime}).
   */
  public static final String SLF4J_SIMPLE_FORMAT =
      "(<Time> )?\\[<Thread>\\] <Level> <Component> - <Content>";

  /** The defaults of the bundled {@code swarmgrid-default.yaml}. */
  public static final MonitoringConfig DEFAULTS =
      new MonitoringConfig("", SLF4J_SIMPLE_FORMAT, 10_000, 3, 60, 86_400);

  /** Validates every field. */
  public MonitoringConfig {
    required("log-file", logFile, "a path, or empty");
    required("format", format, "a format name or string, or empty");
    range("scan-millis", scanMillis, 100, 3_600_000);
    range("rare-below", rareBelow, 1, 1_000);
    range("vote-seconds", voteSeconds, 1, 3_600);
    range("alert-ttl-seconds", alertTtlSeconds, 1, 31_536_000);
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

    private Builder(MonitoringConfig c) {
      logFile = c.logFile;
      format = c.format;
      scanMillis = c.scanMillis;
      rareBelow = c.rareBelow;
      voteSeconds = c.voteSeconds;
      alertTtlSeconds = c.alertTtlSeconds;
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

    /** The config. */
    public MonitoringConfig build() {
      try {
        return new MonitoringConfig(
            logFile, format, scanMillis, rareBelow, voteSeconds, alertTtlSeconds);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
