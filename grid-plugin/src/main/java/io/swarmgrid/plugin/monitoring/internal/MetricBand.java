package io.swarmgrid.plugin.monitoring.internal;

/**
 * A learned upper band over one metric series: an exponentially weighted mean and variance (plain
 * running mean and variance during the warm-up, then a weight of {@code 2 / (warmup + 1)} per new
 * sample). A sample is above the band when it exceeds {@code mean + sigmas * deviation}, where the
 * deviation is at least {@link #MIN_DEVIATION} and {@link #MIN_RELATIVE} of the mean (a series that
 * never moved, such as an empty backlog, would otherwise flag its first message). Samples above the
 * band do not teach it, so a lasting anomaly does not become normal at once; after {@code warmup}
 * samples above it, the new level is learned afresh (a deliberate change of load stops paging).
 * Only the upper side is checked: the watched meters (backlogs, latencies, heap) hurt when high.
 * Not thread-safe.
 */
public final class MetricBand {
  /** Smallest deviation the band uses, in the series' unit. */
  static final double MIN_DEVIATION = 1.0;

  /** Smallest deviation as a fraction of the learned mean. */
  static final double MIN_RELATIVE = 0.1;

  private final int warmup;
  private final double sigmas;
  private final int persistence;
  private long learned;
  private double mean;
  private double variance;
  private int above;
  private boolean episode;

  /**
   * @param warmup samples before the band is trusted, at least 2
   * @param sigmas how many deviations above the mean leave the band
   * @param persistence consecutive samples above the band that make an anomaly
   */
  public MetricBand(int warmup, double sigmas, int persistence) {
    this.warmup = warmup;
    this.sigmas = sigmas;
    this.persistence = persistence;
  }

  /** What one sample did to the band. */
  public record Check(double value, double mean, double upper, boolean above, boolean starts) {}

  /**
   * Checks {@code value} against the band and learns from it if it is inside.
   *
   * @return the check; {@code starts} is true once per anomaly: at the {@code persistence}-th
   *     consecutive sample above the band
   */
  public Check add(double value) {
    if (learned < warmup) {
      learn(value);
      return new Check(value, mean, Double.POSITIVE_INFINITY, false, false);
    }
    double upper = upper();
    if (value <= upper) {
      above = 0;
      episode = false;
      learn(value);
      return new Check(value, mean, upper, false, false);
    }
    above++;
    boolean starts = !episode && above >= persistence;
    episode |= starts;
    Check check = new Check(value, mean, upper, true, starts);
    if (above >= warmup + persistence) {
      relearn(value);
    }
    return check;
  }

  /** Whether the band has seen its warm-up samples. */
  public boolean trusted() {
    return learned >= warmup;
  }

  private double upper() {
    double deviation =
        Math.max(Math.sqrt(variance), Math.max(MIN_DEVIATION, MIN_RELATIVE * Math.abs(mean)));
    return mean + sigmas * deviation;
  }

  private void learn(double value) {
    learned++;
    double weight = learned <= warmup ? 1.0 / learned : 2.0 / (warmup + 1);
    double diff = value - mean;
    double step = weight * diff;
    mean += step;
    variance = (1 - weight) * (variance + diff * step);
  }

  private void relearn(double value) {
    learned = 0;
    mean = 0;
    variance = 0;
    above = 0;
    episode = false;
    learn(value);
  }
}
