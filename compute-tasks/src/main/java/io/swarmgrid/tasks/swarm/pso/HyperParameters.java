package io.swarmgrid.tasks.swarm.pso;

import io.swarmgrid.ml.learning.SgdOptions;
import java.util.function.IntUnaryOperator;

/**
 * The training hyper-parameters a {@link ModelObjective} searches, decoded from a point of the unit
 * cube (so one velocity limit and one box serve every coordinate): the learning rate on a log scale
 * from 0.001 to about 3.2, the minibatch size on a log scale from 4 to 256, and 1 to 3 epochs.
 *
 * @param learningRate the SGD step size
 * @param batchSize images per minibatch
 * @param epochs passes over the training split
 */
public record HyperParameters(double learningRate, int batchSize, int epochs) {
  /** Coordinates of a point. */
  public static final int DIMENSION = 3;

  /** The hyper-parameters at {@code unit} (each coordinate clamped to [0, 1]). */
  public static HyperParameters at(double[] unit) {
    if (unit.length != DIMENSION) {
      throw new IllegalArgumentException(
          "hyper-parameter point: " + unit.length + " coordinates, expected " + DIMENSION);
    }
    double lr = Math.pow(10, -3 + 3.5 * clamp(unit[0]));
    int batch = (int) Math.round(Math.pow(2, 2 + 6 * clamp(unit[1])));
    int epochs = 1 + Math.min(2, (int) Math.floor(3 * clamp(unit[2])));
    return new HyperParameters(lr, batch, epochs);
  }

  /** SGD options with these values; the shuffle seed is fixed so a point always scores the same. */
  public SgdOptions sgd() {
    return new SgdOptions(epochs, learningRate, batchSize, 1L, IntUnaryOperator.identity());
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
