package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

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
}
