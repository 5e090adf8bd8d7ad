package io.swarmgrid.ml.learning;

/**
 * How a round's updates become the next global model, and how many faulty (arbitrary, colluding)
 * participants {@code f} out of {@code n} each rule tolerates.
 */
public enum AggregationRule {
  /**
   * Federated averaging weighted by sample count. Tolerates no faulty participant: one update of
   * any size moves the mean anywhere.
   */
  MEAN,
  /**
   * Coordinate-wise median. Tolerates {@code f < n / 2} ({@code n >= 2f + 1}): each coordinate lies
   * between honest values.
   */
  MEDIAN,
  /**
   * Coordinate-wise trimmed mean: drops the {@code k = max(f, floor(beta n))} lowest and highest
   * values of each coordinate and averages the rest. Tolerates {@code f <= k} with {@code 2k < n}.
   */
  TRIMMED_MEAN,
  /**
   * Krum (Blanchard et al. 2017): the update whose {@code n - f - 2} nearest neighbours are closest
   * in squared L2. Needs {@code n >= 2f + 3}.
   */
  KRUM,
  /** Multi-Krum: the mean of the {@code m} best-scored Krum updates. Needs {@code n >= 2f + 3}. */
  MULTI_KRUM;

  /** Whether {@code f} faulty participants of {@code n} are tolerated (trimmed mean: see spec). */
  public boolean tolerates(int n, int f, double trimBeta) {
    return switch (this) {
      case MEAN -> f == 0;
      case MEDIAN -> n >= 2 * f + 1;
      case TRIMMED_MEAN -> {
        int k = trimCount(n, f, trimBeta);
        yield 2 * k < n;
      }
      case KRUM, MULTI_KRUM -> n >= 2 * f + 3;
    };
  }

  /** Values dropped at each end of a coordinate by the trimmed mean. */
  static int trimCount(int n, int f, double beta) {
    return Math.max(f, (int) Math.floor(beta * n));
  }

  /** What the rule needs, for error messages. */
  public String requirement() {
    return switch (this) {
      case MEAN -> "f = 0";
      case MEDIAN -> "n >= 2f + 1";
      case TRIMMED_MEAN -> "2 max(f, floor(beta n)) < n";
      case KRUM, MULTI_KRUM -> "n >= 2f + 3";
    };
  }
}
