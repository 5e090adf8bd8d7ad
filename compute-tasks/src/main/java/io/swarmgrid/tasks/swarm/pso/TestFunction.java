package io.swarmgrid.tasks.swarm.pso;

import java.util.Arrays;
import java.util.Locale;

/**
 * Standard continuous test functions for optimisers (all minimised, optimum 0), with their usual
 * search domains (the same box in every dimension).
 */
public enum TestFunction implements Objective {
  /** Σ x². Unimodal; domain [-5.12, 5.12]. */
  SPHERE(-5.12, 5.12),
  /** 10n + Σ (x² − 10 cos 2πx). Highly multimodal; domain [-5.12, 5.12]. */
  RASTRIGIN(-5.12, 5.12),
  /** Σ 100(x_{i+1} − x_i²)² + (1 − x_i)². A curved valley; domain [-5, 10]. */
  ROSENBROCK(-5, 10),
  /** −20 exp(−0.2 √(Σx²/n)) − exp(Σ cos 2πx / n) + 20 + e. Multimodal; domain [-32.768, 32.768]. */
  ACKLEY(-32.768, 32.768);

  private final double lower;
  private final double upper;

  TestFunction(double lower, double upper) {
    this.lower = lower;
    this.upper = upper;
  }

  /** The lower bound of every coordinate. */
  @Override
  public double lower() {
    return lower;
  }

  /** The upper bound of every coordinate. */
  @Override
  public double upper() {
    return upper;
  }

  /** The function's value at {@code x}. */
  @Override
  public double value(double[] x) {
    int n = x.length;
    return switch (this) {
      case SPHERE -> Arrays.stream(x).map(v -> v * v).sum();
      case RASTRIGIN ->
          10.0 * n + Arrays.stream(x).map(v -> v * v - 10 * Math.cos(2 * Math.PI * v)).sum();
      case ROSENBROCK -> {
        double s = 0;
        for (int i = 0; i + 1 < n; i++) {
          double a = x[i + 1] - x[i] * x[i];
          double b = 1 - x[i];
          s += 100 * a * a + b * b;
        }
        yield s;
      }
      case ACKLEY -> {
        double sq = Arrays.stream(x).map(v -> v * v).sum() / n;
        double cos = Arrays.stream(x).map(v -> Math.cos(2 * Math.PI * v)).sum() / n;
        yield -20 * Math.exp(-0.2 * Math.sqrt(sq)) - Math.exp(cos) + 20 + Math.E;
      }
    };
  }

  /** The lower-case name used in configs and commands. */
  @Override
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The function named {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the known names
   */
  public static TestFunction named(String name) {
    for (TestFunction f : values()) {
      if (f.id().equalsIgnoreCase(String.valueOf(name))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "objective: '"
            + name
            + "' is not a known test function; known: "
            + Arrays.stream(values()).map(TestFunction::id).toList());
  }
}
