package io.swarmgrid.storage.consensus;

import java.util.List;

/**
 * The one committed outcome of a proposal ({@code swarm.decisions}). Compact type name {@code
 * swarmgrid.Decision}.
 *
 * @param proposalId the proposal
 * @param type what was decided
 * @param outcome index of the winning option, or -1 if none (deadline passed, or vetoed)
 * @param outcomeLabel the winning option's label, or empty
 * @param end how it ended
 * @param optionWeights weighted tally per option (sum of confidence x reputation)
 * @param eligibleWeight total weight of the electorate (sum of reputations)
 * @param voters node ids whose votes counted, in arrival order
 * @param meanConfidence mean confidence of the counted votes (0 if none)
 * @param equivocators voters caught signing two different votes
 * @param createdAt epoch millis the proposal was made
 * @param decidedAt epoch millis the quorum was reached or the deadline closed it
 * @param predictedSuccess the learned model's success probability at decision time, or NaN
 * @param threshold the learned threshold it was compared with, or NaN
 * @param note why, in words (e.g. a model veto)
 */
public record Decision(
    String proposalId,
    DecisionType type,
    int outcome,
    String outcomeLabel,
    DecisionEnd end,
    double[] optionWeights,
    double eligibleWeight,
    List<String> voters,
    double meanConfidence,
    List<String> equivocators,
    long createdAt,
    long decidedAt,
    double predictedSuccess,
    double threshold,
    String note) {

  /** Copies the lists. */
  public Decision {
    voters = List.copyOf(voters);
    equivocators = List.copyOf(equivocators);
    note = note == null ? "" : note;
    outcomeLabel = outcomeLabel == null ? "" : outcomeLabel;
  }

  /** Milliseconds from proposal to decision. */
  public long tookMillis() {
    return decidedAt - createdAt;
  }

  /** Whether an option other than reject won. */
  public boolean approved() {
    return end == DecisionEnd.QUORUM;
  }

  /** This decision with the learned model's verdict applied. */
  public Decision withModel(double predicted, double threshold, boolean veto) {
    if (!veto) {
      return new Decision(
          proposalId,
          type,
          outcome,
          outcomeLabel,
          end,
          optionWeights,
          eligibleWeight,
          voters,
          meanConfidence,
          equivocators,
          createdAt,
          decidedAt,
          predicted,
          threshold,
          note);
    }
    return new Decision(
        proposalId,
        type,
        -1,
        "",
        DecisionEnd.REJECTED,
        optionWeights,
        eligibleWeight,
        voters,
        meanConfidence,
        equivocators,
        createdAt,
        decidedAt,
        predicted,
        threshold,
        String.format(
            "vetoed by the learned model: predicted success %.3f < threshold %.3f for %s",
            predicted, threshold, type));
  }
}
