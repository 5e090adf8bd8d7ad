package io.swarmgrid.ml.learning;

import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * Attacks a poisoned participant makes, for tests and benchmarks. {@code strength} is the sign
 * flip's scale, the noise's standard deviation, or the little-is-enough z.
 */
public enum PoisonAttack {
  /** An honest participant. */
  NONE,
  /** Submits {@code global - strength (honest - global)}: the honest step reversed and scaled. */
  SIGN_FLIP,
  /** Submits {@code global + N(0, strength^2)} in every coordinate. */
  GAUSSIAN,
  /** Trains honestly on data whose labels are flipped ({@code y -> classes - 1 - y}). */
  LABEL_FLIP,
  /**
   * "A little is enough" (Baruch et al. 2019): colluding attackers submit {@code mean - strength x
   * std} of their own honest updates, coordinate by coordinate: inside the spread of honest
   * updates, so distance-based rules do not single it out.
   */
  LITTLE_IS_ENOUGH;

  /** The label map the attacker trains with. */
  public IntUnaryOperator labelMap(int classes) {
    return this == LABEL_FLIP ? y -> classes - 1 - y : IntUnaryOperator.identity();
  }

  /**
   * What the attacker submits, from the global model, its own honest result, and the honest results
   * of every attacker colluding with it (itself included; used by little-is-enough).
   */
  public double[] poison(
      double[] global, double[] honest, List<double[]> colluders, double strength, Random random) {
    double[] out = new double[honest.length];
    switch (this) {
      case NONE, LABEL_FLIP -> System.arraycopy(honest, 0, out, 0, honest.length);
      case SIGN_FLIP -> {
        for (int j = 0; j < out.length; j++) {
          out[j] = global[j] - strength * (honest[j] - global[j]);
        }
      }
      case GAUSSIAN -> {
        for (int j = 0; j < out.length; j++) {
          out[j] = global[j] + strength * random.nextGaussian();
        }
      }
      case LITTLE_IS_ENOUGH -> {
        int m = colluders.size();
        for (int j = 0; j < out.length; j++) {
          double mean = 0;
          for (double[] c : colluders) {
            mean += c[j];
          }
          mean /= m;
          double var = 0;
          for (double[] c : colluders) {
            var += (c[j] - mean) * (c[j] - mean);
          }
          out[j] = mean - strength * Math.sqrt(var / m);
        }
      }
    }
    return out;
  }
}
