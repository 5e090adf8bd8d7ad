package io.swarmgrid.plugin.consensus;

import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.VoteStatus;
import java.util.Map;

/**
 * Counts of one member's consensus engine since it started.
 *
 * @param proposalsAccepted proposals this member's partitions took
 * @param proposalsRefused proposals refused, by the field that was wrong
 * @param votes votes applied on this member's partitions, by status (refusals included)
 * @param decisions decisions this member committed, by how they ended
 * @param commitBatches Raft commit batches this member ran
 * @param vetoes approvals the learned model turned into rejections
 * @param commitFailures decisions whose commit attempt failed and was retried (CP unavailable)
 */
public record ConsensusStats(
    long proposalsAccepted,
    Map<String, Long> proposalsRefused,
    Map<VoteStatus, Long> votes,
    Map<DecisionEnd, Long> decisions,
    long commitBatches,
    long vetoes,
    long commitFailures) {}
