package io.swarmgrid.ml;

import io.swarmgrid.ml.internal.ModelChecks;
import java.time.Instant;

/**
 * How well a {@link DecisionOutcomeModel} did on the held-out, most recent examples it was not
 * trained on.
 *
 * @param accuracy share of held-out examples whose outcome matches {@code predictSuccess >= 0.5};
 *     NaN when nothing was held out
 * @param auc area under the ROC curve on the held-out examples, in [0, 1] (0.5 is chance); NaN when
 *     the held-out examples hold only one outcome
 * @param trainingExamples number of examples the model was trained on
 * @param heldOutExamples number of most recent examples held out for these figures
 * @param heldOutSuccessRate share of held-out examples that succeeded (the base rate); NaN if none
 * @param trainedAt when training finished
 */
public record LearningMetrics(
    double accuracy,
    double auc,
    int trainingExamples,
    int heldOutExamples,
    double heldOutSuccessRate,
    Instant trainedAt) {

  /** Validates. */
  public LearningMetrics {
    if (!Double.isNaN(accuracy)) {
      ModelChecks.fraction("accuracy", accuracy);
    }
    if (!Double.isNaN(auc)) {
      ModelChecks.fraction("auc", auc);
    }
    ModelChecks.nonNegative("trainingExamples", trainingExamples);
    ModelChecks.nonNegative("heldOutExamples", heldOutExamples);
    if (!Double.isNaN(heldOutSuccessRate)) {
      ModelChecks.fraction("heldOutSuccessRate", heldOutSuccessRate);
    }
    ModelChecks.notNull("trainedAt", trainedAt);
  }
}
