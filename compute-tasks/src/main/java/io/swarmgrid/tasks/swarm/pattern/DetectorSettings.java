package io.swarmgrid.tasks.swarm.pattern;

/**
 * When {@link PatternDetector} calls a pattern.
 *
 * @param window samples looked back over
 * @param stagnationSamples samples without a better best that make stagnation
 * @param convergenceRatio diversity at the end of the window at or below this share of its start
 *     makes convergence
 * @param oscillationFlips direction changes of the mean state within the window that make
 *     oscillation (with no trend)
 * @param clusters k of the k-means over agent states
 * @param seed k-means seed
 */
public record DetectorSettings(
    int window,
    int stagnationSamples,
    double convergenceRatio,
    int oscillationFlips,
    int clusters,
    long seed) {

  /** Checks each field. */
  public DetectorSettings {
    if (window < 3) {
      throw new IllegalArgumentException("window: " + window + " is below 3");
    }
    if (stagnationSamples < 1) {
      throw new IllegalArgumentException("stagnationSamples: " + stagnationSamples + " is below 1");
    }
    if (!(convergenceRatio > 0 && convergenceRatio < 1)) {
      throw new IllegalArgumentException(
          "convergenceRatio: " + convergenceRatio + " is not in (0, 1)");
    }
    if (oscillationFlips < 2) {
      throw new IllegalArgumentException("oscillationFlips: " + oscillationFlips + " is below 2");
    }
    if (clusters < 2) {
      throw new IllegalArgumentException("clusters: " + clusters + " is below 2");
    }
  }

  /** Window 10, stagnation after 20 samples, convergence at 30%, 6 flips, 2 clusters. */
  public static DetectorSettings defaults() {
    return new DetectorSettings(10, 20, 0.3, 6, 2, 1);
  }
}
