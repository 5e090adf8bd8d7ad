package io.swarmgrid.ml;

import java.util.Arrays;

/**
 * A past consensus decision with its observed outcome, used to train {@link DecisionOutcomeModel}.
 * Components are validated as in {@link DecisionFeatures}.
 *
 * @param decisionType kind of decision; not blank
 * @param priority proposal priority, {@code >= 0}
 * @param proposerConfidence the proposer's confidence, in [0, 1]
 * @param features the proposal's feature vector, finite values; copied in and out
 * @param approveWeightFraction share of the weighted tally that approved, in [0, 1]
 * @param meanVoterConfidence mean confidence of the voters, in [0, 1]
 * @param voteCount number of votes cast, {@code >= 0}
 * @param success whether the decision turned out well (the feedback reported after it was applied)
 */
public record DecisionExample(
    String decisionType,
    int priority,
    double proposerConfidence,
    double[] features,
    double approveWeightFraction,
    double meanVoterConfidence,
    int voteCount,
    boolean success) {

  /** Validates (through {@link DecisionFeatures}) and copies. */
  public DecisionExample {
    features =
        new DecisionFeatures(
                decisionType,
                priority,
                proposerConfidence,
                features,
                approveWeightFraction,
                meanVoterConfidence,
                voteCount)
            .features();
  }

  /** An example from a proposal's features and its outcome. */
  public static DecisionExample of(DecisionFeatures features, boolean success) {
    return features.withOutcome(success);
  }

  /** The proposal without its outcome. */
  public DecisionFeatures toFeatures() {
    return new DecisionFeatures(
        decisionType,
        priority,
        proposerConfidence,
        features,
        approveWeightFraction,
        meanVoterConfidence,
        voteCount);
  }

  /** A copy of the feature vector. */
  @Override
  public double[] features() {
    return features.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecisionExample other
        && success == other.success
        && toFeatures().equals(other.toFeatures());
  }

  @Override
  public int hashCode() {
    return 31 * toFeatures().hashCode() + Boolean.hashCode(success);
  }

  @Override
  public String toString() {
    return "DecisionExample[decisionType="
        + decisionType
        + ", priority="
        + priority
        + ", proposerConfidence="
        + proposerConfidence
        + ", features="
        + Arrays.toString(features)
        + ", approveWeightFraction="
        + approveWeightFraction
        + ", meanVoterConfidence="
        + meanVoterConfidence
        + ", voteCount="
        + voteCount
        + ", success="
        + success
        + "]";
  }
}
