package io.swarmgrid.plugin.balance;

import io.swarmgrid.config.BalanceConfig;

/**
 * Multi-criteria weights: a candidate's total is {@code speed × strategy score + cost × node cost +
 * reliability × (1 − reputation) − affinity × (1 if it runs next to the data)}; lowest wins.
 *
 * @param speed weight of the strategy's own score (its notion of fastest)
 * @param cost weight of the node's cost
 * @param reliability weight of unreliability
 * @param affinity weight of data affinity
 */
public record Weights(double speed, double cost, double reliability, double affinity) {
  /** Only the strategy's own score counts. */
  public static final Weights STRATEGY_ONLY = new Weights(1, 0, 0, 0);

  /** Validates. */
  public Weights {
    for (double w : new double[] {speed, cost, reliability, affinity}) {
      if (!(w >= 0 && w <= 100)) {
        throw new IllegalArgumentException("weight: " + w + " is not within 0..100");
      }
    }
  }

  /** The weights of {@code config}. */
  public static Weights of(BalanceConfig config) {
    return new Weights(
        config.speedWeight(),
        config.costWeight(),
        config.reliabilityWeight(),
        config.affinityWeight());
  }
}
