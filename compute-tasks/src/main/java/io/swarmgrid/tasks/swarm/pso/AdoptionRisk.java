package io.swarmgrid.tasks.swarm.pso;

/**
 * The risk of adopting a swarm's best, as the consensus engine's learned outcome model sees the
 * adoption proposal (scored as if every voter approved with full confidence: the best case the vote
 * can give it).
 *
 * @param assessed whether a learned model was there to ask; when not, the other fields are 0
 * @param modelVersion the version of the model asked
 * @param predictedSuccess the model's probability that the decision turns out well
 * @param threshold the model's learned threshold for swarm decisions (its gate vetoes approvals
 *     predicted under it)
 */
public record AdoptionRisk(
    boolean assessed, long modelVersion, double predictedSuccess, double threshold) {

  /** No model to ask (none trained yet, or no consensus engine). */
  public static AdoptionRisk unassessed() {
    return new AdoptionRisk(false, 0, 0, 0);
  }

  /** The chance the adoption goes wrong, {@code 1 − predictedSuccess}; NaN when not assessed. */
  public double risk() {
    return assessed ? 1 - predictedSuccess : Double.NaN;
  }

  /** Whether the learned gate would veto the adoption even if every voter approved. */
  public boolean gated() {
    return assessed && predictedSuccess < threshold;
  }
}
