package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

import java.util.Objects;

/**
 * Settings of one Resilience4j circuit breaker (and the retry in front of it). Named breakers take
 * {@code swarmgrid.fault.breaker-defaults} for the keys they leave out.
 *
 * @param failureRatePercent failure rate at or above which the breaker opens, 1..100
 * @param slidingWindowCalls how many recent calls the failure rate is computed over, 1..100000
 * @param minimumCalls calls needed in the window before the rate is judged, 1..100000
 * @param openWaitMillis how long the breaker stays open before it lets trial calls through,
 *     1..86400000
 * @param halfOpenCalls trial calls allowed while half-open, 1..10000
 * @param retryAttempts attempts per call including the first (1 = no retry), 1..100
 * @param retryWaitMillis pause between retry attempts, 0..600000
 */
public record BreakerConfig(
    int failureRatePercent,
    int slidingWindowCalls,
    int minimumCalls,
    long openWaitMillis,
    int halfOpenCalls,
    int retryAttempts,
    long retryWaitMillis) {

  /** The defaults of the bundled {@code swarmgrid-default.yaml}. */
  public static final BreakerConfig DEFAULTS = new BreakerConfig(50, 20, 10, 5000, 3, 3, 100);

  /** Validates every field. */
  public BreakerConfig {
    range("failure-rate-percent", failureRatePercent, 1, 100);
    range("sliding-window-calls", slidingWindowCalls, 1, 100_000);
    range("minimum-calls", minimumCalls, 1, 100_000);
    range("open-wait-millis", openWaitMillis, 1, 86_400_000);
    range("half-open-calls", halfOpenCalls, 1, 10_000);
    range("retry-attempts", retryAttempts, 1, 100);
    range("retry-wait-millis", retryWaitMillis, 0, 600_000);
  }

  /**
   * A named breaker's settings: any key left out ({@code null}) takes the default.
   *
   * @param failureRatePercent see {@link BreakerConfig#failureRatePercent}
   * @param slidingWindowCalls see {@link BreakerConfig#slidingWindowCalls}
   * @param minimumCalls see {@link BreakerConfig#minimumCalls}
   * @param openWaitMillis see {@link BreakerConfig#openWaitMillis}
   * @param halfOpenCalls see {@link BreakerConfig#halfOpenCalls}
   * @param retryAttempts see {@link BreakerConfig#retryAttempts}
   * @param retryWaitMillis see {@link BreakerConfig#retryWaitMillis}
   */
  public record Partial(
      Integer failureRatePercent,
      Integer slidingWindowCalls,
      Integer minimumCalls,
      Long openWaitMillis,
      Integer halfOpenCalls,
      Integer retryAttempts,
      Long retryWaitMillis) {

    /** No key set: the defaults alone. */
    public static final Partial NONE = new Partial(null, null, null, null, null, null, null);

    /** Every key set, to the values of {@code full}. */
    public static Partial of(BreakerConfig full) {
      return new Partial(
          full.failureRatePercent,
          full.slidingWindowCalls,
          full.minimumCalls,
          full.openWaitMillis,
          full.halfOpenCalls,
          full.retryAttempts,
          full.retryWaitMillis);
    }

    /** These settings over {@code base}; validated like any breaker config. */
    public BreakerConfig over(BreakerConfig base) {
      return new BreakerConfig(
          failureRatePercent == null ? base.failureRatePercent() : failureRatePercent,
          slidingWindowCalls == null ? base.slidingWindowCalls() : slidingWindowCalls,
          minimumCalls == null ? base.minimumCalls() : minimumCalls,
          openWaitMillis == null ? base.openWaitMillis() : openWaitMillis,
          halfOpenCalls == null ? base.halfOpenCalls() : halfOpenCalls,
          retryAttempts == null ? base.retryAttempts() : retryAttempts,
          retryWaitMillis == null ? base.retryWaitMillis() : retryWaitMillis);
    }
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(BreakerConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static BreakerConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Builds a {@link BreakerConfig}; each setter rejects a bad value at once, {@link #build} checks
   * the keys that depend on each other.
   */
  public static final class Builder {
    private static final String PATH = "swarmgrid.fault.breaker-defaults";

    private int failureRatePercent;
    private int slidingWindowCalls;
    private int minimumCalls;
    private long openWaitMillis;
    private int halfOpenCalls;
    private int retryAttempts;
    private long retryWaitMillis;

    private Builder(BreakerConfig c) {
      failureRatePercent = c.failureRatePercent;
      slidingWindowCalls = c.slidingWindowCalls;
      minimumCalls = c.minimumCalls;
      openWaitMillis = c.openWaitMillis;
      halfOpenCalls = c.halfOpenCalls;
      retryAttempts = c.retryAttempts;
      retryWaitMillis = c.retryWaitMillis;
    }

    /** Failure rate at or above which the breaker opens, 1..100. */
    public Builder failureRatePercent(int failureRatePercent) {
      this.failureRatePercent = range(PATH + ".failure-rate-percent", failureRatePercent, 1, 100);
      return this;
    }

    /** How many recent calls the failure rate is computed over, 1..100000. */
    public Builder slidingWindowCalls(int slidingWindowCalls) {
      this.slidingWindowCalls =
          range(PATH + ".sliding-window-calls", slidingWindowCalls, 1, 100_000);
      return this;
    }

    /** Calls needed in the window before the rate is judged, 1..100000. */
    public Builder minimumCalls(int minimumCalls) {
      this.minimumCalls = range(PATH + ".minimum-calls", minimumCalls, 1, 100_000);
      return this;
    }

    /** How long the breaker stays open before it lets trial calls through, 1..86400000. */
    public Builder openWaitMillis(long openWaitMillis) {
      this.openWaitMillis = range(PATH + ".open-wait-millis", openWaitMillis, 1, 86_400_000);
      return this;
    }

    /** Trial calls allowed while half-open, 1..10000. */
    public Builder halfOpenCalls(int halfOpenCalls) {
      this.halfOpenCalls = range(PATH + ".half-open-calls", halfOpenCalls, 1, 10_000);
      return this;
    }

    /** Attempts per call including the first (1 = no retry), 1..100. */
    public Builder retryAttempts(int retryAttempts) {
      this.retryAttempts = range(PATH + ".retry-attempts", retryAttempts, 1, 100);
      return this;
    }

    /** Pause between retry attempts, 0..600000. */
    public Builder retryWaitMillis(long retryWaitMillis) {
      this.retryWaitMillis = range(PATH + ".retry-wait-millis", retryWaitMillis, 0, 600_000);
      return this;
    }

    /** The config; a bad combination of keys is refused naming the key and the value. */
    public BreakerConfig build() {
      try {
        return new BreakerConfig(
            failureRatePercent,
            slidingWindowCalls,
            minimumCalls,
            openWaitMillis,
            halfOpenCalls,
            retryAttempts,
            retryWaitMillis);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
