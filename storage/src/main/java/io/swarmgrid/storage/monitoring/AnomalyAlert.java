package io.swarmgrid.storage.monitoring;

import java.util.List;

/**
 * An alert raised because the swarm agreed that an anomaly is real ({@code swarm.alerts}, keyed by
 * the proposal id). Compact type name {@code swarmgrid.AnomalyAlert}.
 *
 * @param proposalId the consensus proposal that decided it
 * @param key what the members agreed on: the id of the anomalous line's masked content
 * @param example an anomalous line, as the proposing member saw it
 * @param proposer node id of the member that proposed it
 * @param voters node ids of the members whose votes made the quorum
 * @param supportFraction the approving weight over the electorate's weight
 * @param raisedAt epoch millis the alert was raised
 */
public record AnomalyAlert(
    String proposalId,
    String key,
    String example,
    String proposer,
    List<String> voters,
    double supportFraction,
    long raisedAt) {
  /** Copies the voters. */
  public AnomalyAlert {
    voters = List.copyOf(voters);
  }
}
