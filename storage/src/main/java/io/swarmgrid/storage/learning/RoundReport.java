package io.swarmgrid.storage.learning;

import java.util.List;

/**
 * What one round of a job did, in {@code swarm.learning.rounds}, key {@link #key}. Written before
 * any evidence of the round is filed: the evidence store checks outlier evidence against it.
 * Compact type name {@code swarmgrid.RoundReport}.
 *
 * @param jobId the job
 * @param round 1-based round
 * @param attempt the attempt that completed
 * @param accepted participants whose updates were aggregated
 * @param rejected refused updates, each {@code participant: reason}
 * @param outliers accepted participants whose update lay far from the aggregate
 * @param accuracy held-out accuracy of the aggregate, in [0, 1]
 * @param version the model version it became, 0 if not promoted
 * @param roundMillis wall time of the attempt (training, aggregation, promotion)
 * @param aggregateMicros time of the aggregation alone
 */
public record RoundReport(
    String jobId,
    int round,
    int attempt,
    List<String> accepted,
    List<String> rejected,
    List<String> outliers,
    double accuracy,
    int version,
    long roundMillis,
    long aggregateMicros) {

  /** Copies the lists. */
  public RoundReport {
    accepted = List.copyOf(accepted);
    rejected = List.copyOf(rejected);
    outliers = List.copyOf(outliers);
  }

  /** The key of a round's report. */
  public static String key(String jobId, int round) {
    return jobId + "/" + round;
  }

  /** The evidence subject of an outlier's update in this round. */
  public static String subject(String jobId, int round, String participant) {
    return "learning/" + jobId + "/" + round + "/" + participant;
  }
}
