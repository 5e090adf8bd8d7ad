package io.swarmgrid.plugin.balance.internal;

import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.ml.LoadMetrics;
import io.swarmgrid.plugin.balance.BalanceStrategies;
import io.swarmgrid.plugin.balance.BalanceStrategy;
import io.swarmgrid.plugin.balance.PredictiveStrategy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strategies of one member by name, made on first use: the default ({@code balance.strategy})
 * and those named per task type ({@code balance.strategies}). A strategy keeps state (round-robin
 * position, the predictor's model), so one instance serves each name.
 */
public final class StrategyBook {
  private final BalanceConfig config;
  private final Map<String, BalanceStrategy> strategies = new ConcurrentHashMap<>();

  /** Makes the configured strategies at once, so that a bad name fails the engine's start. */
  public StrategyBook(BalanceConfig config) {
    this.config = config;
    named(config.strategy());
    config.strategies().values().forEach(this::named);
  }

  /** The strategy for tasks of {@code type}. */
  public BalanceStrategy forType(String type) {
    return named(config.strategyFor(type));
  }

  /** The predictive strategy for tasks of {@code type}, if that is the type's strategy. */
  Optional<PredictiveStrategy> predictiveFor(String type) {
    return forType(type) instanceof PredictiveStrategy p ? Optional.of(p) : Optional.empty();
  }

  /** The metrics of the first predictive strategy that has a model. */
  public Optional<LoadMetrics> predictorMetrics() {
    return strategies.values().stream()
        .filter(s -> s instanceof PredictiveStrategy)
        .map(s -> ((PredictiveStrategy) s).metrics())
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** Completed tasks the predictive strategies learned from. */
  public long learnedSamples() {
    return strategies.values().stream()
        .filter(s -> s instanceof PredictiveStrategy)
        .mapToLong(s -> ((PredictiveStrategy) s).learned())
        .sum();
  }

  private BalanceStrategy named(String name) {
    return strategies.computeIfAbsent(name, k -> BalanceStrategies.create(k, config));
  }
}
