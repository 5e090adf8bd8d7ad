package io.swarmgrid.storage.consensus;

/**
 * What became of a decided proposal, as reported with {@code reportOutcome}: one training example
 * for the learned success model ({@code swarm.outcomes}). Compact type name {@code
 * swarmgrid.OutcomeRecord}.
 *
 * @param proposalId the proposal
 * @param type what was decided
 * @param priority the proposal's priority
 * @param proposerConfidence the proposer's confidence
 * @param features the proposal's feature vector
 * @param approveWeightFraction share of the eligible weight that voted for the first option
 * @param meanVoterConfidence mean confidence of the counted votes
 * @param voteCount counted votes
 * @param success whether it went well
 * @param reportedAt epoch millis of the report; examples are used oldest first
 */
public record OutcomeRecord(
    String proposalId,
    DecisionType type,
    int priority,
    double proposerConfidence,
    double[] features,
    double approveWeightFraction,
    double meanVoterConfidence,
    int voteCount,
    boolean success,
    long reportedAt) {}
