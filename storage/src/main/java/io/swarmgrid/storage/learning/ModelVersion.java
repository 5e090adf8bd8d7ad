package io.swarmgrid.storage.learning;

import java.util.Arrays;
import java.util.Objects;

/**
 * A promoted global model of a training job in {@code swarm.models}, key {@link #key}: the flat
 * parameters of a {@code classes x features} softmax regression plus biases, with what the
 * promotion was decided on. Readable by any client as a {@code GenericRecord}; Compact type name
 * {@code swarmgrid.ModelVersion}.
 *
 * @param jobId the job
 * @param version 1, 2, ...
 * @param round the round that produced it
 * @param features input features
 * @param classes output classes
 * @param weights {@code classes * features + classes} parameters
 * @param accuracy held-out accuracy, in [0, 1]
 * @param rule the aggregation rule
 * @param participants updates aggregated
 * @param rejected updates refused (signature, shape, quarantine)
 * @param proposalId the consensus proposal that promoted it, or empty when no consensus engine ran
 * @param createdAt epoch millis
 */
public record ModelVersion(
    String jobId,
    int version,
    int round,
    int features,
    int classes,
    double[] weights,
    double accuracy,
    String rule,
    int participants,
    int rejected,
    String proposalId,
    long createdAt) {

  /** Checks the ids. */
  public ModelVersion {
    Objects.requireNonNull(jobId, "jobId");
    proposalId = proposalId == null ? "" : proposalId;
  }

  /** The key of a job's model version in {@code swarm.models}. */
  public static String key(String jobId, int version) {
    return "learning/" + jobId + "/" + version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelVersion m
        && jobId.equals(m.jobId)
        && version == m.version
        && round == m.round
        && Arrays.equals(weights, m.weights)
        && Double.compare(accuracy, m.accuracy) == 0
        && Objects.equals(rule, m.rule)
        && participants == m.participants
        && rejected == m.rejected
        && proposalId.equals(m.proposalId)
        && createdAt == m.createdAt
        && features == m.features
        && classes == m.classes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, version, round);
  }

  @Override
  public String toString() {
    return "ModelVersion["
        + jobId
        + " v"
        + version
        + ", round "
        + round
        + ", acc "
        + accuracy
        + "]";
  }
}
