package io.swarmgrid.plugin.balance;

import io.swarmgrid.config.BalancingConfig;
import io.swarmgrid.config.SwarmConfigException;

/** Makes strategies by their config name. */
public final class BalancingStrategies {
  private BalancingStrategies() {}

  /**
   * A new strategy named {@code name} (one of {@link BalancingConfig#STRATEGIES}).
   *
   * @throws SwarmConfigException naming {@code balancing.strategy} and the value for an unknown
   *     name
   */
  public static BalancingStrategy create(String name, BalancingConfig config) {
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
              "balancing.strategy", name, "one of " + BalancingConfig.STRATEGIES);
    };
  }
}
