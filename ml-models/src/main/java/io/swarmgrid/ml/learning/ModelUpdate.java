package io.swarmgrid.ml.learning;

/**
 * One participant's trained model for a round: its full parameter vector, how many training samples
 * it saw (the weight of federated averaging) and the participant's reputation in [0, 1] (used only
 * by the reputation-weighted rules).
 */
public record ModelUpdate(String participant, double[] weights, long samples, double reputation) {

  /**
   * Checks the participant, the sample count and the reputation; the weights are checked by shape.
   */
  public ModelUpdate {
    if (participant == null || participant.isBlank()) {
      throw new IllegalArgumentException("participant is missing");
    }
    if (samples < 1) {
      throw new IllegalArgumentException(
          "samples of " + participant + " must be >= 1, was " + samples);
    }
    if (!(reputation >= 0 && reputation <= 1)) {
      throw new IllegalArgumentException(
          "reputation of " + participant + " must be in [0, 1], was " + reputation);
    }
  }

  /** An update with full reputation. */
  public static ModelUpdate of(String participant, double[] weights, long samples) {
    return new ModelUpdate(participant, weights, samples, 1.0);
  }
}
