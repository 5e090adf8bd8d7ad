package io.swarmgrid.ml;

import io.swarmgrid.ml.internal.ModelChecks;

/**
 * A predicted success probability next to the outcome that followed; what {@link AdaptiveThreshold}
 * learns from.
 *
 * @param decisionType kind of decision; not blank, at most {@value
 *     DecisionFeatures#MAX_TYPE_LENGTH} characters
 * @param predictedSuccess predicted probability of success, in [0, 1]
 * @param success the observed outcome
 */
public record ScoredOutcome(String decisionType, double predictedSuccess, boolean success) {

  /** Validates. */
  public ScoredOutcome {
    ModelChecks.decisionType(decisionType, DecisionFeatures.MAX_TYPE_LENGTH);
    ModelChecks.fraction("predictedSuccess", predictedSuccess);
  }
}
