package io.swarmgrid.ml;

import io.swarmgrid.ml.internal.ModelChecks;
import java.time.Instant;

/**
 * Error of a {@link LoadPredictor} on held-out samples: the most recent samples of its window,
 * scored by a model trained on the older ones.
 *
 * @param meanAbsoluteErrorMs mean |predicted − observed| completion time on held-out samples, in ms
 * @param baselineMeanAbsoluteErrorMs the same error when always predicting the mean observed time
 *     of the training samples, in ms; the figure to beat
 * @param trainingSamples samples the evaluated model was trained on
 * @param heldOutSamples most recent samples held out for these figures
 * @param trainedAt when training finished
 */
public record LoadMetrics(
    double meanAbsoluteErrorMs,
    double baselineMeanAbsoluteErrorMs,
    int trainingSamples,
    int heldOutSamples,
    Instant trainedAt) {

  /** Validates. */
  public LoadMetrics {
    ModelChecks.nonNegative("meanAbsoluteErrorMs", meanAbsoluteErrorMs);
    ModelChecks.nonNegative("baselineMeanAbsoluteErrorMs", baselineMeanAbsoluteErrorMs);
    ModelChecks.nonNegative("trainingSamples", trainingSamples);
    ModelChecks.nonNegative("heldOutSamples", heldOutSamples);
    ModelChecks.notNull("trainedAt", trainedAt);
  }
}
