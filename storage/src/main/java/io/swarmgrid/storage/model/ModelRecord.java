package io.swarmgrid.storage.model;

import java.util.List;

/**
 * A trained model in {@code swarm.models}, with its metrics. Compact type name {@code
 * swarmgrid.ModelRecord}.
 *
 * @param name model name, e.g. {@code consensus-outcome}
 * @param version 1, 2, ... per name
 * @param bytes the serialized Tribuo model
 * @param sha256 hex SHA-256 of {@code bytes}
 * @param trainedAt epoch millis
 * @param accuracy accuracy on held-out recent examples
 * @param auc ROC AUC on held-out recent examples (NaN if undefined)
 * @param trainingExamples examples trained on
 * @param heldOutExamples examples held out for the metrics
 * @param thresholdKeys decision types that have a learned threshold
 * @param thresholds learned thresholds, in the order of {@code thresholdKeys}
 * @param defaultThreshold threshold of every other type
 */
public record ModelRecord(
    String name,
    long version,
    byte[] bytes,
    String sha256,
    long trainedAt,
    double accuracy,
    double auc,
    int trainingExamples,
    int heldOutExamples,
    List<String> thresholdKeys,
    double[] thresholds,
    double defaultThreshold) {

  /** Copies the list. */
  public ModelRecord {
    thresholdKeys = List.copyOf(thresholdKeys);
  }

  /** The threshold of {@code key}, or the default. */
  public double threshold(String key) {
    int i = thresholdKeys.indexOf(key);
    return i < 0 ? defaultThreshold : thresholds[i];
  }
}
