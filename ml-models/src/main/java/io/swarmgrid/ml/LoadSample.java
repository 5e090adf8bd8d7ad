package io.swarmgrid.ml;

import io.swarmgrid.ml.internal.ModelChecks;

/**
 * A finished task: where it ran and under what load, and how long it took.
 *
 * @param features the node and task features at the time the task was placed
 * @param observedMillis the task's measured completion time, in ms, {@code >= 0}
 */
public record LoadSample(LoadFeatures features, double observedMillis) {

  /** Validates. */
  public LoadSample {
    ModelChecks.notNull("features", features);
    ModelChecks.nonNegative("observedMillis", observedMillis);
  }
}
