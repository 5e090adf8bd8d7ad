package io.swarmgrid.ml;

import io.swarmgrid.ml.internal.ModelChecks;

/**
 * A candidate placement for the load balancer: one node's state and one task's demands. Every
 * component is validated; a bad value is rejected with its field name.
 *
 * @param cpuCores the node's CPU cores, {@code >= 1}
 * @param freeMemoryFraction share of the node's memory that is free, in [0, 1]
 * @param activeTasks tasks the node is running now, {@code >= 0}
 * @param reputation the node's reputation score, in [0, 1]
 * @param estimatedDurationMs the task's own estimate of its run time on an idle node, in ms, {@code
 *     >= 0}
 * @param cpuRequirement CPU cores the task wants, {@code >= 0}
 * @param memoryRequirement share of this node's memory the task needs, in [0, 1]
 * @param priority task priority, {@code >= 0}
 */
public record LoadFeatures(
    int cpuCores,
    double freeMemoryFraction,
    int activeTasks,
    double reputation,
    double estimatedDurationMs,
    double cpuRequirement,
    double memoryRequirement,
    int priority) {

  /** Validates. */
  public LoadFeatures {
    ModelChecks.positive("cpuCores", cpuCores);
    ModelChecks.fraction("freeMemoryFraction", freeMemoryFraction);
    ModelChecks.nonNegative("activeTasks", activeTasks);
    ModelChecks.fraction("reputation", reputation);
    ModelChecks.nonNegative("estimatedDurationMs", estimatedDurationMs);
    ModelChecks.nonNegative("cpuRequirement", cpuRequirement);
    ModelChecks.fraction("memoryRequirement", memoryRequirement);
    ModelChecks.nonNegative("priority", priority);
  }
}
