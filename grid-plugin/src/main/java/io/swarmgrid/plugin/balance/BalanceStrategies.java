package io.swarmgrid.plugin.balance;

import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.config.SwarmConfigException;

/** Makes strategies by their config name. */
public final class BalanceStrategies {
  private BalanceStrategies() {}

  /**
   * A new strategy named {@code name} (one of {@link BalanceConfig#STRATEGIES}).
   *
   * @throws SwarmConfigException naming {@code balance.strategy} and the value for an unknown name
   */
  public static BalanceStrategy create(String name, BalanceConfig config) {
    return switch (name == null ? "" : name) {
      case "round-robin" -> new RoundRobinStrategy();
      case "weighted-round-robin" -> new WeightedRoundRobinStrategy();
      case "least-connections" -> new LeastConnectionsStrategy();
      case "resource-aware" -> new ResourceAwareStrategy();
      case "predictive" ->
          PredictiveStrategy.of(
              config.predictorMinSamples(),
              config.predictorRetrainEvery(),
              config.predictorWindow());
      default ->
          throw new SwarmConfigException(
              "balance.strategy", name, "one of " + BalanceConfig.STRATEGIES);
    };
  }
}
