package io.swarmgrid.ml;

import io.swarmgrid.ml.internal.ModelChecks;
import java.util.Arrays;

/**
 * What is known about a consensus proposal when its outcome is predicted: the proposal itself and
 * the tally of its votes. Every component is validated; a bad value is rejected with its field
 * name.
 *
 * @param decisionType kind of decision, e.g. {@code "scale-out"}; not blank, at most {@value
 *     #MAX_TYPE_LENGTH} characters
 * @param priority proposal priority, {@code >= 0}
 * @param proposerConfidence the proposer's confidence, in [0, 1]
 * @param features the proposal's feature vector, finite values, at most {@value #MAX_FEATURES}
 *     entries; copied in and out
 * @param approveWeightFraction share of the weighted tally (confidence × reputation) that approved,
 *     in [0, 1]
 * @param meanVoterConfidence mean confidence of the voters, in [0, 1]
 * @param voteCount number of votes cast, {@code >= 0}
 */
public record DecisionFeatures(
    String decisionType,
    int priority,
    double proposerConfidence,
    double[] features,
    double approveWeightFraction,
    double meanVoterConfidence,
    int voteCount) {

  /** Longest accepted decision type, in characters. */
  public static final int MAX_TYPE_LENGTH = 200;

  /** Longest accepted feature vector. */
  public static final int MAX_FEATURES = 1024;

  /** Validates and copies. */
  public DecisionFeatures {
    ModelChecks.decisionType(decisionType, MAX_TYPE_LENGTH);
    ModelChecks.nonNegative("priority", priority);
    ModelChecks.fraction("proposerConfidence", proposerConfidence);
    features = ModelChecks.finiteVector("features", features, MAX_FEATURES);
    ModelChecks.fraction("approveWeightFraction", approveWeightFraction);
    ModelChecks.fraction("meanVoterConfidence", meanVoterConfidence);
    ModelChecks.nonNegative("voteCount", voteCount);
  }

  /** A copy of the feature vector. */
  @Override
  public double[] features() {
    return features.clone();
  }

  /** The same proposal with its known outcome, as a training example. */
  public DecisionExample withOutcome(boolean success) {
    return new DecisionExample(
        decisionType,
        priority,
        proposerConfidence,
        features,
        approveWeightFraction,
        meanVoterConfidence,
        voteCount,
        success);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecisionFeatures other
        && decisionType.equals(other.decisionType)
        && priority == other.priority
        && Double.compare(proposerConfidence, other.proposerConfidence) == 0
        && Arrays.equals(features, other.features)
        && Double.compare(approveWeightFraction, other.approveWeightFraction) == 0
        && Double.compare(meanVoterConfidence, other.meanVoterConfidence) == 0
        && voteCount == other.voteCount;
  }

  @Override
  public int hashCode() {
    int h = decisionType.hashCode();
    h = 31 * h + priority;
    h = 31 * h + Double.hashCode(proposerConfidence);
    h = 31 * h + Arrays.hashCode(features);
    h = 31 * h + Double.hashCode(approveWeightFraction);
    h = 31 * h + Double.hashCode(meanVoterConfidence);
    return 31 * h + voteCount;
  }

  @Override
  public String toString() {
    return "DecisionFeatures[decisionType="
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
        + "]";
  }
}
